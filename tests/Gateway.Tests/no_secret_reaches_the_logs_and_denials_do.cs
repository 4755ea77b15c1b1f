using EPoomasi.Contracts.Identity.V1;
using EPoomasi.Contracts.Ledger.V1;
using Grpc.Core;
using Grpc.Core.Interceptors;
using Grpc.Net.Client;
using Microsoft.Extensions.Logging;

namespace EPoomasi.Gateway.Tests;

public sealed class no_secret_reaches_the_logs_and_denials_do(GatewayFixture gateway)
{
    [Fact(Timeout = TestTimeouts.Default)]
    public async Task tokens_and_api_keys_never_appear_in_any_log_line_and_a_denial_names_who_and_the_correlation_id()
    {
        var ct = TestContext.Current.CancellationToken;
        var district = await Seed.DistrictAsync(gateway);
        var account = await Seed.MemberAsync(gateway, district);
        var capture = new LogCapture();
        var grpc = new Uri($"http://127.0.0.1:{GatewayFixture.FreePort()}");
        await using var app = GatewayApp.Create(
        [
            $"--Ledger:ConnectionString={gateway.DatabaseConnectionString}",
            $"--Kestrel:Endpoints:Grpc:Url={grpc}",
            $"--Kestrel:Endpoints:Http:Url=http://127.0.0.1:{GatewayFixture.FreePort()}",
            "--Logging:LogLevel:Default=Trace",
            .. GatewayFixture.AuthArgs,
        ], builder => builder.Logging.ClearProviders().AddProvider(capture)); // only the capture: a failure's message stays readable
        await app.StartAsync(ct);
        using var channel = GrpcChannel.ForAddress(grpc);
        CallInvoker As(string? token, string? key, string correlation) => channel.CreateCallInvoker().Intercept(headers =>
        {
            if (token is not null) headers.Add("authorization", $"Bearer {token}");
            if (key is not null) headers.Add("x-api-key", key);
            headers.Add("x-correlation-id", correlation);
            return headers;
        });

        var member = GatewayFixture.Member(district, account);
        var stranger = GatewayFixture.Member(district, Guid.NewGuid().ToString());
        var expired = GatewayFixture.Issuer.Issue(Security.Role.Member, "member:late", district, [Guid.Parse(account)], TimeSpan.FromMinutes(-5)).Token;
        var apiKey = (await new PartnerAppService.PartnerAppServiceClient(As(GatewayFixture.Administrator, null, "c-0"))
            .RegisterPartnerAppAsync(new RegisterPartnerAppRequest { AppId = "log-" + Guid.NewGuid().ToString("N")[..8], Name = "Logs", Scopes = { "accounts:read" } }, cancellationToken: ct)).ApiKey;
        var read = new GetAccountRequest { AccountId = account };
        await new LedgerService.LedgerServiceClient(As(member, null, "c-1")).GetAccountAsync(read, cancellationToken: ct);
        await Assert.ThrowsAsync<RpcException>(() => new LedgerService.LedgerServiceClient(As(stranger, null, "c-denied")).GetAccountAsync(read, cancellationToken: ct).ResponseAsync);
        await Assert.ThrowsAsync<RpcException>(() => new LedgerService.LedgerServiceClient(As(expired, null, "c-3")).GetAccountAsync(read, cancellationToken: ct).ResponseAsync);
        await new LedgerService.LedgerServiceClient(As(member, apiKey, "c-4")).GetAccountAsync(read, cancellationToken: ct);
        await Assert.ThrowsAsync<RpcException>(() => new LedgerService.LedgerServiceClient(As(null, apiKey + "x", "c-5")).GetAccountAsync(read, cancellationToken: ct).ResponseAsync);
        await app.StopAsync(ct);

        var lines = capture.Lines.ToList();
        Assert.True(lines.Count > 20, $"Only {lines.Count} log lines were captured.");
        var secrets = new[] { member, stranger, expired, apiKey, apiKey.Split('.')[2], GatewayFixture.SigningKey, GatewayFixture.Administrator };
        var names = new[] { "member's token", "stranger's token", "expired token", "API key", "API key's secret", "signing key", "administrator's token" };
        for (var i = 0; i < secrets.Length; i++)
        {
            var leak = lines.FirstOrDefault(line => line.Contains(secrets[i], StringComparison.Ordinal));
            Assert.True(leak is null, $"The {names[i]} appears in a log line: {leak?.Replace(secrets[i], "<secret>", StringComparison.Ordinal)}");
        }

        var denials = lines.Where(line => line.Contains("Denied /epoomasi.ledger.v1.LedgerService/GetAccount", StringComparison.Ordinal)).ToList();
        Assert.True(denials.Count == 1, $"Expected one denial line, found {denials.Count}:{Environment.NewLine}{string.Join(Environment.NewLine, denials)}");
        var denial = denials[0];
        Assert.Contains("member:e2e (Member)", denial, StringComparison.Ordinal);
        Assert.Contains("CorrelationId=c-denied", denial, StringComparison.Ordinal);
    }
}
