namespace EPoomasi.Ledger.Transfers;

/// <summary>
/// What became of one transfer id: the idempotency record and the answer to a lookup by id. Written in
/// the same transaction as the account events it explains. Failed ids have records too, so that an id
/// has exactly one outcome.
/// </summary>
public sealed record TransferRecord
{
    public required Guid Id { get; init; }

    public required TransferKind Kind { get; init; }

    /// <summary><see cref="TransferResult.Ok"/>, or the reason it was rejected.</summary>
    public required TransferResult Result { get; init; }

    public required Guid DebitAccountId { get; init; }

    public required Guid CreditAccountId { get; init; }

    /// <summary>Amount moved (or reserved, for a hold).</summary>
    public required Minutes AmountMinutes { get; init; }

    public required TransferCode Code { get; init; }

    public string Memo { get; init; } = "";

    /// <summary>The marketplace deal this belongs to, if any.</summary>
    public Guid? DealId { get; init; }

    /// <summary>For a post or void, the hold it resolved.</summary>
    public Guid? HoldId { get; init; }

    /// <summary>
    /// For a post, the amount it asked for: null when it asked for the whole hold, which is a different
    /// request from naming the amount, even when the two post the same.
    /// </summary>
    public Minutes? RequestedAmountMinutes { get; init; }

    /// <summary>For a reversal, the transfer it compensates.</summary>
    public Guid? ReversesTransferId { get; init; }

    /// <summary>Why, for reversals.</summary>
    public string? Reason { get; init; }

    /// <summary>For a hold, how long it may stay pending.</summary>
    public TimeSpan? HoldTimeout { get; init; }

    /// <summary>For a hold, the instant it expires.</summary>
    public DateTimeOffset? ExpiresAt { get; init; }

    /// <summary>For a successful hold, where it stands.</summary>
    public HoldState? HoldState { get; init; }

    /// <summary>For a posted hold, the amount posted.</summary>
    public Minutes? PostedAmountMinutes { get; init; }

    /// <summary>For a resolved hold, the post or void that resolved it (null when it expired).</summary>
    public Guid? ResolvedByTransferId { get; init; }

    public DateTimeOffset? ResolvedAt { get; init; }

    /// <summary>Set once, when the transfer is reversed.</summary>
    public Guid? ReversedByTransferId { get; init; }

    /// <summary>The legs actually posted or reserved; empty when rejected.</summary>
    public IReadOnlyList<Leg> Legs { get; init; } = [];

    public required Attribution By { get; init; }

    public required DateTimeOffset At { get; init; }

    /// <summary>True for a hold still waiting to be resolved.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public bool IsPendingHold => Kind == TransferKind.Hold && HoldState == Transfers.HoldState.Pending;
}
