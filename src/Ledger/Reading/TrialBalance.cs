using EPoomasi.Ledger.Accounts;

namespace EPoomasi.Ledger.Reading;

/// <summary>
/// A district's books at one instant: its own accounts (issuance, community pot, clearing), the sums over its
/// members, and the supply of credits. The balances sum to zero in a healthy district (<see cref="IsBalanced"/>).
/// The members themselves are read a page at a time (<see cref="LedgerModule.ListMemberAccountsAsync"/>), so a
/// district of 100,000 members takes no memory in proportion.
/// </summary>
/// <param name="OwnAccounts">The district's issuance, community pot and clearing accounts, by kind and id.</param>
/// <param name="MemberCount">How many member accounts the district has.</param>
/// <param name="TotalMinutes">Sum of every balance in the district, its own accounts and its members'.</param>
/// <param name="IssuedMinutes">Net credits the district has minted (welcome and mint, less reversals).</param>
/// <param name="MintBudgetRemainingMinutes">What may still be minted.</param>
/// <param name="GrantedFromPotMinutes">Everything ever granted out of the community pot.</param>
/// <param name="CommunityPotMinutes">The pot's balance.</param>
/// <param name="InCirculationMinutes">Sum of member balances.</param>
/// <param name="PendingMinutes">Reserved by pending holds on member accounts.</param>
/// <param name="ClearingPositions">Balance of each clearing account, by counterpart district.</param>
public sealed record TrialBalance(
    string DistrictId,
    IReadOnlyList<Account> OwnAccounts,
    long MemberCount,
    Minutes TotalMinutes,
    Minutes IssuedMinutes,
    Minutes MintBudgetRemainingMinutes,
    Minutes GrantedFromPotMinutes,
    Minutes CommunityPotMinutes,
    Minutes InCirculationMinutes,
    Minutes PendingMinutes,
    IReadOnlyDictionary<string, Minutes> ClearingPositions)
{
    /// <summary>True when the district's books balance on their own (invariant 1).</summary>
    public bool IsBalanced => TotalMinutes == Minutes.Zero;
}
