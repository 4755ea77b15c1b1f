namespace EPoomasi.Ledger.Transfers;

/// <summary>What a transfer is. <see cref="TransferCodeRules"/> says which accounts each may touch.</summary>
public enum TransferCode
{
    /// <summary>Hours of service given by the credited member to the debited one.</summary>
    Service = 1,

    /// <summary>Goods priced in hours.</summary>
    Goods = 2,

    /// <summary>Welcome credits for a new member, issued by the district.</summary>
    Welcome = 3,

    /// <summary>Community credits minted by a district coordinator within the mint budget.</summary>
    Mint = 4,

    /// <summary>A member's gift to the community pot.</summary>
    Donation = 5,

    /// <summary>A coordinator's grant out of the community pot.</summary>
    PotGrant = 6,

    /// <summary>A compensating transfer; only ever created by reversing another transfer.</summary>
    Reversal = 7,

    /// <summary>
    /// A member's balance brought from another time bank when the district moved in: from issuance for a positive
    /// balance, back to it for a negative one. Marks the minutes as imported rather than minted for work here.
    /// </summary>
    OpeningBalance = 8,
}
