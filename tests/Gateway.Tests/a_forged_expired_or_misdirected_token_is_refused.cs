using EPoomasi.Contracts.Ledger.V1;
using EPoomasi.Gateway.Security;
using Grpc.Core;

namespace EPoomasi.Gateway.Tests;

public sealed class a_forged_expired_or_misdirected_token_is_refused(GatewayFixture gateway)
{
    private static readonly GetTrialBalanceRequest AnyRead = new() { DistrictId = "mapo" };

    [Fact(Timeout = TestTimeouts.Default)]
    public async Task no_token_is_unauthenticated()
    {
        var error = await CallAsync(null);

        Assert.Equal((StatusCode.Unauthenticated, "No identity: send 'authorization: Bearer <token>'."), (error.StatusCode, error.Status.Detail));
    }

    [Fact(Timeout = TestTimeouts.Default)]
    public async Task an_expired_token_is_unauthenticated_and_says_so()
    {
        var expired = GatewayFixture.Issuer.Issue(Role.Auditor, "auditor:late", null, [], TimeSpan.FromMinutes(-5)).Token;

        var error = await CallAsync(expired);

        Assert.Equal((StatusCode.Unauthenticated, "The token was refused: it has expired."), (error.StatusCode, error.Status.Detail));
    }

    [Fact(Timeout = TestTimeouts.Default)]
    public async Task a_token_signed_with_another_key_is_unauthenticated()
    {
        var forger = GatewayFixture.IssuerFor(Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes("a-forgers-own-key-of-32-bytes-long!")));
        var forged = forger.Issue(Role.Administrator, "administrator:mallory", null, [], TimeSpan.FromHours(1)).Token;

        var error = await CallAsync(forged);

        Assert.Equal((StatusCode.Unauthenticated, "The token was refused: its signature does not verify."), (error.StatusCode, error.Status.Detail));
    }

    [Fact(Timeout = TestTimeouts.Default)]
    public async Task a_token_for_another_audience_is_unauthenticated()
    {
        var elsewhere = GatewayFixture.Issuer.Issue(Role.Auditor, "auditor:e2e", null, [], TimeSpan.FromHours(1), audience: "another-service").Token;

        var error = await CallAsync(elsewhere);

        Assert.Equal((StatusCode.Unauthenticated, "The token was refused: it is meant for another audience."), (error.StatusCode, error.Status.Detail));
    }

    [Fact(Timeout = TestTimeouts.Default)]
    public async Task garbage_in_the_authorization_header_is_unauthenticated_not_a_crash()
    {
        var error = await CallAsync("not.a.jwt");

        Assert.Equal((StatusCode.Unauthenticated, "The token was refused: it is malformed or invalid."), (error.StatusCode, error.Status.Detail));
    }

    private async Task<RpcException> CallAsync(string? token) =>
        await Assert.ThrowsAsync<RpcException>(() => new LedgerService.LedgerServiceClient(gateway.Invoker(token))
            .GetTrialBalanceAsync(AnyRead, cancellationToken: TestContext.Current.CancellationToken).ResponseAsync);
}
