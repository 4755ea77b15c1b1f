using System.Text.Json.Serialization;
using EPoomasi.Ledger.Districts;
using JasperFx;
using JasperFx.Events;
using Marten;
using Npgsql;
using Weasel.Core;

namespace EPoomasi.Ledger.Storage;

/// <summary>
/// The ledger's Marten store: account and district event streams, one journal stream per transfer
/// transaction, district state documents, and three narrow tables of its own (account states, statement
/// entries and transfer records), all in one PostgreSQL schema.
/// </summary>
public sealed class LedgerStore : IAsyncDisposable
{
    private LedgerStore(DocumentStore store, LedgerConnections connections, TimeProvider time, string schema)
    {
        Documents = store;
        Connections = connections;
        Time = time;
        Schema = schema;
        Directory = new AccountDirectory(this);
    }

    /// <summary>The PostgreSQL schema holding every table of this ledger.</summary>
    public string Schema { get; }

    /// <summary>The underlying Marten store.</summary>
    public IDocumentStore Documents { get; }

    /// <summary>Connections for the ledger's own statements, outside Marten's sessions.</summary>
    internal LedgerConnections Connections { get; }

    /// <summary>The district of every account, cached.</summary>
    internal AccountDirectory Directory { get; }

    /// <summary>The clock every write reads once per transaction.</summary>
    public TimeProvider Time { get; }

    /// <summary>Opens a store on <paramref name="connectionString"/>, using <paramref name="schema"/> for every table.</summary>
    public static LedgerStore Open(string connectionString, TimeProvider time, string schema = "ledger")
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        var sized = FixedSizePools.Of(connectionString);
        var prepared = WithPreparedStatements(sized);
        var store = DocumentStore.For(options => Configure(options, WithoutAutoPrepare(sized), time, schema));
        return new LedgerStore(store, new LedgerConnections(prepared), time, schema);
    }

    /// <summary>
    /// Creates or updates the schema, and carries a schema written in an older storage layout forward when
    /// <paramref name="carryLayoutForward"/> (otherwise refuses it, for an operator who migrates explicitly).
    /// Run it once at start-up, before serving: the store never changes the schema by itself while it writes.
    /// </summary>
    /// <exception cref="StorageLayoutException">The schema holds data of a layout this code cannot serve as it stands.</exception>
    public async Task MigrateAsync(bool carryLayoutForward = true)
    {
        await Documents.Storage.ApplyAllConfiguredChangesToDatabaseAsync(AutoCreate.CreateOrUpdate);
        await using var connection = await OpenConnectionAsync(CancellationToken.None);
        if (!carryLayoutForward && await StorageLayout.ReadAsync(connection, Schema) is { } marked && marked < StorageLayout.Current)
        {
            throw new StorageLayoutException(
                $"The ledger schema '{Schema}' is in storage layout {marked}; this version uses layout {StorageLayout.Current}. " +
                "Carry it forward first (the gateway's 'migrate' command), or let the gateway do it at start (Ledger:MigrateAtStart=true).");
        }

        await StorageLayout.EnsureCurrentAsync(this, connection);
        foreach (var statement in new[] { AccountsTable.Create(Schema), EntriesTable.Create(Schema), TransfersTable.Create(Schema), JournalLinksTable.Create(Schema), ModuleTables.Create(Schema), Ledger.Documents.ModuleDocumentsTable.Create(Schema), CompressJournalsFaster })
        {
            await using var command = new NpgsqlCommand(statement, connection);
            await command.ExecuteNonQueryAsync();
        }
    }

    // Journal events are tens of kB of JSON each, which PostgreSQL compresses as it stores them. Its
    // default (pglz) spent as long on that as on everything else about the journal; lz4 about a third
    // of it (measured with pg_stat_statements on the batch benchmark: 16.5 -> 12 µs per transfer). Servers
    // built without lz4 keep the default.
    private string CompressJournalsFaster =>
        "do $$ begin if exists (select 1 from pg_settings where name = 'default_toast_compression' and 'lz4' = any(enumvals)) then " +
        $"alter table {Schema}.mt_events alter column data set compression lz4; end if; end $$";

    /// <summary>An open connection to the ledger's database, for reading the ledger's own tables; dispose it.</summary>
    internal ValueTask<NpgsqlConnection> OpenConnectionAsync(CancellationToken cancellationToken) =>
        Connections.OpenForReadingAsync(cancellationToken);

    /// <summary>
    /// Now, to the microsecond: the precision PostgreSQL keeps, so that an instant a write records reads back
    /// the same from every table it is written to.
    /// </summary>
    public DateTimeOffset Now()
    {
        var now = Time.GetUtcNow();
        return now.AddTicks(-(now.Ticks % TimeSpan.TicksPerMicrosecond));
    }

    // Every write runs the same few statements; preparing them spares PostgreSQL parsing and planning
    // each time (measured: spread throughput up from about 4,900 to 5,600 transfers/s). A connection
    // string that sets its own value keeps it.
    private static string WithPreparedStatements(string connectionString)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        if (!GivenSettings.Names(connectionString, "AutoPrepare"))
        {
            builder.MaxAutoPrepare = 64;
            builder.AutoPrepareMinUsages = 2;
        }

        return builder.ConnectionString;
    }

    // Marten's sessions (administration, district reads) never auto-prepare. With auto-preparation on, a
    // statement that PostgreSQL refused inside a transaction (text it cannot store, in the district lock's
    // query) left Npgsql's record of prepared statements out of step with the server, and the next command
    // on that pooled connection read "unexpected backend message DataRow" (npgsql/npgsql#6391, open; test
    // failed_statements_leave_pooled_connections_in_step). The transfer pools keep it: the same test mixes
    // refusals into them and they stay in step.
    private static string WithoutAutoPrepare(string connectionString) =>
        new NpgsqlConnectionStringBuilder(connectionString) { MaxAutoPrepare = 0 }.ConnectionString;

    public async ValueTask DisposeAsync()
    {
        await ((DocumentStore)Documents).DisposeAsync();
        await Connections.DisposeAsync();
    }

    private static void Configure(StoreOptions options, string connectionString, TimeProvider time, string schema)
    {
        options.Connection(connectionString);
        options.DatabaseSchemaName = schema;
        // Schema changes happen in MigrateAsync, never lazily on a write path that holds row locks.
        options.AutoCreateSchemaObjects = AutoCreate.None;
        options.UseSystemTextJsonForSerialization(EnumStorage.AsString, Casing.CamelCase, json =>
        {
            json.Converters.Add(new MinutesJsonConverter());
            // A transfer record is mostly empty optional fields; leaving them out makes each row a third
            // smaller to build, parse, store and log (measured: record JSON 770 -> ~500 characters).
            json.DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull;
            json.TypeInfoResolver = EventKinds.Resolver();
            // PostgreSQL's jsonb orders keys its own way, so the kind of a journaled event may come back after its fields.
            json.AllowOutOfOrderMetadataProperties = true;
        });

        options.Events.StreamIdentity = StreamIdentity.AsGuid;
        // Quick append: no version read before each append. Writers already hold the account's row
        // lock, which is what serialises appends to a stream. Timestamps come from the injected clock.
        options.Events.AppendMode = EventAppendMode.QuickWithServerTimestamps;
        options.Events.TimeProvider = time;
        options.Events.AddEventTypes(EventTypes.All);

        options.Schema.For<District>().Identity(d => d.Id);
    }
}
