namespace EPoomasi.Ledger.Partners;

/// <summary>What a partner app may be allowed to do for the members it acts for.</summary>
public static class PartnerScopes
{
    /// <summary>Create transfers and holds, post and void them.</summary>
    public const string TransfersWrite = "transfers:write";

    /// <summary>Read accounts, statements and transfers.</summary>
    public const string AccountsRead = "accounts:read";

    public static readonly IReadOnlySet<string> All = new HashSet<string> { TransfersWrite, AccountsRead };
}
