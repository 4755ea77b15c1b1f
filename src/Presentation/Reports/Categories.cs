using EPoomasi.Contracts.Ledger.V1;

namespace EPoomasi.Presentation.Reports;

/// <summary>What each transfer code is called in reports, Korean first.</summary>
public static class Categories
{
    public static string Label(TransferCode code) => code switch
    {
        TransferCode.Service => "서비스 service",
        TransferCode.Goods => "물품 goods",
        TransferCode.Welcome => "환영 welcome",
        TransferCode.Mint => "발행 mint",
        TransferCode.Donation => "기부 donation",
        TransferCode.PotGrant => "기금 지원 pot grant",
        TransferCode.Reversal => "정정 reversal",
        TransferCode.OpeningBalance => "이전 잔액 opening balance",
        _ => string.Concat(code.ToString().Select((c, i) => i > 0 && char.IsUpper(c) ? " " + char.ToLowerInvariant(c) : char.ToLowerInvariant(c).ToString())),
    };
}
