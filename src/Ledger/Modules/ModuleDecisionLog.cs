using EPoomasi.Ledger.Storage;
using Marten;
using Marten.Events;
using Npgsql;

namespace EPoomasi.Ledger.Modules;

/// <summary>Module commands decided, as the event log holds them, in log order, with the position of the row that holds each.</summary>
/// <param name="Decisions">In log order; several may share a position (one journal row holds a transaction's decisions).</param>
/// <param name="Through">The position read through: read on after it. It never passes the sealed head.</param>
public sealed record ModuleDecisionPage(IReadOnlyList<(long Position, ModuleCommandDecided Decision)> Decisions, long Through);

/// <summary>
/// Reads the module commands decided after a position in the event log, only as far as the journal is sealed: every
/// row up to the sealed head is committed and no transaction can still fill a gap below it, so a reader that moves its
/// position to <see cref="ModuleDecisionPage.Through"/> never skips a decision that commits later.
/// </summary>
internal sealed class ModuleDecisionLog(LedgerStore store)
{
    private readonly ISerializer _serializer = store.Documents.Options.Serializer();

    private readonly string _typeName =
        ((EventGraph)((StoreOptions)store.Documents.Options).Events).EventMappingFor(typeof(ModuleCommandsJournaled)).EventTypeName;

    /// <summary>The sealed head: the position a reader that wants only what happens from now on starts after.</summary>
    public async Task<long> HeadAsync(CancellationToken cancellationToken)
    {
        await using var connection = await store.OpenConnectionAsync(cancellationToken);
        return await HeadAsync(connection, cancellationToken);
    }

    private async Task<long> HeadAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        await using var sealedHead = new NpgsqlCommand($"select coalesce(max(seq_id), 0) from {store.Schema}.{JournalLinksTable.Name}", connection);
        return (long)(await sealedHead.ExecuteScalarAsync(cancellationToken))!;
    }

    public async Task<ModuleDecisionPage> ReadAsync(long after, int maxRows, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxRows, 1);
        await using var connection = await store.OpenConnectionAsync(cancellationToken);
        var head = await HeadAsync(connection, cancellationToken);
        if (head <= after) return new ModuleDecisionPage([], after);
        await using var command = new NpgsqlCommand(
            $"select seq_id, data from {store.Schema}.mt_events where type = $1 and seq_id > $2 and seq_id <= $3 order by seq_id limit $4", connection)
        {
            Parameters =
            {
                new NpgsqlParameter { Value = _typeName }, new NpgsqlParameter { Value = after }, new NpgsqlParameter { Value = head }, new NpgsqlParameter { Value = maxRows },
            },
        };
        var decisions = new List<(long, ModuleCommandDecided)>();
        var rows = 0;
        var last = after;
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            rows++;
            last = reader.GetInt64(0);
            var journal = _serializer.FromJson<ModuleCommandsJournaled>(reader, 1);
            decisions.AddRange(journal.Decisions.Select(d => (last, d)));
        }

        // A full page may stop short of the head; otherwise everything up to the head has been read.
        return new ModuleDecisionPage(decisions, rows == maxRows ? last : head);
    }
}
