namespace EPoomasi.Ledger.Reading.Reports;

/// <summary>
/// A district's supply of credits as of an instant, from the statement entries decided up to it: what later
/// transfers do cannot change it. Pending holds are not entries, so they are not part of it.
/// </summary>
/// <param name="AsOf">The instant.</param>
/// <param name="MemberCount">Member accounts opened by then.</param>
/// <param name="IssuedMinutes">Net credits minted (welcome grants and mints, less reversals): minus the issuance balance.</param>
/// <param name="GrantedFromPotMinutes">Everything granted out of the community pot by then.</param>
/// <param name="CommunityPotMinutes">The pot's balance.</param>
/// <param name="InCirculationMinutes">Sum of member balances.</param>
/// <param name="ClearingPositions">Each clearing account's balance, by counterpart district.</param>
/// <param name="TotalMinutes">Sum of every balance in the district: zero when its books balance.</param>
public sealed record Supply(
    string DistrictId,
    DateTimeOffset AsOf,
    long MemberCount,
    Minutes IssuedMinutes,
    Minutes GrantedFromPotMinutes,
    Minutes CommunityPotMinutes,
    Minutes InCirculationMinutes,
    IReadOnlyDictionary<string, Minutes> ClearingPositions,
    Minutes TotalMinutes)
{
    public bool IsBalanced => TotalMinutes == Minutes.Zero;
}

/// <summary>Minutes credited to a district's members in one month (Seoul time) under one transfer code.</summary>
/// <param name="Month">The month, as <c>2026-11</c>.</param>
/// <param name="Code">The transfer's code: service, goods, welcome, mint, pot grant, …</param>
/// <param name="Minutes">Minutes received.</param>
/// <param name="Transfers">How many transfers.</param>
public sealed record MonthlyHours(string Month, Transfers.TransferCode Code, Minutes Minutes, long Transfers);

/// <summary>How many members had a balance in [<paramref name="From"/>, <paramref name="To"/>); null bounds are open.</summary>
public sealed record BalanceBucket(Minutes? From, Minutes? To, long Members);

/// <summary>A member account as a report lists it: its balance as of the report's instant and its last activity by then.</summary>
/// <param name="LastActivity">When its last entry was decided; null when it had none.</param>
public sealed record MemberStanding(Guid AccountId, Minutes Balance, Minutes Floor, Minutes Cap, DateTimeOffset? LastActivity, DateTimeOffset OpenedAt);

/// <summary>A page of member accounts in id order, and the id to continue after, or null on the last page.</summary>
public sealed record MemberStandingPage(IReadOnlyList<MemberStanding> Members, Guid? NextAfter);

/// <summary>A statement line of one of a district's accounts.</summary>
public sealed record DistrictEntry(Guid AccountId, StatementEntry Entry);

/// <summary>A page of a district's statement lines, account by account, and where the next page starts, or null on the last.</summary>
public sealed record DistrictEntryPage(IReadOnlyList<DistrictEntry> Entries, (Guid AccountId, long Position)? NextAfter);
