using System.Net;
using System.Text;
using EPoomasi.Contracts.Ledger.V1;
using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;
using Google.Rpc;
using EPoomasi.Fuzzer;
using Grpc.Core;

namespace EPoomasi.Gateway.Tests;

/// <summary>
/// Requests that no part of the system can hold, refused up front as the caller's error and never
/// reaching the database, where they once failed as INTERNAL or UNKNOWN (and failed other callers' items).
/// </summary>
public sealed class hostile_requests_are_refused_as_invalid_arguments(GatewayFixture gateway)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact(Timeout = TestTimeouts.Default)]
    public async Task text_postgresql_cannot_store_is_refused_naming_its_field()
    {
        var district = await Seed.DistrictAsync(gateway);
        var kim = await Seed.MemberAsync(gateway, district, welcomeMinutes: 60);
        var lee = await Seed.MemberAsync(gateway, district);

        var memo = await Assert.ThrowsAsync<RpcException>(() => gateway.Ledger(GatewayFixture.Member(district, kim)).CreateTransfersAsync(
            Pay(kim, lee, 1, "a\0b"), cancellationToken: Ct).ResponseAsync);
        var counterpart = await Assert.ThrowsAsync<RpcException>(() => gateway.Administration(GatewayFixture.Administrator).SetTrustLimitAsync(
            new SetTrustLimitRequest { DistrictId = district, CounterpartDistrictId = "gang\0nam", LimitMinutes = 60, Reason = "pilot" }, cancellationToken: Ct).ResponseAsync);

        Assert.Equal((StatusCode.InvalidArgument, "transfers[0].memo"), (memo.StatusCode, memo.FieldOf()));
        Assert.Equal((StatusCode.InvalidArgument, "counterpart_district_id"), (counterpart.StatusCode, counterpart.FieldOf()));
    }

    [Fact(Timeout = TestTimeouts.Default)]
    public async Task a_lone_surrogate_from_a_javascript_client_is_refused_naming_its_field()
    {
        var district = await Seed.DistrictAsync(gateway);
        var kim = await Seed.MemberAsync(gateway, district, welcomeMinutes: 60);
        var lee = await Seed.MemberAsync(gateway, district);
        using var json = new HttpClient { BaseAddress = gateway.HttpAddress };
        json.DefaultRequestHeaders.Authorization = new("Bearer", GatewayFixture.Member(district, kim));
        var body = $$"""{"transfers":[{"transferId":"{{Guid.NewGuid()}}","debitAccountId":"{{kim}}","creditAccountId":"{{lee}}","amountMinutes":"1","code":"TRANSFER_CODE_SERVICE","memo":"half \ud800 a pair"}]}""";

        var response = await json.PostAsync(new Uri("/v1/transfers:batchCreate", UriKind.Relative), new StringContent(body, Encoding.UTF8, "application/json"), Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("memo", await response.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
    }

    [Fact(Timeout = TestTimeouts.Default)]
    public async Task one_callers_unstorable_memo_fails_none_of_the_other_callers_payments()
    {
        var district = await Seed.DistrictAsync(gateway);
        var kim = await Seed.MemberAsync(gateway, district, welcomeMinutes: 60);
        var lee = await Seed.MemberAsync(gateway, district, welcomeMinutes: 600);
        var park = await Seed.MemberAsync(gateway, district);
        var hostile = gateway.Ledger(GatewayFixture.Member(district, kim));
        var coordinator = gateway.Ledger(GatewayFixture.Coordinator(district));

        var bad = Enumerable.Range(0, 6).Select(async _ =>
            await Assert.ThrowsAsync<RpcException>(() => hostile.CreateTransfersAsync(Pay(kim, park, 1, "a\0b"), cancellationToken: Ct).ResponseAsync));
        var good = Enumerable.Range(0, 40).Select(async _ => (await coordinator.CreateTransfersAsync(Pay(lee, park, 1, "ok"), cancellationToken: Ct)).Outcomes.Single());
        var refusals = await Task.WhenAll(bad);
        var outcomes = await Task.WhenAll(good);

        Assert.All(refusals, r => Assert.Equal(StatusCode.InvalidArgument, r.StatusCode));
        Assert.All(outcomes, o => Assert.Equal(TransferResult.Ok, o.Result));
        var parks = await coordinator.GetAccountAsync(new GetAccountRequest { AccountId = park }, cancellationToken: Ct);
        Assert.Equal(40, parks.Account.BalanceMinutes);
    }

    [Fact(Timeout = TestTimeouts.Default)]
    public async Task messages_that_cannot_be_decoded_are_invalid_arguments_and_page_nobody()
    {
        var district = await Seed.DistrictAsync(gateway);
        var kim = await Seed.MemberAsync(gateway, district);
        var logs = new LogCapture();
        var (app, channel, _) = await gateway.StartLoggingAsync(logs, "--Logging:LogLevel:Default=Warning");
        await using var _app = app;
        using var _channel = channel;
        var token = GatewayFixture.Member(district, kim);
        const string GetAccount = "/epoomasi.ledger.v1.LedgerService/GetAccount";
        byte[] notUtf8 = [0x0A, 0x02, 0xC3, 0x28];
        byte[] truncated = [0x0A, 0x24, (byte)'a', (byte)'b'];
        byte[] badVarint = [0x10, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF];
        var valid = new GetAccountRequest { AccountId = kim }.ToByteArray();
        var cases = new Dictionary<string, byte[]>
        {
            ["invalid UTF-8 in a string"] = Wire.Frame(notUtf8),
            ["a truncated message"] = Wire.Frame(truncated),
            ["a malformed varint"] = Wire.Frame(badVarint),
            ["a frame shorter than it declares"] = Wire.Frame(valid, declaredLength: valid.Length + 100),
            ["a frame header cut short"] = [0, 0, 0],
            ["a second message after the first"] = [.. Wire.Frame(valid), .. Wire.Frame(valid)],
            ["a compressed flag of 2"] = Wire.Frame(valid, flag: 2),
            ["compressed with no encoding named"] = Wire.Frame(valid, flag: 1),
        };

        using var wire = new Wire(new Uri("http://" + channel.Target), gateway.HttpAddress);
        var answers = new List<string>();
        foreach (var (name, body) in cases)
        {
            var (status, message) = await wire.GrpcAsync(GetAccount, body, token, null, Ct);
            answers.Add($"{name}: {(StatusCode)status} {message}");
        }

        // Past Kestrel's own 30 MB body limit, which grpc-dotnet lifts only inside its handler.
        var (huge, _) = await wire.GrpcAsync(GetAccount, Wire.Frame(new byte[31_000_000]), token, null, Ct);

        Assert.All(answers, a => Assert.Contains(": InvalidArgument ", a, StringComparison.Ordinal));
        Assert.Equal(StatusCode.ResourceExhausted, (StatusCode)huge);
        Assert.DoesNotContain(logs.Lines, line => line.StartsWith("Error", StringComparison.Ordinal) || line.StartsWith("Critical", StringComparison.Ordinal));
        var (ok, _) = await wire.GrpcAsync(GetAccount, Wire.Frame(valid), token, null, Ct);
        Assert.Equal(StatusCode.OK, (StatusCode)ok);
    }

    [Theory(Timeout = TestTimeouts.Default)]
    [InlineData(1_000, 1_000_000_000)]
    [InlineData(1_000, -1)]
    [InlineData(253_402_300_800, 0)]
    [InlineData(-62_135_596_801, 0)]
    public async Task a_timestamp_outside_its_documented_range_is_an_invalid_argument(long seconds, int nanos)
    {
        var district = await Seed.DistrictAsync(gateway);
        var kim = await Seed.MemberAsync(gateway, district);

        var refused = await Assert.ThrowsAsync<RpcException>(() => gateway.Ledger(GatewayFixture.Member(district, kim)).GetBalanceAtAsync(
            new GetBalanceAtRequest { AccountId = kim, At = new Timestamp { Seconds = seconds, Nanos = nanos } }, cancellationToken: Ct).ResponseAsync);

        Assert.Equal((StatusCode.InvalidArgument, "at"), (refused.StatusCode, refused.FieldOf()));
    }

    [Fact(Timeout = TestTimeouts.Default)]
    public async Task an_answer_quotes_long_input_only_in_part_so_every_client_can_read_it()
    {
        var district = await Seed.DistrictAsync(gateway);
        var kim = await Seed.MemberAsync(gateway, district);
        var long70k = new string('x', 70_000);
        var admin = new Contracts.Identity.V1.PartnerAppService.PartnerAppServiceClient(gateway.Invoker(GatewayFixture.Administrator));
        var member = new Contracts.Identity.V1.PartnerAppService.PartnerAppServiceClient(gateway.Invoker(GatewayFixture.Member(district, kim)));

        var scopes = await Assert.ThrowsAsync<RpcException>(() => admin.RegisterPartnerAppAsync(
            new() { AppId = "long-scopes", Name = "Long", Scopes = { long70k + "a", long70k + "b", long70k + "c" } }, cancellationToken: Ct).ResponseAsync);
        var appId = await Assert.ThrowsAsync<RpcException>(() => member.GrantAppAccessAsync(
            new() { AppId = long70k, AccountId = kim, Scopes = { "accounts:read" } }, cancellationToken: Ct).ResponseAsync);

        Assert.Equal(StatusCode.InvalidArgument, scopes.StatusCode);
        Assert.Equal(3, scopes.GetRpcStatus()!.GetDetail<BadRequest>().FieldViolations.Count(v => v.Field == "scopes"));
        Assert.Equal((StatusCode.InvalidArgument, "app_id"), (appId.StatusCode, appId.FieldOf()));
        Assert.All(new[] { scopes, appId }, e => Assert.InRange(e.Status.Detail.Length, 1, 2_000));
    }

    private static CreateTransfersRequest Pay(string from, string to, long minutes, string memo) => new()
    {
        Transfers = { new TransferToCreate { TransferId = Guid.NewGuid().ToString(), DebitAccountId = from, CreditAccountId = to, AmountMinutes = minutes, Code = TransferCode.Service, Memo = memo } },
    };
}
