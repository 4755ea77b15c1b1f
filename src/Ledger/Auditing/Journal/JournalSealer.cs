using EPoomasi.Ledger.Storage;
using Npgsql;

namespace EPoomasi.Ledger.Auditing.Journal;

/// <summary>
/// Seals the event log after commit, off the write path: links each event row up to the safe horizon into
/// the chain (<see cref="JournalChain"/>), a page per short transaction. Any number of gateway processes may
/// run one; they take turns on a lock and each continues from the chain's head as it finds it.
/// <para>
/// <b>Why the horizon is safe.</b> Event rows get their sequence numbers inside the transactions that write
/// them, so a number can be handed out and its row committed later, after higher numbers are already
/// visible; sealing past it would fork the chain when it lands. Every appending transaction, in every
/// process, holds the append lock shared from its first statement to its end (<see cref="JournalLocks"/>).
/// The sealer takes that lock exclusively for an instant and reads the sequence's last number while it
/// holds it: no transaction that could write an event is open at that instant, so every number up to the
/// one read is final — its row is committed and visible, or will never exist (a rolled-back transaction's
/// gap). Numbers handed out later are higher. So the chain never has to go back, whatever the processes.
/// </para>
/// </summary>
public sealed class JournalSealer(LedgerStore store)
{
    private const int PageRows = 2_000;

    /// <summary>Seals everything up to the safe horizon of this instant.</summary>
    /// <returns>How many rows were sealed and the chain's head after; rows sealed is 0 when the horizon could not be taken in time.</returns>
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

    // The sequence's last number while no appending transaction is open (see the class summary). Should
    // that take long — a long transaction holding the lock shared — it gives up, as new writers queue behind
    // it meanwhile, and the next round tries again.
    private async Task<long?> HorizonAsync(CancellationToken cancellationToken)
    {
        await using var connection = await store.Connections.OpenForReadingAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        try
        {
            await using (var take = new NpgsqlCommand($"set local lock_timeout = '500ms'; {JournalLocks.TakeAppendExclusive(store.Schema)}", connection, transaction))
            {
                await take.ExecuteNonQueryAsync(cancellationToken);
            }

            await using var read = new NpgsqlCommand(
                $"select case when is_called then last_value else last_value - 1 end from {store.Schema}.mt_events_sequence", connection, transaction);
            var horizon = (long)(await read.ExecuteScalarAsync(cancellationToken))!;
            await transaction.CommitAsync(cancellationToken);
            return horizon;
        }
        catch (PostgresException timeout) when (timeout.SqlState == PostgresErrorCodes.LockNotAvailable)
        {
            return null;
        }
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
/// <param name="Horizon">The sequence number up to which the round could seal; null when it could not take it in time.</param>
public sealed record SealResult(long SealedRows, JournalLink? Head, long? Horizon);
