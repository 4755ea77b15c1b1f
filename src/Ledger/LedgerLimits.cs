namespace EPoomasi.Ledger;

/// <summary>Every bound the ledger enforces, in one place.</summary>
public static class LedgerLimits
{
    /// <summary>Largest amount of one transfer: one million hours.</summary>
    public static readonly Minutes MaxTransferMinutes = Minutes.FromHours(1_000_000);

    /// <summary>Largest absolute floor, cap, budget or trust limit: one hundred million hours.</summary>
    public static readonly Minutes MaxLimitMinutes = Minutes.FromHours(100_000_000);

    /// <summary>Default floor of a member account when a district does not say otherwise: −10 h.</summary>
    public static readonly Minutes DefaultMemberFloor = Minutes.FromHours(-10);

    /// <summary>Default cap of a member account when a district does not say otherwise: +100 h.</summary>
    public static readonly Minutes DefaultMemberCap = Minutes.FromHours(100);

    /// <summary>Longest memo on a transfer, in UTF-16 characters.</summary>
    public const int MemoMaxLength = 512;

    /// <summary>Longest reason given for a correction, freeze, limit change or reversal.</summary>
    public const int ReasonMaxLength = 512;

    /// <summary>Longest district name.</summary>
    public const int DistrictNameMaxLength = 100;

    /// <summary>Most items in one submitted batch.</summary>
    public const int MaxBatchItems = 8_000;

    /// <summary>Shortest hold timeout.</summary>
    public static readonly TimeSpan MinHoldTimeout = TimeSpan.FromSeconds(1);

    /// <summary>Longest hold timeout: a deal may wait a season, not forever.</summary>
    public static readonly TimeSpan MaxHoldTimeout = TimeSpan.FromDays(180);

    /// <summary>Largest statement page.</summary>
    public const int MaxStatementPageSize = 1_000;

    /// <summary>Longest identity (a token's subject) the ledger keeps, as a coordinator's appointment names it.</summary>
    public const int SubjectMaxLength = 128;

    /// <summary>Largest page of a district's member accounts.</summary>
    public const int MaxAccountPageSize = 1_000;

    /// <summary>Most transfers looked up in one call.</summary>
    public const int MaxLookupIds = 1_000;
}
