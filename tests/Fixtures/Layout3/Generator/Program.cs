// Writes a ledger in the storage layout of the commit it is built in (see ../make.sh): a scenario with
// welcome grants, payments within and across districts, remembered rejections, holds posted in full and in
// part, voided, expired and left pending, a reversal, linked chains and a frozen account. It dumps the
// ledger's schema and writes what every account, statement, lookup and batch answered, as data that the
// migration test checks against whatever code reads the dump later.
using System.Diagnostics;
using System.Text.Json;
using EPoomasi.Ledger;
using EPoomasi.Ledger.Accounts.ChangingLimits;
using EPoomasi.Ledger.Accounts.FreezingAccount;
using EPoomasi.Ledger.Accounts.OpeningAccount;
using EPoomasi.Ledger.Administration;
using EPoomasi.Ledger.Districts.CreatingDistrict;
using EPoomasi.Ledger.Districts.SettingTrustLimit;
using EPoomasi.Ledger.Reading;
using EPoomasi.Ledger.Storage;
using EPoomasi.Ledger.Transfers;
using EPoomasi.Ledger.Transfers.CreatingTransfer;
using EPoomasi.Ledger.Transfers.ExpiringHold;
using EPoomasi.Ledger.Transfers.PostingHold;
using EPoomasi.Ledger.Transfers.ReversingTransfer;
using EPoomasi.Ledger.Transfers.VoidingHold;
using EPoomasi.Ledger.Writing;
using EPoomasi.LocalPostgres;

var outputDirectory = args.Length > 0 ? args[0] : throw new ArgumentException("usage: Generator <output directory>");
var clock = new ManualClock(new DateTimeOffset(2026, 11, 30, 1, 0, 0, TimeSpan.Zero));
await using var cluster = await PostgresCluster.StartTemporaryAsync(CancellationToken.None);
await cluster.CreateDatabaseAsync("fixture", null, CancellationToken.None);
await using var store = LedgerStore.Open(cluster.ConnectionString("fixture"), clock);
await store.MigrateAsync();
var admin = new AdminWriter(store);
var writer = new TransferWriter(store);
var reader = new LedgerReader(store);
var expirer = new HoldExpirer(store, writer);

var coordinator = new Attribution("coordinator:fixture", null, "fixture");
var member = new Attribution("member:fixture", null, "fixture");
var seed = 0;
Guid Id() => new($"00000000-0000-4000-8000-{++seed:D12}");

async Task Admin(AdminCommand command)
{
    var outcome = await admin.ExecuteAsync(command, CancellationToken.None);
    if (outcome.Result != AdminResult.Ok) throw new InvalidOperationException($"{command}: {outcome.Result}");
}

var batches = new List<object>();
var ids = new List<Guid>();
async Task<IReadOnlyList<TransferOutcome>> Submit(params TransferCommand[] batch)
{
    var outcomes = await writer.SubmitAsync(batch, CancellationToken.None);
    batches.Add(new { items = batch.Select(Describe).ToList(), results = outcomes.Select(o => o.Result.ToString()).ToList() });
    ids.AddRange(batch.Select(c => c.Id));
    return outcomes;
}

await Admin(new CreateDistrict("mapo", "마포구", Minutes.FromHours(-10), Minutes.FromHours(100), Minutes.FromHours(10_000), coordinator));
await Admin(new CreateDistrict("gangnam", "강남구", Minutes.FromHours(-5), Minutes.FromHours(50), Minutes.FromHours(5_000), coordinator));
await Admin(new SetTrustLimit("mapo", "gangnam", Minutes.FromHours(20), "pilot", coordinator));
var mapo = new List<Guid>();
var gangnam = new List<Guid>();
for (var i = 0; i < 6; i++) { var id = Id(); await Admin(new OpenAccount(id, "mapo", coordinator)); mapo.Add(id); }
for (var i = 0; i < 3; i++) { var id = Id(); await Admin(new OpenAccount(id, "gangnam", coordinator)); gangnam.Add(id); }

CreateTransfer Pay(Guid from, Guid to, long minutes, TransferCode code = TransferCode.Service, string memo = "", TimeSpan? hold = null, bool linked = false) =>
    new(Id(), from, to, new Minutes(minutes), code, memo, member, hold, null, linked);

// Welcome grants: five hours each, from each district's issuance account.
await Submit(mapo.Select(m => Pay(WellKnownAccounts.Issuance("mapo"), m, 300, TransferCode.Welcome, "환영합니다")).ToArray());
await Submit(gangnam.Select(m => Pay(WellKnownAccounts.Issuance("gangnam"), m, 300, TransferCode.Welcome, "welcome")).ToArray());
clock.Advance(TimeSpan.FromMinutes(5));

var paid = await Submit(Pay(mapo[0], mapo[1], 90, memo: "보일러 수리"), Pay(mapo[2], mapo[3], 45, memo: "반찬"), Pay(mapo[1], gangnam[0], 60, memo: "across"));
await Submit(Pay(gangnam[1], mapo[4], 30, memo: "back across"), Pay(mapo[5], mapo[0], 2_000, memo: "too much"));
clock.Advance(TimeSpan.FromMinutes(5));

// Holds: posted in full, posted in part, voided, expired, and one left pending across the migration.
var full = Pay(mapo[3], mapo[4], 60, memo: "full", hold: TimeSpan.FromDays(2));
var part = Pay(mapo[4], gangnam[2], 50, memo: "part", hold: TimeSpan.FromDays(2));
var voided = Pay(mapo[0], mapo[2], 20, memo: "void", hold: TimeSpan.FromDays(2));
var expiring = Pay(gangnam[0], gangnam[1], 15, memo: "expire", hold: TimeSpan.FromMinutes(30));
var pending = Pay(mapo[1], mapo[5], 25, memo: "pending", hold: TimeSpan.FromDays(30));
await Submit(full, part, voided, expiring, pending);
await Submit(new PostHold(Id(), full.Id, null, member), new PostHold(Id(), part.Id, new Minutes(35), member), new VoidHold(Id(), voided.Id, member));
await Submit(new PostHold(Id(), voided.Id, null, member));
clock.Advance(TimeSpan.FromHours(1));
if (await expirer.ExpireDueAsync(100, CancellationToken.None) != 1) throw new InvalidOperationException("One hold should have expired.");

// A reversal, and a reversal refused because the transfer was already reversed.
await Submit(new ReverseTransfer(Id(), paid[0].Id, "entered twice", coordinator));
await Submit(new ReverseTransfer(Id(), paid[0].Id, "again", coordinator));

// Linked chains: one that stands, one that fails as a whole.
await Submit(Pay(mapo[2], mapo[3], 10, linked: true), Pay(mapo[3], mapo[4], 10));
await Submit(Pay(mapo[2], mapo[3], 10, linked: true), Pay(mapo[3], mapo[4], 100_000));

// A frozen account refuses; new limits; thaw.
await Admin(new FreezeAccount(mapo[5], "dispute", coordinator));
await Submit(Pay(mapo[5], mapo[0], 5));
await Admin(new UnfreezeAccount(mapo[5], "settled", coordinator));
await Admin(new ChangeAccountLimits(mapo[0], Minutes.FromHours(-20), Minutes.FromHours(100), "care co-op", coordinator));
await Submit(Pay(mapo[0], gangnam[2], 120, memo: "last"));

var accounts = new List<object>();
foreach (var id in mapo.Concat(gangnam).Concat([WellKnownAccounts.Issuance("mapo"), WellKnownAccounts.Issuance("gangnam"),
    WellKnownAccounts.Clearing("mapo", "gangnam"), WellKnownAccounts.Clearing("gangnam", "mapo")]))
{
    var account = (await reader.GetAccountAsync(id, CancellationToken.None))!;
    var statement = new List<string>();
    long cursor = 0;
    while (await reader.GetStatementAsync(id, cursor, 100, CancellationToken.None) is { } page && page.Entries.Count > 0)
    {
        statement.AddRange(page.Entries.Select(Line));
        if (page.NextCursor is not { } next) break;
        cursor = next;
    }

    accounts.Add(new
    {
        id,
        balance = account.Balance.Value, debitsPending = account.DebitsPending.Value, creditsPending = account.CreditsPending.Value,
        floor = account.Floor.Value, cap = account.Cap.Value, status = account.Status.ToString(), version = account.Version, statement,
    });
}

var lookups = (await reader.LookupTransfersAsync(ids.Distinct().ToList(), CancellationToken.None)).OrderBy(r => r.Id).Select(Record).ToList();
Directory.CreateDirectory(outputDirectory);
await File.WriteAllTextAsync(
    Path.Combine(outputDirectory, "expected.json"),
    JsonSerializer.Serialize(new { layout = 3, pendingHold = pending.Id, now = clock.GetUtcNow(), accounts, lookups, batches }, new JsonSerializerOptions { WriteIndented = true }));

var dump = Process.Start(new ProcessStartInfo("/usr/lib/postgresql/15/bin/pg_dump",
    ["--schema=ledger", "--no-owner", "--no-privileges", "--inserts", "--dbname", LibpqConnection(cluster.ConnectionString("fixture"))])
{
    RedirectStandardOutput = true,
})!;
var sql = await dump.StandardOutput.ReadToEndAsync();
await dump.WaitForExitAsync();
if (dump.ExitCode != 0) throw new InvalidOperationException("pg_dump failed.");
// Plain SQL that any client can run: pg_dump's \restrict lines are commands of psql alone.
sql = string.Join('\n', sql.Split('\n').Where(line => !line.StartsWith("\\restrict", StringComparison.Ordinal) && !line.StartsWith("\\unrestrict", StringComparison.Ordinal)));
await File.WriteAllTextAsync(Path.Combine(outputDirectory, "ledger.sql"), sql);
Console.WriteLine($"wrote {outputDirectory}: {accounts.Count} accounts, {lookups.Count} records, {batches.Count} batches, {sql.Length:N0} characters of SQL");

static string LibpqConnection(string connectionString)
{
    var builder = new Npgsql.NpgsqlConnectionStringBuilder(connectionString);
    return $"host={builder.Host} port={builder.Port} user={builder.Username} dbname={builder.Database}";
}

static string Line(StatementEntry e) => $"{e.Position} {e.TransferId} {e.Side} {e.AmountMinutes.Value} {e.BalanceAfterMinutes.Value} {e.CounterpartyAccountId} {e.Code} {e.Memo} {e.By.ActorId} {e.At:O}";

static string Record(TransferRecord r) =>
    $"{r.Id} {r.Kind} {r.Result} {r.DebitAccountId} {r.CreditAccountId} {r.AmountMinutes.Value} {r.Code} {r.Memo} hold={r.HoldId} " +
    $"reverses={r.ReversesTransferId} state={r.HoldState} posted={r.PostedAmountMinutes?.Value} resolvedBy={r.ResolvedByTransferId} " +
    $"resolvedAt={r.ResolvedAt:O} reversedBy={r.ReversedByTransferId} expires={r.ExpiresAt:O} legs={string.Join("|", r.Legs.Select(l => $"{l.DebitAccountId}>{l.CreditAccountId}"))} " +
    $"by={r.By.ActorId} at={r.At:O}";

static object Describe(TransferCommand command) => command switch
{
    CreateTransfer c => new { type = "transfer", id = c.Id, debit = c.DebitAccountId, credit = c.CreditAccountId, amount = c.AmountMinutes.Value, code = c.Code.ToString(), memo = c.Memo, holdSeconds = c.HoldTimeout?.TotalSeconds, linked = c.Linked, actor = c.By.ActorId },
    PostHold p => new { type = "post", id = p.Id, hold = p.HoldId, amount = p.AmountMinutes?.Value, linked = p.Linked, actor = p.By.ActorId },
    VoidHold v => new { type = "void", id = v.Id, hold = v.HoldId, linked = v.Linked, actor = v.By.ActorId },
    ReverseTransfer r => new { type = "reverse", id = r.Id, transfer = r.TransferId, reason = r.Reason, linked = r.Linked, actor = r.By.ActorId },
    _ => throw new ArgumentException(command.GetType().Name),
};

internal sealed class ManualClock(DateTimeOffset start) : TimeProvider
{
    private DateTimeOffset _now = start;

    public override DateTimeOffset GetUtcNow() => _now;

    public void Advance(TimeSpan by) => _now += by;
}
