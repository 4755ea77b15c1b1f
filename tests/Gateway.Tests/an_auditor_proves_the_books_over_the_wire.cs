using System.Net;
using EPoomasi.Contracts.Ledger.V1;
using Grpc.Core;

namespace EPoomasi.Gateway.Tests;

/// <summary>
/// The gateway seals its journal by itself, and an auditor verifies the chain and rebuilds the projections
/// over gRPC and JSON; a link to start from that is not a link is the caller's error, named.
/// </summary>
public sealed class an_auditor_proves_the_books_over_the_wire(GatewayFixture gateway)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact(Timeout = TestTimeouts.Default)]
    public async Task the_chain_holds_and_the_projections_agree_after_trading()
    {
        var district = await Seed.DistrictAsync(gateway);
        var kim = await Seed.MemberAsync(gateway, district, welcomeMinutes: 120);
        var lee = await Seed.MemberAsync(gateway, district);
        await Seed.PayAsync(gateway, GatewayFixture.Member(district, kim), kim, lee, 30);
        var audit = new AuditService.AuditServiceClient(gateway.Invoker(GatewayFixture.Auditor));

        var verified = await EventuallySealedAsync(audit);
        var rebuilt = await audit.RebuildProjectionsAsync(new RebuildProjectionsRequest(), cancellationToken: Ct);
        var onwards = await audit.VerifyJournalAsync(new VerifyJournalRequest { FromLink = $"{verified.Head.Sequence}:{verified.Head.Hash}" }, cancellationToken: Ct);

        Assert.True(verified.Holds, verified.FirstBreak?.ToString());
        Assert.Equal(64, verified.Head.Hash.Length);
        Assert.True(rebuilt.Agrees, rebuilt.FirstDifference?.ToString());
        Assert.True(rebuilt.RowsCompared["transfers"] >= 2, "the welcome grant and the payment, at least");
        Assert.True(onwards.Holds, onwards.FirstBreak?.ToString());
    }

    [Fact(Timeout = TestTimeouts.Default)]
    public async Task a_link_that_is_not_a_link_is_named_and_json_works_too()
    {
        var audit = new AuditService.AuditServiceClient(gateway.Invoker(GatewayFixture.Administrator));
        var refused = await Assert.ThrowsAsync<RpcException>(() => audit.VerifyJournalAsync(new VerifyJournalRequest { FromLink = "12:nothex" }, cancellationToken: Ct).ResponseAsync);
        using var json = new HttpClient { BaseAddress = gateway.HttpAddress };
        json.DefaultRequestHeaders.Authorization = new("Bearer", GatewayFixture.Auditor);
        var response = await json.GetAsync(new Uri("/v1/journal:verify", UriKind.Relative), Ct);

        Assert.Equal(StatusCode.InvalidArgument, refused.StatusCode);
        Assert.Contains("from_link", refused.Status.Detail, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("\"holds\": true", (await response.Content.ReadAsStringAsync(Ct)).Replace("\":true", "\": true", StringComparison.Ordinal), StringComparison.Ordinal);
    }

    // The gateway seals every quarter second. Every row there now (the payment above among them) has a sequence
    // number above the head, all different: once they are sealed, the head has moved on by at least their count.
    // Other tests write meanwhile, so the log itself is seldom all sealed at one instant.
    private static async Task<VerifyJournalResponse> EventuallySealedAsync(AuditService.AuditServiceClient audit)
    {
        var first = await audit.VerifyJournalAsync(new VerifyJournalRequest(), cancellationToken: Ct);
        var target = (first.Head?.Sequence ?? 0) + first.UnsealedRows;
        while (true)
        {
            var verified = await audit.VerifyJournalAsync(new VerifyJournalRequest(), cancellationToken: Ct);
            if (verified.Head is not null && verified.Head.Sequence >= target) return verified;
            await Task.Delay(100, Ct);
        }
    }
}
