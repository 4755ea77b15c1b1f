namespace EPoomasi.Ledger.Modules;

/// <summary>
/// A command of another module (the exchange, say) that changes one entity of that module's state and may
/// move credits while doing so. <see cref="Id"/> is the idempotency key, as for a transfer: the same id
/// answers with its first outcome.
/// </summary>
/// <param name="Id">The client-chosen idempotency key.</param>
/// <param name="By">Who caused the change.</param>
public abstract record ModuleCommand(Guid Id, Attribution By)
{
    /// <summary>The entity of the module's state this command changes (a deal's id, say). At most 200 characters.</summary>
    public abstract string StateKey { get; }
}
