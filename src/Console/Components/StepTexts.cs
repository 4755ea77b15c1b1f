using Microsoft.Extensions.Localization;

namespace EPoomasi.WebConsole.Components;

/// <summary>
/// Why a step (an onboarding, a mint, a deal's) did not happen, in the reader's words: the text kept under
/// <c>{kind}_{result}</c>, or the result's own name for the rare ones, and the ledger's reason when it refused.
/// </summary>
public static class StepTexts
{
    public static string Refusal<TResult>(IStringLocalizer<Texts> texts, string kind, TResult result, string ledgerRefusal = "") where TResult : struct, Enum
    {
        var text = texts[$"{kind}_{result}"];
        var said = text.ResourceNotFound ? texts["Step_NotDone", result.ToString()].Value : text.Value;
        return ledgerRefusal.Length > 0 ? $"{said} ({ledgerRefusal})" : said;
    }
}
