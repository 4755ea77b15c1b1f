using EPoomasi.Ledger.Accounts;

namespace EPoomasi.Ledger.Reading;

/// <summary>
/// A district's books at one instant: every account's balance, and the supply of credits. The balances
/// sum to zero in a healthy district (<see cref="IsBalanced"/>).
/// </summary>
/// <param name="IssuedMinutes">Net credits the district has minted (welcome and mint, less reversals).</param>
/// <param name="MintBudgetRemainingMinutes">What may still be minted.</param>
/// <param name="GrantedFromPotMinutes">Everything ever granted out of the community pot.</param>
/// <param name="CommunityPotMinutes">The pot's balance.</param>
/// <param name="InCirculationMinutes">Sum of member balances.</param>
/// <param name="PendingMinutes">Reserved by pending holds on member accounts.</param>
/// <param name="ClearingPositions">Balance of each clearing account, by counterpart district.</param>
public sealed record TrialBalance(
    string DistrictId,
    IReadOnlyList<Account> Accounts,
    Minutes IssuedMinutes,
    Minutes MintBudgetRemainingMinutes,
    Minutes GrantedFromPotMinutes,
    Minutes CommunityPotMinutes,
    Minutes InCirculationMinutes,
    Minutes PendingMinutes,
    IReadOnlyDictionary<string, Minutes> ClearingPositions)
{
    /// <summary>Sum of every balance in the district.</summary>
    public Minutes TotalMinutes => Accounts.Aggregate(Minutes.Zero, (sum, account) => sum + account.Balance);

    /// <summary>True when the district's books balance on their own (invariant 1).</summary>
    public bool IsBalanced => TotalMinutes == Minutes.Zero;
}
