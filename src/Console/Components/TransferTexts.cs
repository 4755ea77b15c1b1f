using EPoomasi.Contracts.Ledger.V1;
using Microsoft.Extensions.Localization;

namespace EPoomasi.WebConsole.Components;

/// <summary>Why the ledger refused a payment, in the reader's words; the result's name for the rare ones.</summary>
public static class TransferTexts
{
    public static string Refusal(TransferResult result, IStringLocalizer<Texts> texts) => StepTexts.Refusal(texts, "TransferResult", result);
}
