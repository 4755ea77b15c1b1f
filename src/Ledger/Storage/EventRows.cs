using Marten;
using Marten.Events;
using Npgsql;

namespace EPoomasi.Ledger.Storage;

/// <summary>
/// Appends a new stream of events to Marten's event tables with two set-based statements, bypassing its
/// per-event append: the ledger's journals (one stream per transfer transaction) and the records carried
/// forward by a migration. The rows must be what Marten itself writes for the same events: a test appends
/// the same events both ways and compares every column, so a Marten upgrade that changes its tables fails
/// that test instead of writing rows Marten cannot read.
/// </summary>
internal sealed class EventRows(LedgerStore store)
{
    private readonly EventGraph _events = (EventGraph)((StoreOptions)store.Documents.Options).Events;
    private readonly string _schema = store.Schema;

    /// <summary>Queues a new stream <paramref name="stream"/> of type <paramref name="streamType"/> holding <paramref name="events"/>, in order.</summary>
    public void QueueNewStream(NpgsqlBatch batch, Guid stream, string streamType, IReadOnlyList<(Type Type, string Json)> events, DateTimeOffset now, QueuedText text)
    {
        var mappings = events.Select(e => _events.EventMappingFor(e.Type)).ToArray();
        Statements.Add(
            batch,
            $"insert into {_schema}.mt_streams (id, type, version, timestamp, created, tenant_id) values (?, ?, ?, ?, ?, ?)",
            stream, streamType, (long)events.Count, now, now, JasperFx.StorageConstants.DefaultTenantId);
        Statements.Add(
            batch,
            $"insert into {_schema}.mt_events (seq_id, id, stream_id, version, data, type, tenant_id, timestamp, mt_dotnet_type, is_archived) " +
            $"select nextval('{_schema}.mt_events_sequence'), e.id, ?, e.version, e.data::jsonb, e.type, ?, ?, e.dotnet_type, false " +
            "from unnest(?::uuid[], ?::bigint[], ?::text[], ?::text[], ?::text[]) as e(id, version, data, type, dotnet_type)",
            stream, JasperFx.StorageConstants.DefaultTenantId, now,
            events.Select(_ => Guid.CreateVersion7(now)).ToArray(),
            events.Select((_, i) => (long)i + 1).ToArray(),
            text.Add(events.Select(e => e.Json).ToArray()),
            mappings.Select(m => m.EventTypeName).ToArray(),
            mappings.Select(m => m.DotNetTypeName).ToArray());
    }
}
