using EPoomasi.WebConsole.Session;

namespace EPoomasi.Gateway.Tests.WebConsole;

/// <summary>The console's notification stream (server-sent events) over real HTTP, when it ends.</summary>
public sealed class a_notification_stream_ends_quietly(GatewayFixture gateway)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact(Timeout = TestTimeouts.Default)]
    public async Task a_reader_leaving_the_page_is_no_error_in_the_gateways_log()
    {
        var district = await Seed.DistrictAsync(gateway);
        var member = await Seed.MemberAsync(gateway, district);
        var logs = new LogCapture();
        var (app, channel, http) = await gateway.StartLoggingAsync(logs, "--Logging:LogLevel:Default=Warning");
        await using var _app = app;
        using var _channel = channel;
        using var client = new HttpClient { BaseAddress = http };
        HttpRequestMessage Stream(string token) => new(HttpMethod.Get, $"/console/notifications?account={member}")
        {
            Headers = { { "Cookie", $"{ConsoleSession.TokenCookie}={token}" } },
        };

        using (var leaving = CancellationTokenSource.CreateLinkedTokenSource(Ct))
        {
            using var open = await client.SendAsync(Stream(GatewayFixture.Member(district, member)), HttpCompletionOption.ResponseHeadersRead, leaving.Token);
            using var reader = new StreamReader(await open.Content.ReadAsStreamAsync(leaving.Token));
            Assert.Equal(": open", await reader.ReadLineAsync(leaving.Token));
            await leaving.CancelAsync();
        }

        // The console hears that the reader left when the connection closes, a moment later; a failure would be logged
        // within a second or two of it.
        await Task.Delay(TimeSpan.FromSeconds(3), Ct);

        Assert.DoesNotContain(logs.Lines, line => line.StartsWith("Error", StringComparison.Ordinal));
    }
}
