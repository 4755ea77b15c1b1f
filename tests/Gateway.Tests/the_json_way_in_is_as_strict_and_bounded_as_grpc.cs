using System.Net;
using System.Text;
using System.Text.Json;
using EPoomasi.Contracts.Ledger.V1;

namespace EPoomasi.Gateway.Tests;

/// <summary>
/// Over HTTP/JSON, unknown fields were dropped (a misspelt hold timeout made an immediate transfer), parse
/// errors named no field, an unknown enum name leaked a .NET type name, and the request size limit held
/// for gRPC only: a 20 MB body answered 400 with OutOfMemoryException.
/// </summary>
public sealed class the_json_way_in_is_as_strict_and_bounded_as_grpc(GatewayFixture gateway)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact(Timeout = TestTimeouts.Default)]
    public async Task an_unknown_field_is_refused_by_name_and_nothing_is_applied()
    {
        var (json, kim, lee, token) = await MembersAsync();
        var id = Guid.NewGuid().ToString();

        var (status, body) = await PostAsync(json, $$"""{"transfers":[{"transferId":"{{id}}","debitAccountId":"{{kim}}","creditAccountId":"{{lee}}","amountMinutes":"5","code":"TRANSFER_CODE_SERVICE","holdTimeoutSecs":"600"}]}""");

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal(["transfers[0].holdTimeoutSecs"], Fields(body));
        var lookup = await gateway.Ledger(token).LookupTransfersAsync(new LookupTransfersRequest { TransferIds = { id } }, cancellationToken: Ct);
        Assert.Empty(lookup.Transfers);
    }

    [Theory(Timeout = TestTimeouts.Default)]
    [InlineData("\"amountMinutes\":\"1.5\"", "transfers[0].amountMinutes")]
    [InlineData("\"amountMinutes\":1.5", "transfers[0].amountMinutes")]
    [InlineData("\"amountMinutes\":\"99999999999999999999\"", "transfers[0].amountMinutes")]
    [InlineData("\"amountMinutes\":true", "transfers[0].amountMinutes")]
    [InlineData("\"linked\":\"yes\"", "transfers[0].linked")]
    [InlineData("\"memo\":42", "transfers[0].memo")]
    [InlineData("\"code\":\"TRANSFER_CODE_BRIBE\"", "transfers[0].code")]
    public async Task a_value_of_the_wrong_kind_is_refused_naming_its_field(string item, string field)
    {
        var (json, kim, lee, _) = await MembersAsync();

        var (status, body) = await PostAsync(json, $$"""{"transfers":[{"transferId":"{{Guid.NewGuid()}}","debitAccountId":"{{kim}}","creditAccountId":"{{lee}}","amountMinutes":"5","code":"TRANSFER_CODE_SERVICE",{{item}}}]}"""
            .Replace("\"amountMinutes\":\"5\",\"code\":\"TRANSFER_CODE_SERVICE\",\"amountMinutes\"", "\"code\":\"TRANSFER_CODE_SERVICE\",\"amountMinutes\"", StringComparison.Ordinal)
            .Replace("\"code\":\"TRANSFER_CODE_SERVICE\",\"code\"", "\"code\"", StringComparison.Ordinal));

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains(field, Fields(body));
        Assert.DoesNotContain("EPoomasi.", body, StringComparison.Ordinal);
        Assert.DoesNotContain("System.", body, StringComparison.Ordinal);
    }

    [Fact(Timeout = TestTimeouts.Default)]
    public async Task an_unknown_query_parameter_is_refused_by_name()
    {
        var (json, kim, _, _) = await MembersAsync();

        var response = await json.GetAsync(new Uri($"/v1/accounts/{kim}/statement?pageSize=10&pageSise=10", UriKind.Relative), Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(["pageSise"], Fields(await response.Content.ReadAsStringAsync(Ct)));
    }

    [Theory(Timeout = TestTimeouts.Default)]
    [InlineData(5, true)]
    [InlineData(20, true)]
    [InlineData(35, true)]
    [InlineData(5, false)]
    public async Task a_body_over_the_size_limit_is_refused_with_413_unread(int megabytes, bool lengthDeclared)
    {
        var (json, kim, lee, _) = await MembersAsync();
        var padding = new string('x', megabytes * 1024 * 1024);
        var text = $$"""{"transfers":[{"transferId":"{{Guid.NewGuid()}}","debitAccountId":"{{kim}}","creditAccountId":"{{lee}}","amountMinutes":"5","code":"TRANSFER_CODE_SERVICE","memo":"{{padding}}"}]}""";
        HttpContent content = lengthDeclared
            ? new StringContent(text, Encoding.UTF8, "application/json")
            : new StreamContent(new MemoryStream(Encoding.UTF8.GetBytes(text))) { Headers = { ContentType = new("application/json") } };
        if (!lengthDeclared)
        {
            content.Headers.ContentLength = null;
        }

        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri("/v1/transfers:batchCreate", UriKind.Relative)) { Content = content };
        if (lengthDeclared)
        {
            // Asks before sending: a server that refuses unread answers without taking the body.
            request.Headers.ExpectContinue = true;
        }
        else
        {
            request.Headers.TransferEncodingChunked = true;
        }

        var response = await json.SendAsync(request, Ct);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Contains("larger than", await response.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
    }

    private async Task<(HttpClient Json, string Kim, string Lee, string Token)> MembersAsync()
    {
        var district = await Seed.DistrictAsync(gateway);
        var kim = await Seed.MemberAsync(gateway, district, welcomeMinutes: 60);
        var lee = await Seed.MemberAsync(gateway, district);
        var token = GatewayFixture.Member(district, kim);
        var json = new HttpClient { BaseAddress = gateway.HttpAddress };
        json.DefaultRequestHeaders.Authorization = new("Bearer", token);
        return (json, kim, lee, token);
    }

    private static async Task<(HttpStatusCode Status, string Body)> PostAsync(HttpClient json, string body)
    {
        var response = await json.PostAsync(new Uri("/v1/transfers:batchCreate", UriKind.Relative), new StringContent(body, Encoding.UTF8, "application/json"), Ct);
        return (response.StatusCode, await response.Content.ReadAsStringAsync(Ct));
    }

    private static List<string> Fields(string body)
    {
        using var json = JsonDocument.Parse(body);
        return json.RootElement.GetProperty("details").EnumerateArray()
            .Where(d => d.GetProperty("@type").GetString() == "type.googleapis.com/google.rpc.BadRequest")
            .SelectMany(d => d.GetProperty("fieldViolations").EnumerateArray().Select(v => v.GetProperty("field").GetString()!))
            .ToList();
    }
}
