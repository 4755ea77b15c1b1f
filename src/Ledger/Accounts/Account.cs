namespace EPoomasi.Ledger.Accounts;

/// <summary>
/// The state of one account, as its events leave it. Stored beside the stream and locked by every
/// write that touches the account, so it is what writes validate against.
/// </summary>
public sealed record Account
{
    /// <summary>Client-chosen for members; derived from district codes for the district's own accounts.</summary>
    public required Guid Id { get; init; }

    /// <summary>The district the account belongs to; never changes.</summary>
    public required string DistrictId { get; init; }

    public required AccountKind Kind { get; init; }

    /// <summary>For a clearing account, the district it faces; otherwise null.</summary>
    public string? CounterpartDistrictId { get; init; }

    /// <summary>Most negative balance allowed, pending debits included.</summary>
    public required Minutes Floor { get; init; }

    /// <summary>Most positive balance allowed, pending credits included.</summary>
    public required Minutes Cap { get; init; }

    public AccountStatus Status { get; init; } = AccountStatus.Open;

    public Minutes DebitsPosted { get; init; }

    public Minutes CreditsPosted { get; init; }

    /// <summary>Amounts reserved by pending holds on the paying side.</summary>
    public Minutes DebitsPending { get; init; }

    /// <summary>Amounts reserved by pending holds on the receiving side.</summary>
    public Minutes CreditsPending { get; init; }

    /// <summary>Number of events in the account's stream; the statement cursor counts the same way.</summary>
    public long Version { get; init; }

    public DateTimeOffset OpenedAt { get; init; }

    /// <summary>Credits posted minus debits posted.</summary>
    public Minutes Balance => CreditsPosted - DebitsPosted;

    /// <summary>What may still be spent: balance minus pending debits.</summary>
    public Minutes Available => Balance - DebitsPending;

    /// <summary>True when the floor and cap hold with pending amounts included (invariant 3).</summary>
    public bool IsWithinLimits => Balance - DebitsPending >= Floor && Balance + CreditsPending <= Cap;
}
