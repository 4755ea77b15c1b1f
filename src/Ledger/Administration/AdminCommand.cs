namespace EPoomasi.Ledger.Administration;

/// <summary>A coordinator's or administrator's command on districts or accounts.</summary>
public abstract record AdminCommand(Attribution By)
{
    /// <summary>Districts whose settings the command reads under lock.</summary>
    internal abstract IReadOnlyList<string> DistrictsToLock { get; }

    /// <summary>Accounts the command reads under lock (existing or not).</summary>
    internal abstract IReadOnlyList<Guid> AccountsToLock { get; }
}
