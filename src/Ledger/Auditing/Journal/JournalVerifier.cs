using System.Data;
using EPoomasi.Ledger.Storage;
using Npgsql;

namespace EPoomasi.Ledger.Auditing.Journal;

/// <summary>
/// Recomputes the chain over the event log and names the first broken link: an event row that no longer
/// matches its sealed link (any column changed, two payloads swapped), a sealed row that is gone, or a row
/// that appeared inside the sealed range. It reads one snapshot a page at a time, so its memory does not
/// grow with the log.
/// </summary>
public sealed class JournalVerifier(LedgerStore store)
{
    private const int PageRows = 2_000;

    /// <summary>
    /// Verifies the whole chain, or, from <paramref name="from"/> (a link written down earlier), that link and
    /// everything after it.
    /// </summary>
    public async Task<JournalVerification> VerifyAsync(JournalLink? from, CancellationToken cancellationToken)
    {
        var schema = store.Schema;
        await using var connection = await store.Connections.OpenForReadingAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(IsolationLevel.RepeatableRead, cancellationToken);
        await using (var settings = new NpgsqlCommand(JournalChain.EncodingSettings, connection, transaction))
        {
            await settings.ExecuteNonQueryAsync(cancellationToken);
        }

        var head = await JournalSealer.HeadAsync(connection, transaction, schema, cancellationToken);
        if (from is not null && !await IsSealedAsync(connection, transaction, from, cancellationToken))
        {
            return new JournalVerification(0, head, 0, new JournalBreak(from.Sequence, JournalBreakKind.UnknownStart));
        }

        var previous = from?.Hash ?? JournalChain.Genesis.ToArray();
        long verified = 0, unsealed = 0;
        var last = await LastSequenceAsync(connection, transaction, cancellationToken);
        // Pages are ranges of sequence numbers, the same on both sides of the join, so that a row missing on
        // one side is never mistaken for one cut off by the other side's page.
        for (var after = from?.Sequence ?? 0L; after < last; after += PageRows)
        {
            await using var page = new NpgsqlCommand(
                $"select coalesce(e.seq_id, l.seq_id), e.row, l.hash " +
                $"from (select e.seq_id, {JournalChain.RowDigest} as row from {schema}.mt_events e where e.seq_id > $1 and e.seq_id <= $2) e " +
                $"full join (select seq_id, hash from {schema}.{JournalLinksTable.Name} where seq_id > $1 and seq_id <= $2) l on e.seq_id = l.seq_id " +
                "order by 1",
                connection, transaction)
            {
                Parameters = { new NpgsqlParameter { Value = after }, new NpgsqlParameter { Value = after + PageRows } },
            };
            await using var reader = await page.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                var sequence = reader.GetInt64(0);
                if (reader.IsDBNull(1))
                {
                    return new JournalVerification(verified, head, unsealed, new JournalBreak(sequence, JournalBreakKind.Missing));
                }

                if (reader.IsDBNull(2))
                {
                    if (sequence <= (head?.Sequence ?? 0)) return new JournalVerification(verified, head, unsealed, new JournalBreak(sequence, JournalBreakKind.Inserted));
                    unsealed++;
                    continue;
                }

                var link = JournalChain.Link(previous, reader.GetFieldValue<byte[]>(1));
                if (!link.AsSpan().SequenceEqual(reader.GetFieldValue<byte[]>(2)))
                {
                    return new JournalVerification(verified, head, unsealed, new JournalBreak(sequence, JournalBreakKind.Altered));
                }

                previous = link;
                verified++;
            }
        }

        return new JournalVerification(verified, head, unsealed, null);
    }

    private async Task<long> LastSequenceAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(
            $"select greatest((select max(seq_id) from {store.Schema}.mt_events), (select max(seq_id) from {store.Schema}.{JournalLinksTable.Name}), 0)",
            connection, transaction);
        return (long)(await command.ExecuteScalarAsync(cancellationToken))!;
    }

    private async Task<bool> IsSealedAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, JournalLink link, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand($"select hash from {store.Schema}.{JournalLinksTable.Name} where seq_id = $1", connection, transaction)
        {
            Parameters = { new NpgsqlParameter { Value = link.Sequence } },
        };
        return await command.ExecuteScalarAsync(cancellationToken) is byte[] hash && hash.AsSpan().SequenceEqual(link.Hash);
    }
}

/// <summary>What verifying the chain found.</summary>
/// <param name="VerifiedRows">Sealed rows whose links were recomputed and matched.</param>
/// <param name="Head">The chain's last sealed link; null while nothing is sealed.</param>
/// <param name="UnsealedRows">Rows after the head, not sealed yet (sealing trails the log by design).</param>
/// <param name="FirstBreak">The first broken link; null when the chain holds.</param>
public sealed record JournalVerification(long VerifiedRows, JournalLink? Head, long UnsealedRows, JournalBreak? FirstBreak)
{
    public bool Holds => FirstBreak is null;
}

/// <summary>Where and how the chain broke.</summary>
public sealed record JournalBreak(long Sequence, JournalBreakKind Kind);

/// <summary>How a link is broken.</summary>
public enum JournalBreakKind
{
    /// <summary>The event row no longer matches its sealed link: a column changed, or the payload is another row's.</summary>
    Altered = 1,

    /// <summary>A sealed event row is gone.</summary>
    Missing = 2,

    /// <summary>A row appeared inside the sealed range, where no row was when it was sealed.</summary>
    Inserted = 3,

    /// <summary>The link to start from is not in the chain, or not with that hash.</summary>
    UnknownStart = 4,
}
