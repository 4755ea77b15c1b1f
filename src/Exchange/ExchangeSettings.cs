namespace EPoomasi.Exchange;

/// <summary>The exchange's time rules. The defaults are what a time bank's members would expect.</summary>
public sealed record ExchangeSettings
{
    /// <summary>How long the other side has to answer a proposal or a counter.</summary>
    public TimeSpan AnswerWithin { get; init; } = TimeSpan.FromDays(7);

    /// <summary>How long an accepted deal's hold lasts; it is ended an hour before, so that the ledger never expires it first.</summary>
    public TimeSpan HoldFor { get; init; } = TimeSpan.FromDays(90);

    /// <summary>How long after acceptance the work may be claimed; after that the deal expires and its hold is voided.</summary>
    public TimeSpan WorkWithin { get; init; } = TimeSpan.FromDays(60);

    /// <summary>How long the receiver has to confirm or dispute a claim before it is confirmed for them.</summary>
    public TimeSpan ConfirmWithin { get; init; } = TimeSpan.FromDays(3);

    /// <summary>The longest a listing runs before it must be renewed.</summary>
    public TimeSpan ListingAtMost { get; init; } = TimeSpan.FromDays(365);

    /// <summary>How long a listing runs when its owner does not say.</summary>
    public TimeSpan ListingByDefault { get; init; } = TimeSpan.FromDays(90);

    /// <summary>
    /// How long after a loan's due date the thing may still come back before it counts as not returned: then the lender
    /// claims the whole deposit (the borrower may dispute), or, with no deposit, the loan ends unreturned.
    /// </summary>
    public TimeSpan ReturnWithin { get; init; } = TimeSpan.FromDays(30);

    /// <summary>What is wrong with the settings, or null.</summary>
    public string? Problem() =>
        AnswerWithin <= TimeSpan.Zero || ConfirmWithin <= TimeSpan.Zero || WorkWithin <= TimeSpan.Zero || ListingByDefault <= TimeSpan.Zero
            ? "Every period is positive."
            : WorkWithin + Deals.Deal.SafetyMargin >= HoldFor || HoldFor > Ledger.LedgerLimits.MaxHoldTimeout
                ? "A deal's hold outlasts the time for its work by more than an hour, and stays within the ledger's longest hold."
                : ListingByDefault > ListingAtMost ? "A listing's default run fits within its longest."
                : ReturnWithin <= TimeSpan.Zero || Loans.LoanDecider.HoldFor(Loans.Loan.MaxDays, ReturnWithin) > Ledger.LedgerLimits.MaxHoldTimeout
                    ? "A loan's time to return is positive, and its deposit's longest hold stays within the ledger's longest hold." : null;
}
