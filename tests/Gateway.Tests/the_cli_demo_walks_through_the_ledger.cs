namespace EPoomasi.Gateway.Tests;

[Collection(ConsoleOutput.Name)]
public sealed class the_cli_demo_walks_through_the_ledger(GatewayFixture gateway)
{
    [Fact(Timeout = TestTimeouts.Default)]
    public async Task the_demo_runs_every_step_against_a_real_gateway_and_the_books_balance()
    {
        var (exitCode, text) = await CliRun.RunAsync(gateway.GrpcAddress.ToString(), null, "demo");

        Assert.Equal(0, exitCode);
        Assert.Contains("15. Mapo's books balance on their own", text);
        Assert.Contains("16. 박서준 applies to Mapo: the application waits for a coordinator in the web console", text);
        Assert.Contains("반찬 만들어 드려요 / Home-cooked side dishes — 최지우, 1h 00m", text);
        Assert.Contains("1h 00m held", text);
        Assert.Contains("settled: paid 0h 50m", text);
        Assert.Contains("환영 welcome 5h 00m", text);
        // Kim's statement names Lee, the issuance that paid the welcome grant, and the clearing account the ride to Gangnam went through.
        var statement = text[text.IndexOf("Kim's statement", StringComparison.Ordinal)..text.IndexOf("15. ", StringComparison.Ordinal)];
        Assert.Contains("이영희", statement);
        Assert.Contains("마포구 정산(강남구)", statement);
        Assert.Contains("마포구 발행 / Mapo-gu issuance", statement);
        Assert.Contains("DENIED: Account", text);
        Assert.Contains("REFUSED: debit below floor", text);
        Assert.Contains("sum of all balances 0h 00m", text);
        Assert.Equal(1, text.Split('\n').Count(line => line.Contains("REFUSED", StringComparison.Ordinal)));
    }

    [Fact(Timeout = TestTimeouts.Default)]
    public async Task every_response_carries_the_callers_correlation_id()
    {
        using var http = new HttpClient { BaseAddress = gateway.HttpAddress };
        using var request = new HttpRequestMessage(HttpMethod.Get, "/v1/districts/nowhere/trial-balance");
        request.Headers.Add("x-correlation-id", "support-ticket-4711");
        request.Headers.Authorization = new("Bearer", GatewayFixture.Auditor);

        using var response = await http.SendAsync(request, TestContext.Current.CancellationToken);

        Assert.Equal(System.Net.HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("support-ticket-4711", response.Headers.GetValues("x-correlation-id").Single());
    }
}
