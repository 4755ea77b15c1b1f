using EPoomasi.Ledger.Storage;
using Npgsql;

namespace EPoomasi.Ledger.Auditing.Journal;

/// <summary>
/// Seals the event log after commit, off the write path: links each event row up to the safe horizon into
/// the chain (<see cref="JournalChain"/>), a page per short transaction. Any number of gateway processes may
/// run one; they take turns on the seal lock and each continues from the chain's head as it finds it.
/// <para>
/// <b>Why the horizon is safe.</b> Event rows get their sequence numbers inside the transactions that write
/// them, so a number can be handed out and its row committed later, after higher numbers are already
/// visible; sealing past it would leave that row out of the chain, or fork it when it lands. Every
/// appending transaction, in every process, takes the append lock shared as its first statement and holds
/// it to its end (<see cref="JournalLocks"/>). The sealer reads the sequence's last number <i>L</i>, and
/// then, in a later statement, which transactions hold the append lock. Any transaction holding a number up
/// to <i>L</i> took the lock before it took the number, so it is among those holders or has ended. Once
/// every one of those holders has ended, every number up to <i>L</i> is final — its row committed and
/// visible, or never to exist (a rolled-back transaction's gap) — and <i>L</i> is a safe horizon. The
/// sealer keeps <i>L</i> and its holders as a candidate and seals up to it in the first round that finds
/// them all gone; with no holder at all, <i>L</i> is safe at once. Nobody takes the append lock exclusively,
/// so writers never wait for sealing, in any process.
/// </para>
/// </summary>
public sealed class JournalSealer(LedgerStore store)
{
    private const int PageRows = 2_000;

    // The last number read and the transactions that held the append lock just after; one round at a time.
    private (long Sequence, string[] Holders)? _candidate;

    /// <summary>Seals everything up to the safe horizon of this instant. Rounds of one sealer run one at a time.</summary>
    /// <returns>How many rows were sealed and the chain's head after; rows sealed is 0 while the horizon waits for writers to end.</returns>
    public async Task<SealResult> SealAsync(CancellationToken cancellationToken)
    {
        var horizon = await HorizonAsync(cancellationToken);
        long sealedRows = 0;
        JournalLink? head = null;
        while (true)
        {
            var (added, after) = await SealPageAsync(horizon ?? 0, cancellationToken);
            sealedRows += added;
            head = after;
            if (added < PageRows) break;
        }

        return new SealResult(sealedRows, head, horizon);
    }

    // The highest number known final (see the class summary): the candidate's, once its holders have all
    // ended, or the number just read when nobody holds the append lock. Null while a candidate waits.
    private async Task<long?> HorizonAsync(CancellationToken cancellationToken)
    {
        var schema = store.Schema;
        await using var connection = await store.Connections.OpenForReadingAsync(cancellationToken);
        long? safe = null;
        if (_candidate is { } waiting)
        {
            await using var stillOpen = new NpgsqlCommand("select count(*) from pg_locks where locktype = 'virtualxid' and virtualxid = any($1)", connection)
            {
                Parameters = { new NpgsqlParameter { Value = waiting.Holders } },
            };
            if ((long)(await stillOpen.ExecuteScalarAsync(cancellationToken))! > 0) return null;
            safe = waiting.Sequence;
            _candidate = null;
        }

        long last;
        await using (var read = new NpgsqlCommand($"select case when is_called then last_value else last_value - 1 end from {schema}.mt_events_sequence", connection))
        {
            last = (long)(await read.ExecuteScalarAsync(cancellationToken))!;
        }

        // A statement of its own, after the number was read: a holder of any number up to it is listed here.
        string[] holders;
        await using (var holding = new NpgsqlCommand(JournalLocks.AppendHolders(schema), connection))
        {
            holders = (string[])(await holding.ExecuteScalarAsync(cancellationToken))!;
        }

        if (holders.Length == 0) return last;
        _candidate = (last, holders);
        return safe;
    }

    private async Task<(int Added, JournalLink? Head)> SealPageAsync(long horizon, CancellationToken cancellationToken)
    {
        var schema = store.Schema;
        await using var connection = await store.Connections.OpenForReadingAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using (var settle = new NpgsqlCommand($"{JournalChain.EncodingSettings}; {JournalLocks.TakeSeal(schema)}", connection, transaction))
        {
            await settle.ExecuteNonQueryAsync(cancellationToken);
        }

        var head = await HeadAsync(connection, transaction, schema, cancellationToken);
        var previous = head?.Hash ?? JournalChain.Genesis.ToArray();
        var sequences = new List<long>(PageRows);
        var hashes = new List<byte[]>(PageRows);
        await using (var page = new NpgsqlCommand(
            $"select e.seq_id, {JournalChain.RowDigest} from {schema}.mt_events e where e.seq_id > $1 and e.seq_id <= $2 order by e.seq_id limit {PageRows}",
            connection, transaction)
        {
            Parameters = { new NpgsqlParameter { Value = head?.Sequence ?? 0L }, new NpgsqlParameter { Value = horizon } },
        })
        {
            await using var reader = await page.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                previous = JournalChain.Link(previous, reader.GetFieldValue<byte[]>(1));
                sequences.Add(reader.GetInt64(0));
                hashes.Add(previous);
            }
        }

        if (sequences.Count > 0)
        {
            await using var insert = new NpgsqlCommand(
                $"insert into {schema}.{JournalLinksTable.Name} (seq_id, hash, sealed_at) select s, h, now() from unnest($1::bigint[], $2::bytea[]) as l(s, h)",
                connection, transaction)
            {
                Parameters = { new NpgsqlParameter { Value = sequences.ToArray() }, new NpgsqlParameter { Value = hashes.ToArray() } },
            };
            await insert.ExecuteNonQueryAsync(cancellationToken);
            head = new JournalLink(sequences[^1], hashes[^1]);
        }

        await transaction.CommitAsync(cancellationToken);
        return (sequences.Count, head);
    }

    internal static async Task<JournalLink?> HeadAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, string schema, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand($"select seq_id, hash from {schema}.{JournalLinksTable.Name} order by seq_id desc limit 1", connection, transaction);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? new JournalLink(reader.GetInt64(0), reader.GetFieldValue<byte[]>(1)) : null;
    }
}

/// <summary>What one round of sealing did.</summary>
/// <param name="SealedRows">Event rows linked into the chain this round.</param>
/// <param name="Head">The chain's last link after the round; null while nothing is sealed.</param>
/// <param name="Horizon">The sequence number up to which the round could seal; null while the horizon waits for writers to end.</param>
public sealed record SealResult(long SealedRows, JournalLink? Head, long? Horizon);
