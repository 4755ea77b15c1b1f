using EPoomasi.Ledger.Accounts;

namespace EPoomasi.Ledger.Transfers;

/// <summary>
/// Which kinds of account each code may debit and credit, and whether it may cross districts.
/// Clearing accounts appear in no rule: only cross-district legs the ledger builds itself touch them.
/// </summary>
public static class TransferCodeRules
{
    private sealed record Rule(AccountKind[] Debits, AccountKind[] Credits, bool CrossDistrict)
    {
        /// <summary>For a code that goes either way between two kinds: never between two accounts of the same kind.</summary>
        public bool EitherWay { get; init; }
    }

    private static readonly Dictionary<TransferCode, Rule> Rules = new()
    {
        [TransferCode.Service] = new([AccountKind.Member], [AccountKind.Member], CrossDistrict: true),
        [TransferCode.Goods] = new([AccountKind.Member], [AccountKind.Member], CrossDistrict: true),
        [TransferCode.Welcome] = new([AccountKind.Issuance], [AccountKind.Member], CrossDistrict: false),
        [TransferCode.Mint] = new([AccountKind.Issuance], [AccountKind.Member, AccountKind.CommunityPot], CrossDistrict: false),
        [TransferCode.Donation] = new([AccountKind.Member], [AccountKind.CommunityPot], CrossDistrict: true),
        [TransferCode.PotGrant] = new([AccountKind.CommunityPot], [AccountKind.Member], CrossDistrict: false),
        [TransferCode.OpeningBalance] = new([AccountKind.Issuance, AccountKind.Member], [AccountKind.Member, AccountKind.Issuance], CrossDistrict: false) { EitherWay = true },
    };

    /// <summary>True for every code a client may name (everything but <see cref="TransferCode.Reversal"/>).</summary>
    public static bool IsSubmittable(TransferCode code) => Rules.ContainsKey(code);

    /// <summary>True when <paramref name="code"/> may move minutes from a <paramref name="debit"/> to a <paramref name="credit"/> account.</summary>
    public static bool Allows(TransferCode code, AccountKind debit, AccountKind credit) =>
        Rules.TryGetValue(code, out var rule) && rule.Debits.Contains(debit) && rule.Credits.Contains(credit) && (!rule.EitherWay || debit != credit);

    /// <summary>True when <paramref name="code"/> may connect accounts of two different districts.</summary>
    public static bool AllowsCrossDistrict(TransferCode code) => Rules.TryGetValue(code, out var rule) && rule.CrossDistrict;
}
