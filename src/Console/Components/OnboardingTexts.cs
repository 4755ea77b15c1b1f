using EPoomasi.Contracts.Community.V1;
using Microsoft.Extensions.Localization;

namespace EPoomasi.WebConsole.Components;

/// <summary>Why an onboarding step did not happen, in the reader's words.</summary>
public static class OnboardingTexts
{
    public static string Refusal(OnboardingOutcome outcome, IStringLocalizer<Texts> texts)
    {
        var text = texts[$"Onboarding_{outcome.Result}"];
        var said = text.ResourceNotFound ? texts["Onboarding_Other", outcome.Result.ToString()].Value : text.Value;
        return outcome.LedgerRefusal.Length > 0 ? $"{said} ({outcome.LedgerRefusal})" : said;
    }
}
