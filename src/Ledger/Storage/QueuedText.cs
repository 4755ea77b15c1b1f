namespace EPoomasi.Ledger.Storage;

/// <summary>
/// The JSON text of one transaction's set-based writes, let go of once the transaction is done.
/// Npgsql keeps the last command of every pooled connection, parameters included, until that
/// connection runs its next command; a batch of 1,000 transfers carries megabytes of JSON, so a pool
/// of idle connections held hundreds of megabytes (measured: 244 MB of strings after a benchmark run,
/// found with dotnet-dump gcroot). Emptying the arrays once the batch has run lets the GC take the text.
/// </summary>
internal sealed class QueuedText : IDisposable
{
    private readonly List<string?[]> _columns = [];

    /// <summary>Remembers <paramref name="column"/> so that disposing empties it; returns it.</summary>
    public string?[] Add(string?[] column)
    {
        _columns.Add(column);
        return column;
    }

    public void Dispose()
    {
        foreach (var column in _columns)
        {
            Array.Clear(column);
        }
    }
}
