namespace EPoomasi.Ledger.Modules;

/// <summary>A module command waiting for a write transaction, with its kind and its text, written once.</summary>
internal sealed record ModuleRequest(IModuleKind Kind, ModuleCommand Command, string CommandText)
{
    /// <summary>Most characters of a state key.</summary>
    public const int MaxKeyLength = 200;

    public (string Kind, string Key) Entity => (Kind.Kind, Command.StateKey);

    /// <summary>Checks what no transaction may take, and writes the command's text.</summary>
    /// <exception cref="LedgerInputException">The command cannot be taken as it is.</exception>
    public static ModuleRequest For(IModuleKind kind, ModuleCommand command)
    {
        ArgumentNullException.ThrowIfNull(command);
        if (command.Id == Guid.Empty) throw new LedgerInputException("A module command needs an id; the empty id is not one.");
        if (string.IsNullOrEmpty(command.StateKey) || command.StateKey.Length > MaxKeyLength || command.StateKey.Contains('\0', StringComparison.Ordinal))
        {
            throw new LedgerInputException($"A module command's state key has 1 to {MaxKeyLength} characters and no NUL.");
        }

        if (string.IsNullOrWhiteSpace(command.By?.ActorId) || string.IsNullOrWhiteSpace(command.By.Channel))
        {
            throw new LedgerInputException("A module command names who caused it: an actor and a channel.");
        }

        return new ModuleRequest(kind, command, kind.WriteCommand(command));
    }
}

/// <summary>What a module command came to in its transaction: an answer, or a refusal of the request alone.</summary>
internal sealed record ModuleAnswer(object? Result, bool Replayed, IReadOnlyList<Transfers.TransferOutcome> Transfers, Exception? Refusal = null);
