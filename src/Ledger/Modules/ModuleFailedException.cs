namespace EPoomasi.Ledger;

/// <summary>
/// A module's decider threw while deciding a command. Nothing of that command was applied, and other
/// callers' writes that shared its transaction were decided again without it.
/// </summary>
public sealed class ModuleFailedException : Exception
{
    public ModuleFailedException(string kind, Guid commandId, Exception inner)
        : base($"The decider of '{kind}' failed on command {commandId}; nothing of it was applied: {inner.Message}", inner)
    {
    }

    public ModuleFailedException() { }

    public ModuleFailedException(string message) : base(message) { }

    public ModuleFailedException(string message, Exception inner) : base(message, inner) { }
}
