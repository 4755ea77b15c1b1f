namespace EPoomasi.Ledger;

/// <summary>A module command reused the id of an earlier command with other fields; nothing was applied.</summary>
public sealed class ModuleIdReusedException : Exception
{
    public ModuleIdReusedException(Guid id) : base($"The id {id} was already used by a different command; nothing was applied. Use a new id.") => Id = id;

    public ModuleIdReusedException() { }

    public ModuleIdReusedException(string message) : base(message) { }

    public ModuleIdReusedException(string message, Exception inner) : base(message, inner) { }

    /// <summary>The id used twice.</summary>
    public Guid Id { get; }
}
