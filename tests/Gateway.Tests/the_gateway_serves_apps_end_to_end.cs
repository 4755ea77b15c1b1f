using System.Net.Http.Json;
using System.Text.Json;
using EPoomasi.Contracts.Ledger.V1;
using Google.Rpc;
using Grpc.Core;
using Grpc.Health.V1;
using Grpc.Net.Client;
using Grpc.Net.Client.Web;
using Grpc.Reflection.V1Alpha;

namespace EPoomasi.Gateway.Tests;

public sealed class the_gateway_serves_apps_end_to_end(GatewayFixture gateway)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact(Timeout = TestTimeouts.Default)]
    public async Task health_reports_serving_while_the_database_answers()
    {
        var health = new Health.HealthClient(gateway.Channel);

        var response = await health.CheckAsync(new HealthCheckRequest(), cancellationToken: Ct);

        Assert.Equal(HealthCheckResponse.Types.ServingStatus.Serving, response.Status);
    }

    // What the README's grpcurl lines do: list the services and describe one over reflection (v1, which
    // grpcurl tries first, and v1alpha, its fallback) with a token, and check health with none.
    [Fact(Timeout = TestTimeouts.Default)]
    public async Task reflection_with_a_token_lists_and_describes_the_services_as_grpcurl_asks()
    {
        var v1 = new Grpc.Reflection.V1.ServerReflection.ServerReflectionClient(gateway.Invoker(GatewayFixture.Auditor));
        using var call = v1.ServerReflectionInfo(cancellationToken: Ct);
        await call.RequestStream.WriteAsync(new Grpc.Reflection.V1.ServerReflectionRequest { ListServices = "" }, Ct);
        await call.RequestStream.WriteAsync(new Grpc.Reflection.V1.ServerReflectionRequest { FileContainingSymbol = "epoomasi.ledger.v1.LedgerService" }, Ct);
        await call.RequestStream.CompleteAsync();

        Assert.True(await call.ResponseStream.MoveNext(Ct));
        var services = call.ResponseStream.Current.ListServicesResponse.Service.Select(s => s.Name).ToList();
        Assert.True(await call.ResponseStream.MoveNext(Ct));
        var files = call.ResponseStream.Current.FileDescriptorResponse.FileDescriptorProto
            .Select(bytes => Google.Protobuf.Reflection.FileDescriptorProto.Parser.ParseFrom(bytes)).ToList();

        Assert.Contains("epoomasi.ledger.v1.LedgerService", services);
        Assert.Contains("epoomasi.ledger.v1.AuditService", services);
        Assert.Contains("grpc.health.v1.Health", services);
        Assert.Contains(files, f => f.Service.Any(s => s.Name == "LedgerService" && s.Method.Any(m => m.Name == "GetTrialBalance")));
        Assert.Contains("epoomasi.ledger.v1.LedgerService", await ListOverV1AlphaAsync(gateway.Invoker(GatewayFixture.Auditor)));
    }

    [Fact(Timeout = TestTimeouts.Default)]
    public async Task reflection_without_a_token_is_unauthenticated_and_health_needs_none()
    {
        // Refused before any request is read: the client only listens, so no write of its own races the refusal.
        using var call = new ServerReflection.ServerReflectionClient(gateway.Channel.CreateCallInvoker()).ServerReflectionInfo(cancellationToken: Ct);
        var refused = await Assert.ThrowsAsync<RpcException>(() => call.ResponseStream.MoveNext(Ct));
        var health = await new Health.HealthClient(gateway.Channel).CheckAsync(new HealthCheckRequest { Service = "" }, cancellationToken: Ct);

        Assert.Equal(StatusCode.Unauthenticated, refused.StatusCode);
        Assert.Equal(HealthCheckResponse.Types.ServingStatus.Serving, health.Status);
    }

    private static async Task<List<string>> ListOverV1AlphaAsync(CallInvoker invoker)
    {
        using var call = new ServerReflection.ServerReflectionClient(invoker).ServerReflectionInfo(cancellationToken: Ct);
        await call.RequestStream.WriteAsync(new ServerReflectionRequest { ListServices = "" }, Ct);
        await call.RequestStream.CompleteAsync();
        Assert.True(await call.ResponseStream.MoveNext(Ct));
        return call.ResponseStream.Current.ListServicesResponse.Service.Select(s => s.Name).ToList();
    }

    [Fact(Timeout = TestTimeouts.Default)]
    public async Task a_web_partner_pays_and_reads_over_http_json_with_int64_as_strings()
    {
        var district = await Seed.DistrictAsync(gateway);
        var kim = await Seed.MemberAsync(gateway, district, welcomeMinutes: 120);
        var lee = await Seed.MemberAsync(gateway, district);
        using var http = new HttpClient { BaseAddress = gateway.HttpAddress };
        http.DefaultRequestHeaders.Authorization = new("Bearer", GatewayFixture.Member(district, kim, lee));

        var paid = await http.PostAsJsonAsync("/v1/transfers:batchCreate", new
        {
            transfers = new[] { new { transferId = Guid.NewGuid(), debitAccountId = kim, creditAccountId = lee, amountMinutes = "45", code = "TRANSFER_CODE_SERVICE", memo = "soup" } },
        }, Ct);
        var account = await http.GetFromJsonAsync<JsonElement>($"/v1/accounts/{lee}", Ct);

        Assert.True(paid.IsSuccessStatusCode, await paid.Content.ReadAsStringAsync(Ct));
        Assert.Equal("TRANSFER_RESULT_OK", (await paid.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("outcomes")[0].GetProperty("result").GetString());
        Assert.Equal("45", account.GetProperty("account").GetProperty("balanceMinutes").GetString());
    }

    [Fact(Timeout = TestTimeouts.Default)]
    public async Task rich_errors_reach_http_json_callers_too()
    {
        using var http = new HttpClient { BaseAddress = gateway.HttpAddress };
        http.DefaultRequestHeaders.Authorization = new("Bearer", GatewayFixture.Auditor);

        var response = await http.GetAsync(new Uri("/v1/accounts/not-a-uuid", UriKind.Relative), Ct);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>(Ct);

        Assert.Equal(System.Net.HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("type.googleapis.com/google.rpc.BadRequest", body.GetProperty("details")[0].GetProperty("@type").GetString());
    }

    [Fact(Timeout = TestTimeouts.Default)]
    public async Task a_browser_app_calls_over_grpc_web()
    {
        var district = await Seed.DistrictAsync(gateway);
        var member = await Seed.MemberAsync(gateway, district, welcomeMinutes: 30);
        using var channel = GrpcChannel.ForAddress(gateway.HttpAddress, new GrpcChannelOptions
        {
            HttpHandler = new GrpcWebHandler(GrpcWebMode.GrpcWebText, new HttpClientHandler()),
            // As a browser would reach it: gRPC-Web over HTTP/1.1.
            HttpVersion = System.Net.HttpVersion.Version11,
            HttpVersionPolicy = HttpVersionPolicy.RequestVersionExact,
        });

        var headers = new Metadata { { "authorization", $"Bearer {GatewayFixture.Member(district, member)}" } };
        var account = await new LedgerService.LedgerServiceClient(channel).GetAccountAsync(new GetAccountRequest { AccountId = member }, headers, cancellationToken: Ct);

        Assert.Equal(30, account.Account.BalanceMinutes);
    }

    [Fact(Timeout = TestTimeouts.Default)]
    public async Task bad_input_is_invalid_argument_with_every_field_violation()
    {
        var request = new CreateTransfersRequest
        {
            Transfers = { new TransferToCreate { TransferId = "nope", DebitAccountId = "", CreditAccountId = Guid.NewGuid().ToString(), AmountMinutes = 5, HoldTimeoutSeconds = -1 } },
        };

        var error = await Assert.ThrowsAsync<RpcException>(() => gateway.Ledger(GatewayFixture.Member("mapo")).CreateTransfersAsync(request, cancellationToken: Ct).ResponseAsync);

        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        Assert.Equal(["transfers[0].transfer_id", "transfers[0].debit_account_id"], error.FieldsOf());
    }

    // The gateway decodes; the ledger's deciders alone apply its rules, and answer each item for itself.
    [Fact(Timeout = TestTimeouts.Default)]
    public async Task the_ledgers_rules_answer_each_item_and_the_good_ones_commit()
    {
        var district = await Seed.DistrictAsync(gateway);
        var kim = await Seed.MemberAsync(gateway, district, welcomeMinutes: 60);
        var lee = await Seed.MemberAsync(gateway, district);
        TransferToCreate Item(string memo = "", long holdSeconds = 0) => new()
        {
            TransferId = Guid.NewGuid().ToString(), DebitAccountId = kim, CreditAccountId = lee, AmountMinutes = 5, Code = TransferCode.Service,
            Memo = memo, HoldTimeoutSeconds = holdSeconds,
        };

        var response = await gateway.Ledger(GatewayFixture.Member(district, kim)).CreateTransfersAsync(
            new CreateTransfersRequest { Transfers = { Item(holdSeconds: -1), Item(memo: new string('m', 513)), Item() } }, cancellationToken: Ct);

        Assert.Equal([TransferResult.HoldTimeoutOutOfRange, TransferResult.MemoTooLong, TransferResult.Ok], response.Outcomes.Select(o => o.Result));
        var account = await gateway.Ledger(GatewayFixture.Auditor).GetAccountAsync(new GetAccountRequest { AccountId = lee }, cancellationToken: Ct);
        Assert.Equal(5, account.Account.BalanceMinutes);
    }

    [Fact(Timeout = TestTimeouts.Default)]
    public async Task a_rule_broken_by_a_single_call_is_an_error_with_its_reason_code()
    {
        var unknownHold = new PostHoldRequest { PostId = Guid.NewGuid().ToString(), HoldId = Guid.NewGuid().ToString() };

        var notFound = await Assert.ThrowsAsync<RpcException>(() => gateway.Ledger(GatewayFixture.Member("mapo")).PostHoldAsync(unknownHold, cancellationToken: Ct).ResponseAsync);
        var missingAccount = await Assert.ThrowsAsync<RpcException>(() => gateway.Ledger(GatewayFixture.Auditor).GetAccountAsync(new GetAccountRequest { AccountId = Guid.NewGuid().ToString() }, cancellationToken: Ct).ResponseAsync);

        Assert.Equal((StatusCode.NotFound, "HOLD_NOT_FOUND"), (notFound.StatusCode, notFound.GetRpcStatus()!.GetDetail<ErrorInfo>().Reason));
        Assert.Equal(StatusCode.NotFound, missingAccount.StatusCode);
    }

    [Fact(Timeout = TestTimeouts.Default)]
    public async Task a_batch_answers_per_item_and_a_retried_id_returns_its_original_outcome()
    {
        var district = await Seed.DistrictAsync(gateway);
        var kim = await Seed.MemberAsync(gateway, district, welcomeMinutes: 60);
        var lee = await Seed.MemberAsync(gateway, district);
        var ok = new TransferToCreate { TransferId = Guid.NewGuid().ToString(), DebitAccountId = kim, CreditAccountId = lee, AmountMinutes = 30, Code = TransferCode.Service };
        var tooMuch = new TransferToCreate { TransferId = Guid.NewGuid().ToString(), DebitAccountId = kim, CreditAccountId = lee, AmountMinutes = 10_000, Code = TransferCode.Service };
        var request = new CreateTransfersRequest { Transfers = { ok, tooMuch } };

        var kimApp = gateway.Ledger(GatewayFixture.Member(district, kim));
        var first = await kimApp.CreateTransfersAsync(request, cancellationToken: Ct);
        var again = await kimApp.CreateTransfersAsync(request, cancellationToken: Ct);

        Assert.Equal([TransferResult.Ok, TransferResult.DebitBelowFloor], first.Outcomes.Select(o => o.Result));
        Assert.Equal([TransferResult.Ok, TransferResult.DebitBelowFloor], again.Outcomes.Select(o => o.Result));
        Assert.All(again.Outcomes, o => Assert.True(o.Replayed));
        Assert.Equal(30, (await gateway.Ledger(GatewayFixture.Auditor).GetAccountAsync(new GetAccountRequest { AccountId = lee }, cancellationToken: Ct)).Account.BalanceMinutes);
    }

    [Fact(Timeout = TestTimeouts.Default)]
    public async Task the_live_feed_delivers_a_transfer_made_by_another_client()
    {
        var district = await Seed.DistrictAsync(gateway);
        var kim = await Seed.MemberAsync(gateway, district, welcomeMinutes: 60);
        var lee = await Seed.MemberAsync(gateway, district);
        using var watch = gateway.Ledger(GatewayFixture.Member(district, lee)).WatchAccount(new WatchAccountRequest { AccountId = lee }, cancellationToken: Ct);
        // The feed answers its headers once it is open and knows where it starts.
        await watch.ResponseHeadersAsync;

        var payment = await Seed.PayAsync(gateway, GatewayFixture.Member(district, kim), kim, lee, 25);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        timeout.CancelAfter(TimeSpan.FromSeconds(10));
        Assert.True(await watch.ResponseStream.MoveNext(timeout.Token));

        var entry = watch.ResponseStream.Current.Entry;
        Assert.Equal((payment.TransferId, 25L, 25L, EntrySide.Credit), (entry.TransferId, entry.AmountMinutes, entry.BalanceAfterMinutes, entry.Side));
    }

    [Fact(Timeout = TestTimeouts.Default)]
    public async Task a_call_past_its_deadline_is_cut_off_at_the_database_and_changes_nothing()
    {
        var district = await Seed.DistrictAsync(gateway);
        var kim = await Seed.MemberAsync(gateway, district, welcomeMinutes: 60);
        var lee = await Seed.MemberAsync(gateway, district);
        var id = Guid.NewGuid().ToString();

        // Another session holds Kim's row lock, so the transfer waits in the database past its deadline.
        await using (var kimsRow = await AccountRowLock.TakeAsync(gateway, kim, Ct))
        {
            var request = new CreateTransfersRequest { Transfers = { new TransferToCreate { TransferId = id, DebitAccountId = kim, CreditAccountId = lee, AmountMinutes = 5, Code = TransferCode.Service } } };
            var error = await Assert.ThrowsAsync<RpcException>(() => gateway.Ledger(GatewayFixture.Member(district, kim))
                .CreateTransfersAsync(request, deadline: DateTime.UtcNow.AddMilliseconds(500), cancellationToken: Ct).ResponseAsync);
            Assert.Equal(StatusCode.DeadlineExceeded, error.StatusCode);
            // The client's deadline and the gateway's fire on two clocks; the margin lets the gateway's fire too
            // before the row is released (nothing observable marks that moment from outside).
            await Task.Delay(300, Ct);
            await kimsRow.ReleaseAsync(Ct);
        }

        var lookup = await gateway.Ledger(GatewayFixture.Auditor).LookupTransfersAsync(new LookupTransfersRequest { TransferIds = { id } }, cancellationToken: Ct);
        Assert.Empty(lookup.Transfers);
        Assert.Equal(0, (await gateway.Ledger(GatewayFixture.Auditor).GetAccountAsync(new GetAccountRequest { AccountId = lee }, cancellationToken: Ct)).Account.BalanceMinutes);
    }
}
