using Npgsql;

namespace EPoomasi.Ledger.Storage;

/// <summary>
/// Other modules' state on the ledger's write path (see <see cref="Modules.ModuleDecider{TCommand, TState, TEvent, TResult}"/>):
/// one row per entity of state, a projection of the entity's events in the event log, and one row per command
/// id decided, the idempotency key. The command is kept as the text it was written as, so that a repeat of
/// its id with other fields is told apart exactly.
/// </summary>
internal static class ModuleTables
{
    public const string States = "module_states";

    public const string Outcomes = "module_outcomes";

    /// <summary>Which version of each kind's <see cref="Modules.ModuleDecider{TCommand, TState, TEvent, TResult}.IndexVersion"/> indexed its states.</summary>
    public const string IndexVersions = "module_index_versions";

    public static string Create(string schema) =>
        $"""
        create table if not exists {schema}.{States} (
            kind text not null,
            key text not null,
            version bigint not null,
            state jsonb not null,
            search tsvector,
            search_until timestamptz,
            updated_at timestamptz not null,
            primary key (kind, key));
        create index if not exists module_states_search on {schema}.{States} using gin (search) where search is not null;
        create index if not exists module_states_state on {schema}.{States} using gin (state jsonb_path_ops);
        create index if not exists module_states_recent on {schema}.{States} (kind, updated_at desc);
        create index if not exists module_states_until on {schema}.{States} (kind, search_until);
        {AddIndexVersions(schema)};
        create table if not exists {schema}.{Outcomes} (
            id uuid primary key,
            kind text not null,
            key text not null,
            command text not null,
            result text not null,
            transfer_ids uuid[] not null,
            transfer_results smallint[] not null,
            actor_id text not null,
            on_behalf_of text,
            channel text not null,
            decided_at timestamptz not null);
        """;

    /// <summary>The two array parameters ($1 kinds, $2 keys) the statements below take for a set of entities.</summary>
    public static NpgsqlParameter[] EntityKeys(IReadOnlyCollection<(string Kind, string Key)> entities) =>
    [
        new() { Value = entities.Select(e => e.Kind).ToArray() },
        new() { Value = entities.Select(e => e.Key).ToArray() },
    ];

    /// <summary>Locks the entities that exist among the pairs ($1 kinds, $2 keys), in one order every writer shares.</summary>
    public static string LockStates(string schema) =>
        $"select kind, key, version, state::text from {schema}.{States} where (kind, key) in (select * from unnest($1::text[], $2::text[])) " +
        "order by kind collate \"C\", key collate \"C\" for update";

    /// <summary>Reads the entities that exist among the pairs ($1 kinds, $2 keys), without locks.</summary>
    public static string ReadStates(string schema) =>
        $"select kind, key, version, state::text from {schema}.{States} where (kind, key) in (select * from unnest($1::text[], $2::text[]))";

    /// <summary>Reads entities of kind $1 whose state contains $2, in key order after $3, at most $4.</summary>
    public static string ListStates(string schema) =>
        $"select key, state::text from {schema}.{States} where kind = $1 and state @> $2::jsonb and key collate \"C\" > $3 order by key collate \"C\" limit $4";

    /// <summary>
    /// Finds entities of kind $1 whose state contains $2, that match the query $3 when <paramref name="hasText"/>, and are
    /// still found at $4 when it is not null; ordered as asked, skipping $5, at most $6. Each order walks an index and stops
    /// early (by relevance, the most recent matches are ranked, see <see cref="Modules.Searching.SearchOrder.Relevance"/>),
    /// and the states are written out only for the page.
    /// </summary>
    public static string Search(string schema, Modules.Searching.ModuleSearch search, bool hasText)
    {
        // Every parameter is named in every form of the statement; the text's condition stays one the GIN index serves.
        // An empty filter asks nothing of the state: the planner folds the condition away rather than reading every state it walks.
        var where = "kind = $1 and ($2::jsonb = '{}'::jsonb or state @> $2::jsonb) and " + (hasText ? "search @@ $3::tsquery" : "$3::text is null") +
                    (search.ActiveAt is null ? " and $4::timestamptz is null" : " and search_until > $4::timestamptz");
        if (search.Order == Modules.Searching.SearchOrder.Relevance && hasText)
        {
            return $"""
                with candidates as (
                    select key, search from {schema}.{States} where {where} order by updated_at desc limit {Modules.Searching.ModuleSearch.RelevanceWindow}),
                top as (
                    select key, ts_rank(search, $3::tsquery) as rank from candidates order by rank desc, key collate "C" offset $5 limit $6)
                select m.key, m.state::text from top join {schema}.{States} m on m.kind = $1 and m.key = top.key order by top.rank desc, top.key collate "C"
                """;
        }

        var order = search.Order == Modules.Searching.SearchOrder.SoonestUntil ? "search_until asc" : "updated_at desc";
        return $"select key, state::text from {schema}.{States} where {where} order by {order}, key collate \"C\" offset $5 limit $6";
    }

    /// <summary>Reads the outcomes of the ids in $1.</summary>
    public static string ReadOutcomes(string schema) =>
        $"select id, kind, key, command, result, transfer_ids, transfer_results from {schema}.{Outcomes} where id = any($1)";

    public static string InsertState(string schema) =>
        $"insert into {schema}.{States} (kind, key, version, state, search, search_until, updated_at) values (?, ?, ?, ?::jsonb, ?::tsvector, ?::timestamptz, ?)";

    public static string UpdateState(string schema) =>
        $"update {schema}.{States} set version = ?, state = ?::jsonb, search = ?::tsvector, search_until = ?::timestamptz, updated_at = ? where kind = ? and key = ?";

    /// <summary>Layout 4 → 5: states gain their searchable text (<see cref="Modules.Searching"/>).</summary>
    public static string AddSearch(string schema) =>
        $"alter table if exists {schema}.{States} add column if not exists search tsvector";

    /// <summary>Layout 5 → 6: states gain the instant search stops finding them.</summary>
    public static string AddSearchUntil(string schema) =>
        $"alter table if exists {schema}.{States} add column if not exists search_until timestamptz";

    /// <summary>Layout 6 → 7: which version of each kind's tokenizer indexed its states.</summary>
    public static string AddIndexVersions(string schema) =>
        $"create table if not exists {schema}.{IndexVersions} (kind text primary key, version int not null)";

    /// <summary>The values of <see cref="InsertOutcome"/> for one decision, decided at <paramref name="at"/>.</summary>
    public static object?[] OutcomeRow(Modules.ModuleCommandDecided decided, DateTimeOffset at) =>
    [
        decided.CommandId, decided.Kind, decided.Key, decided.Command, decided.Result,
        decided.TransferIds.ToArray(), decided.TransferResults.Select(r => (short)r).ToArray(),
        decided.By.ActorId, decided.By.OnBehalfOf, decided.By.Channel, at,
    ];

    public static string InsertOutcome(string schema) =>
        $"insert into {schema}.{Outcomes} (id, kind, key, command, result, transfer_ids, transfer_results, actor_id, on_behalf_of, channel, decided_at) " +
        "values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
}
