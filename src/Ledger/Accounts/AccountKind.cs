namespace EPoomasi.Ledger.Accounts;

/// <summary>What an account is for. Every account belongs to exactly one district.</summary>
public enum AccountKind
{
    /// <summary>A member, or an organisation such as a hub institution or a co-op.</summary>
    Member = 1,

    /// <summary>The district's source of new credits; its balance is minus everything it issued.</summary>
    Issuance = 2,

    /// <summary>Hours donated by members and granted onward by coordinators; never below zero.</summary>
    CommunityPot = 3,

    /// <summary>The district's position against one counterpart district.</summary>
    Clearing = 4,
}
