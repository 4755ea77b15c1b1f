using EPoomasi.Contracts.Ledger.V1;
using EPoomasi.Gateway.Feed;
using EPoomasi.Gateway.Hosting;
using EPoomasi.Gateway.Security;
using EPoomasi.Gateway.Services;
using Grpc.Core;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace EPoomasi.Gateway.Tests.Services;

// LedgerGrpcService called as a class: no host, no port, no interceptors. What it refuses must be refused
// before the ledger is asked (its runtime is not even started), and what it answers maps the ledger's
// outcomes field by field.
public sealed class the_ledger_service_maps_requests_without_a_gateway(GatewayFixture gateway)
{
    private static readonly Caller Auditor = new(Role.Auditor, "auditor:unit", null, new HashSet<Guid>());

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact(Timeout = TestTimeouts.Default)]
    public async Task undecodable_ids_are_refused_naming_each_field_before_the_ledger_is_asked()
    {
        var (service, _) = Unstarted();
        var request = new CreateTransfersRequest
        {
            Transfers = { new TransferToCreate { TransferId = "nope", DebitAccountId = "", CreditAccountId = Guid.NewGuid().ToString(), AmountMinutes = 5 } },
        };

        var error = await Assert.ThrowsAsync<RpcException>(() => service.CreateTransfers(request, Call("CreateTransfers")));

        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        Assert.Equal(["transfers[0].transfer_id", "transfers[0].debit_account_id"], error.FieldsOf());
    }

    [Fact(Timeout = TestTimeouts.Default)]
    public async Task a_page_token_of_another_list_or_a_page_size_out_of_range_is_refused_before_the_ledger_is_asked()
    {
        var (service, _) = Unstarted();
        var statementToken = Mapping.StatementPageToken.Encode(Guid.NewGuid(), 10);

        var wrongToken = await Assert.ThrowsAsync<RpcException>(() => service.GetTrialBalance(
            new GetTrialBalanceRequest { DistrictId = "mapo", PageToken = statementToken }, Call("GetTrialBalance")));
        var tooMany = await Assert.ThrowsAsync<RpcException>(() => service.ListStatementEntries(
            new ListStatementEntriesRequest { AccountId = Guid.NewGuid().ToString(), PageSize = 1_001 }, Call("ListStatementEntries")));

        Assert.Equal(["page_token"], wrongToken.FieldsOf());
        Assert.Equal(["page_size"], tooMany.FieldsOf());
    }

    [Fact(Timeout = TestTimeouts.Default)]
    public async Task an_unknown_district_or_account_is_not_found_naming_it()
    {
        await using var runtime = await StartedAsync();
        var service = new LedgerGrpcService(runtime, Feed(runtime), new Security.FourEyes(runtime, TimeProvider.System));
        var account = Guid.NewGuid().ToString();

        var district = await Assert.ThrowsAsync<RpcException>(() => service.GetTrialBalance(new GetTrialBalanceRequest { DistrictId = "nowhere" }, Call("GetTrialBalance")));
        var missing = await Assert.ThrowsAsync<RpcException>(() => service.GetAccount(new GetAccountRequest { AccountId = account }, Call("GetAccount")));

        Assert.Equal((StatusCode.NotFound, true), (district.StatusCode, district.Status.Detail.Contains("nowhere", StringComparison.Ordinal)));
        Assert.Equal((StatusCode.NotFound, true), (missing.StatusCode, missing.Status.Detail.Contains(account, StringComparison.Ordinal)));
    }

    [Fact(Timeout = TestTimeouts.Default)]
    public async Task a_payment_answers_its_record_field_by_field_and_attributes_it_to_the_caller()
    {
        await using var runtime = await StartedAsync();
        var fourEyes = new Security.FourEyes(runtime, TimeProvider.System);
        var service = new LedgerGrpcService(runtime, Feed(runtime), fourEyes);
        var administration = new AdministrationGrpcService(runtime, fourEyes);
        var administrator = new Caller(Role.Administrator, "admin:unit", null, new HashSet<Guid>());
        await administration.CreateDistrict(new CreateDistrictRequest
            { DistrictId = "unit-gu", Name = "단위구", MemberFloorMinutes = -600, MemberCapMinutes = 6_000, MintBudgetMinutes = 60_000 },
            new TestCallContext(administrator, "/epoomasi.ledger.v1.AdministrationService/CreateDistrict", Ct));
        var (kim, lee) = (Guid.NewGuid().ToString(), Guid.NewGuid().ToString());
        foreach (var account in new[] { kim, lee })
        {
            await administration.OpenAccount(new OpenAccountRequest { AccountId = account, DistrictId = "unit-gu" },
                new TestCallContext(administrator, "/epoomasi.ledger.v1.AdministrationService/OpenAccount", Ct));
        }

        var member = new Caller(Role.Member, "member:kim", "unit-gu", new HashSet<Guid> { Guid.Parse(kim) });
        var id = Guid.NewGuid().ToString();
        var response = await service.CreateTransfers(
            new CreateTransfersRequest { Transfers = { new TransferToCreate { TransferId = id, DebitAccountId = kim, CreditAccountId = lee, AmountMinutes = 45, Code = TransferCode.Service, Memo = "장보기" } } },
            new TestCallContext(member, "/epoomasi.ledger.v1.LedgerService/CreateTransfers", Ct));

        var outcome = Assert.Single(response.Outcomes);
        Assert.Equal((id, TransferResult.Ok, false), (outcome.TransferId, outcome.Result, outcome.Replayed));
        var record = outcome.Transfer;
        Assert.Equal((TransferKind.Transfer, kim, lee, 45L, TransferCode.Service, "장보기"),
            (record.Kind, record.DebitAccountId, record.CreditAccountId, record.AmountMinutes, record.Code, record.Memo));
        Assert.Equal(("member:kim", "grpc"), (record.EnteredBy.ActorId, record.EnteredBy.Channel));
    }

    private static TestCallContext Call(string method) => new(Auditor, $"/epoomasi.ledger.v1.LedgerService/{method}", Ct);

    // A runtime never started: any call that reached the ledger would fail with "the ledger has not started".
    private static (LedgerGrpcService Service, LedgerRuntime Runtime) Unstarted()
    {
        var runtime = Runtime("Host=127.0.0.1;Port=1");
        return (new LedgerGrpcService(runtime, Feed(runtime), new Security.FourEyes(runtime, TimeProvider.System)), runtime);
    }

    private async Task<LedgerRuntime> StartedAsync()
    {
        var database = "unit" + Guid.NewGuid().ToString("N")[..10];
        await gateway.Postgres.CreateDatabaseAsync(database, null, Ct);
        var runtime = Runtime(gateway.Postgres.ConnectionString(database));
        await runtime.StartAsync(Ct);
        return runtime;
    }

    private static LedgerRuntime Runtime(string connectionString) =>
        new(Options.Create(new LedgerOptions { ConnectionString = connectionString }), TimeProvider.System, NullLogger<LedgerRuntime>.Instance);

    private static AccountFeed Feed(LedgerRuntime runtime) =>
        new(runtime, new AccountChanges(runtime, Options.Create(new LedgerOptions()), TimeProvider.System, NullLogger<AccountChanges>.Instance));
}
