using EPoomasi.Contracts.Ledger.V1;
using Microsoft.Extensions.Localization;

namespace EPoomasi.WebConsole.Components;

/// <summary>What kind of transfer a line is, in the reader's words.</summary>
public static class CodeTexts
{
    public static string Label(TransferCode code, IStringLocalizer<Texts> texts) => code switch
    {
        TransferCode.Service => texts["Code_Service"],
        TransferCode.Goods => texts["Code_Goods"],
        TransferCode.Welcome => texts["Code_Welcome"],
        TransferCode.Mint => texts["Code_Mint"],
        TransferCode.Donation => texts["Code_Donation"],
        TransferCode.PotGrant => texts["Code_PotGrant"],
        _ => texts["Code_Other"],
    };
}
