using EPoomasi.Ledger.Accounts;
using EPoomasi.Ledger.Administration;
using EPoomasi.Ledger.Auditing;
using EPoomasi.Ledger.Auditing.Journal;
using EPoomasi.Ledger.Districts;
using EPoomasi.Ledger.Districts.OpeningBudgetPeriod;
using EPoomasi.Ledger.Districts.Seeding;
using EPoomasi.Ledger.Documents;
using EPoomasi.Ledger.Modules;
using EPoomasi.Ledger.Partners;
using EPoomasi.Ledger.Reading;
using EPoomasi.Ledger.Reading.Reports;
using EPoomasi.Ledger.Storage;
using EPoomasi.Ledger.Transfers;
using EPoomasi.Ledger.Transfers.ExpiringHold;
using EPoomasi.Ledger.Writing;

namespace EPoomasi.Ledger;

/// <summary>
/// The ledger's one door: every command and query a host (the gateway, the CLI, the exchange) may send.
/// Hosts see commands, outcomes and read models, and the ledger's own failures — unavailable, conflict,
/// busy, input — never its storage, its retry policy or the database's error codes.
/// </summary>
public sealed class LedgerModule : IAsyncDisposable
{
    private readonly LedgerStore _store;
    private readonly GroupCommitter _committer;
    private readonly AdminWriter _admin;
    private readonly LedgerReader _reader;
    private readonly ReportReader _reports;
    private readonly HoldExpirer _expirer;
    private readonly JournalSealer _sealer;
    private readonly JournalVerifier _verifier;
    private readonly ProjectionRebuild _rebuild;
    private readonly ModuleRegistry _modules = new();
    private readonly ModuleDecisionLog _decisions;

    private LedgerModule(LedgerStore store, PartnerRegistry partners, int parallelTransactions)
    {
        _store = store;
        Partners = partners;
        Documents = new ModuleDocuments(store);
        var transfers = new TransferWriter(store, parallelTransactions);
        _committer = new GroupCommitter(transfers);
        _admin = new AdminWriter(store);
        _reader = new LedgerReader(store);
        _reports = new ReportReader(store);
        _expirer = new HoldExpirer(store, transfers);
        _sealer = new JournalSealer(store);
        _verifier = new JournalVerifier(store);
        _rebuild = new ProjectionRebuild(store, _modules);
        _decisions = new ModuleDecisionLog(store);
    }

    /// <summary>Opens the ledger: creates or updates its schema, and carries an older layout forward when the settings allow.</summary>
    /// <exception cref="StorageLayoutException">The database holds a ledger this code will not serve as it stands; the message says what to do.</exception>
    /// <exception cref="LedgerUnavailableException">The database could not be reached.</exception>
    public static async Task<LedgerModule> OpenAsync(LedgerSettings settings, TimeProvider time, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var store = LedgerStore.Open(settings.ConnectionString, time, settings.Schema);
        try
        {
            await LedgerFailures.Guarded(Migrate(store, settings.MigrateAtStart, cancellationToken));
            var partners = await LedgerFailures.Guarded(PartnerRegistry.OpenAsync(settings.ConnectionString, time));
            var ledger = new LedgerModule(store, partners, settings.ParallelTransactions);
            if (settings.SeedSeoulDistricts) await ledger.SeedAsync(cancellationToken);
            return ledger;
        }
        catch
        {
            await store.DisposeAsync();
            throw;
        }
    }

    // Only into a ledger with no district at all: a ledger someone has shaped keeps its shape. Several hosts
    // starting at once on a new database each try; creating a district again with the same settings is harmless.
    private async Task SeedAsync(CancellationToken cancellationToken)
    {
        if ((await ListDistrictsAsync(cancellationToken)).Count > 0) return;
        foreach (var command in SeoulDistricts.Commands())
        {
            await ExecuteAsync(command, cancellationToken);
        }
    }

    private static async Task<bool> Migrate(LedgerStore store, bool carryLayoutForward, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        await store.MigrateAsync(carryLayoutForward);
        return true;
    }

    /// <summary>Transfer items waiting in this process for a transaction to take them.</summary>
    public int WaitingItems => _committer.WaitingItems;

    /// <summary>Partner apps, their API keys and members' grants to them.</summary>
    public PartnerRegistry Partners { get; }

    /// <summary>Modules' documents outside the event log, corrected and erased in place: members' profiles, say.</summary>
    public ModuleDocuments Documents { get; }

    // Commands

    /// <summary>
    /// Decides and commits transfers, holds, posts, voids and reversals, sharing transactions with concurrent
    /// callers (group commit). One outcome per command, in order; a refusal is an outcome, and a repeated id
    /// answers with its first outcome, marked replayed.
    /// </summary>
    /// <exception cref="LedgerBusyException">Too many items are waiting; nothing of this call was applied.</exception>
    public Task<IReadOnlyList<TransferOutcome>> SubmitAsync(IReadOnlyList<TransferCommand> commands, CancellationToken cancellationToken) =>
        LedgerFailures.Guarded(_committer.SubmitAsync(commands, cancellationToken));

    /// <summary>
    /// Opens the write path to another module: its commands on <paramref name="decider"/>'s kind of state are
    /// decided in the ledger's write transactions, with the transfers they cause, all or nothing, and with the
    /// ledger's idempotency, group commit, retry and locking. Register each kind once, at start.
    /// </summary>
    /// <exception cref="ArgumentException">The kind's name is not a valid name.</exception>
    /// <exception cref="InvalidOperationException">A kind of that name is registered already.</exception>
    public ModuleKind<TCommand, TState, TResult> Register<TCommand, TState, TEvent, TResult>(ModuleDecider<TCommand, TState, TEvent, TResult> decider)
        where TCommand : ModuleCommand
        where TState : class
    {
        ArgumentNullException.ThrowIfNull(decider);
        _modules.Add(decider);
        return new ModuleKind<TCommand, TState, TResult>(decider, _committer, _store);
    }

    /// <summary>
    /// The meters and activity sources the ledger reports through, its database driver's included, for a host's
    /// telemetry to listen to: the ledger's writes and their statements, transfers by result, group commits, the write
    /// queue and hold expiries.
    /// </summary>
    public static IReadOnlyList<string> TelemetrySources { get; } = [Telemetry.LedgerTelemetry.Name, Telemetry.LedgerTelemetry.Database];

    /// <summary>
    /// Indexes again, for search, the states of every registered kind whose decider's index version is newer than the
    /// one that indexed them (a page at a time; only the search columns change). Call once after registering the kinds,
    /// at start; any number of hosts may. How many states were indexed again, by kind.
    /// </summary>
    public Task<IReadOnlyDictionary<string, int>> ReindexStaleAsync(CancellationToken cancellationToken) =>
        LedgerFailures.Guarded(new Modules.Searching.ModuleReindexer(_store, _modules).ReindexStaleAsync(cancellationToken));

    /// <summary>Decides and, when it changes anything, commits a district or account command. A refusal is an outcome.</summary>
    public Task<AdminOutcome> ExecuteAsync(AdminCommand command, CancellationToken cancellationToken) =>
        LedgerFailures.Guarded(_admin.ExecuteAsync(command, cancellationToken));

    /// <summary>
    /// Module commands decided after <paramref name="afterPosition"/> in the event log, from at most
    /// <paramref name="maxRows"/> journal rows, as far as the journal is sealed (so nothing read past can still appear
    /// before it): how a module follows its own history, for its members' event streams.
    /// </summary>
    public Task<ModuleDecisionPage> ReadModuleDecisionsAsync(long afterPosition, int maxRows, CancellationToken cancellationToken) =>
        LedgerFailures.Guarded(_decisions.ReadAsync(afterPosition, maxRows, cancellationToken));

    /// <summary>How far the event log is sealed: a reader of module decisions that wants only what comes next starts after it.</summary>
    public Task<long> GetSealedPositionAsync(CancellationToken cancellationToken) =>
        LedgerFailures.Guarded(_decisions.HeadAsync(cancellationToken));

    /// <summary>Expires up to <paramref name="maxHolds"/> holds past their timeout; how many it expired. Any number of hosts may run it.</summary>
    public Task<int> ExpireDueHoldsAsync(int maxHolds, CancellationToken cancellationToken) =>
        LedgerFailures.Guarded(_expirer.ExpireDueAsync(maxHolds, cancellationToken));

    /// <summary>
    /// Starts the budget period under way in every district whose mint budget is per month or year and has not started
    /// it yet; how many it started. Any number of hosts may run it: a period is opened once.
    /// </summary>
    public async Task<int> OpenMintBudgetPeriodsAsync(CancellationToken cancellationToken)
    {
        var opened = 0;
        var now = _store.Now();
        foreach (var district in await ListDistrictsAsync(cancellationToken))
        {
            if (district.MintBudgetPeriod is not { } period || MintBudgetPeriods.Of(period, now) == district.MintBudgetPeriodOpened) continue;
            var outcome = await ExecuteAsync(new OpenMintBudgetPeriod(district.Id, Attribution.System), cancellationToken);
            if (outcome.Changed) opened++;
        }

        return opened;
    }

    /// <summary>Extends the journal's hash chain up to the safe horizon of this instant. Any number of hosts may run it.</summary>
    public Task<SealResult> SealJournalAsync(CancellationToken cancellationToken) =>
        LedgerFailures.Guarded(_sealer.SealAsync(cancellationToken));

    // Queries

    /// <summary>The account, or null when no account has this id.</summary>
    public Task<Account?> GetAccountAsync(Guid accountId, CancellationToken cancellationToken) =>
        LedgerFailures.Guarded(_reader.GetAccountAsync(accountId, cancellationToken));

    /// <summary>The accounts that exist among these ids, in no particular order.</summary>
    public Task<IReadOnlyList<Account>> GetAccountsAsync(IReadOnlyCollection<Guid> accountIds, CancellationToken cancellationToken) =>
        LedgerFailures.Guarded(_reader.GetAccountsAsync(accountIds, cancellationToken));

    /// <summary>The district of each account among these ids that exists.</summary>
    public Task<IReadOnlyDictionary<Guid, string>> GetDistrictsOfAsync(IReadOnlyCollection<Guid> accountIds, CancellationToken cancellationToken) =>
        LedgerFailures.Guarded(_reader.GetDistrictsAsync(accountIds, cancellationToken));

    /// <summary>Every district with its settings, by id. A city has tens of them.</summary>
    public Task<IReadOnlyList<District>> ListDistrictsAsync(CancellationToken cancellationToken) =>
        LedgerFailures.Guarded(_reader.ListDistrictsAsync(cancellationToken));

    /// <summary>The district's settings, or null.</summary>
    public Task<District?> GetDistrictAsync(string districtId, CancellationToken cancellationToken) =>
        LedgerFailures.Guarded(_reader.GetDistrictAsync(districtId, cancellationToken));

    /// <summary>What became of these ids: one record per id that was ever decided, refusals included.</summary>
    public Task<IReadOnlyList<TransferRecord>> LookupTransfersAsync(IReadOnlyCollection<Guid> transferIds, CancellationToken cancellationToken) =>
        LedgerFailures.Guarded(_reader.LookupTransfersAsync(transferIds, cancellationToken));

    /// <summary>A page of the account's statement after <paramref name="afterCursor"/>, or null when there is no such account.</summary>
    public Task<StatementPage?> GetStatementAsync(Guid accountId, long afterCursor, int pageSize, CancellationToken cancellationToken) =>
        LedgerFailures.Guarded(_reader.GetStatementAsync(accountId, afterCursor, pageSize, cancellationToken));

    /// <summary>The account's balance as of <paramref name="instant"/>, or null when there is no such account.</summary>
    public Task<Minutes?> GetBalanceAtAsync(Guid accountId, DateTimeOffset instant, CancellationToken cancellationToken) =>
        LedgerFailures.Guarded(_reader.GetBalanceAtAsync(accountId, instant, cancellationToken));

    /// <summary>Each existing account's version: it grows with every event, so a change of version means news.</summary>
    public Task<IReadOnlyDictionary<Guid, long>> GetVersionsAsync(IReadOnlyCollection<Guid> accountIds, CancellationToken cancellationToken) =>
        LedgerFailures.Guarded(_reader.GetVersionsAsync(accountIds, cancellationToken));

    /// <summary>The district's own accounts, the sums over its members and its supply; null when there is no such district.</summary>
    public Task<TrialBalance?> GetTrialBalanceAsync(string districtId, CancellationToken cancellationToken) =>
        LedgerFailures.Guarded(_reader.GetTrialBalanceAsync(districtId, cancellationToken));

    /// <summary>A page of the district's member accounts after the id <paramref name="after"/> (the empty id for the first), or null when there is no such district.</summary>
    public Task<AccountPage?> ListMemberAccountsAsync(string districtId, Guid after, int pageSize, CancellationToken cancellationToken) =>
        LedgerFailures.Guarded(_reader.ListMemberAccountsAsync(districtId, after, pageSize, cancellationToken));

    // Reports: each as of an instant, from the entries decided by then, so that a report of the past never changes.

    /// <summary>The district's supply of credits as of <paramref name="asOf"/>; sums to zero when its books balance.</summary>
    public Task<Supply> GetSupplyAsync(string districtId, DateTimeOffset asOf, CancellationToken cancellationToken) =>
        LedgerFailures.Guarded(_reports.SupplyAsync(districtId, asOf, cancellationToken));

    /// <summary>Minutes the district's members received per month (Seoul time) and transfer code, from <paramref name="from"/> until before <paramref name="until"/>.</summary>
    public Task<IReadOnlyList<MonthlyHours>> GetHoursByMonthAsync(string districtId, DateTimeOffset from, DateTimeOffset until, CancellationToken cancellationToken) =>
        LedgerFailures.Guarded(_reports.HoursByMonthAsync(districtId, from, until, cancellationToken));

    /// <summary>How many members had balances between each pair of <paramref name="edges"/> as of <paramref name="asOf"/>, with open buckets at both ends.</summary>
    public Task<IReadOnlyList<BalanceBucket>> GetBalanceDistributionAsync(string districtId, DateTimeOffset asOf, IReadOnlyList<Minutes> edges, CancellationToken cancellationToken) =>
        LedgerFailures.Guarded(_reports.DistributionAsync(districtId, asOf, edges, cancellationToken));

    /// <summary>A page of members with no activity in the <paramref name="quietFor"/> before <paramref name="asOf"/>, by id after <paramref name="after"/>.</summary>
    public Task<MemberStandingPage> ListDormantMembersAsync(string districtId, DateTimeOffset asOf, TimeSpan quietFor, Guid after, int pageSize, CancellationToken cancellationToken) =>
        LedgerFailures.Guarded(_reports.DormantAsync(districtId, asOf, quietFor, after, pageSize, cancellationToken));

    /// <summary>A page of members within <paramref name="within"/> of their floor or cap as of <paramref name="asOf"/>, by id after <paramref name="after"/>.</summary>
    public Task<MemberStandingPage> ListMembersNearLimitsAsync(string districtId, DateTimeOffset asOf, Minutes within, Guid after, int pageSize, CancellationToken cancellationToken) =>
        LedgerFailures.Guarded(_reports.NearLimitsAsync(districtId, asOf, within, after, pageSize, cancellationToken));

    /// <summary>A page of the district's members as of <paramref name="asOf"/>, by id after <paramref name="after"/>.</summary>
    public Task<MemberStandingPage> ListMembersAsync(string districtId, DateTimeOffset asOf, Guid after, int pageSize, CancellationToken cancellationToken) =>
        LedgerFailures.Guarded(_reports.MembersAsync(districtId, asOf, after, pageSize, cancellationToken));

    /// <summary>A page of every statement line of the district's accounts decided by <paramref name="asOf"/>, account by account.</summary>
    public Task<DistrictEntryPage> ListDistrictEntriesAsync(
        string districtId, DateTimeOffset asOf, Guid afterAccount, long afterPosition, int pageSize, CancellationToken cancellationToken) =>
        LedgerFailures.Guarded(_reports.EntriesAsync(districtId, asOf, afterAccount, afterPosition, pageSize, cancellationToken));

    // Audit

    /// <summary>Recomputes the journal's hash chain, whole or from <paramref name="from"/>, and names the first broken link.</summary>
    public Task<JournalVerification> VerifyJournalAsync(JournalLink? from, CancellationToken cancellationToken) =>
        LedgerFailures.Guarded(_verifier.VerifyAsync(from, cancellationToken));

    /// <summary>Rebuilds every projection from the event log and compares it with the live tables.</summary>
    public Task<RebuildReport> RebuildProjectionsAsync(CancellationToken cancellationToken) =>
        LedgerFailures.Guarded(_rebuild.RunAsync(cancellationToken));

    /// <summary>True when the database answers a trivial query within two seconds.</summary>
    public async Task<bool> AnswersAsync(CancellationToken cancellationToken)
    {
        try
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(TimeSpan.FromSeconds(2));
            await using var connection = await _store.OpenConnectionAsync(timeout.Token);
            await using var command = connection.CreateCommand();
            command.CommandText = "select 1";
            await command.ExecuteScalarAsync(timeout.Token);
            return true;
        }
        catch (Exception exception) when (exception is Npgsql.NpgsqlException or OperationCanceledException or InvalidOperationException or TimeoutException)
        {
            return false;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _committer.DisposeAsync();
        await Partners.DisposeAsync();
        await _store.DisposeAsync();
    }
}
