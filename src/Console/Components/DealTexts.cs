using EPoomasi.Contracts.Exchange.V1;
using Microsoft.Extensions.Localization;

namespace EPoomasi.WebConsole.Components;

/// <summary>A deal's states and sides in the reader's words.</summary>
public static class DealTexts
{
    public static string Status(DealStatus status, IStringLocalizer<Texts> texts) => texts[$"Status_{status}"];

    /// <summary>Why a deal's step did not happen: the result in plain words, and the ledger's own reason when it refused.</summary>
    public static string Refusal(DealOutcome outcome, IStringLocalizer<Texts> texts) => StepTexts.Refusal(texts, "DealResult", outcome.Result, outcome.LedgerRefusal);

    public static string Side(DealSide side, IStringLocalizer<Texts> texts) => side switch
    {
        DealSide.Provider => texts["Side_Provider"],
        DealSide.Receiver => texts["Side_Receiver"],
        _ => "",
    };
}
