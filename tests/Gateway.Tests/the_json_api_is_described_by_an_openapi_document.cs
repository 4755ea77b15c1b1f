using System.Net;
using System.Text.Json;

namespace EPoomasi.Gateway.Tests;

/// <summary>A partner developer points their tools at the gateway's OpenAPI document: it lists every JSON route, with the protos' comments.</summary>
public sealed class the_json_api_is_described_by_an_openapi_document(GatewayFixture gateway)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact(Timeout = TestTimeouts.Default)]
    public async Task every_http_route_of_the_contract_is_in_it_with_its_description()
    {
        using var http = new HttpClient { BaseAddress = gateway.HttpAddress };

        using var response = await http.GetAsync(new Uri("/openapi/v1.json", UriKind.Relative), Ct);
        using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var paths = document.RootElement.GetProperty("paths");
        foreach (var route in new[] { "/v1/transfers:batchCreate", "/v1/accounts/{accountId}", "/v1/districts/{districtId}/trial-balance", "/v1/journal:verify", "/v1/projections:rebuild" })
        {
            Assert.True(paths.TryGetProperty(route, out _), $"{route} is missing from the OpenAPI document, which has {string.Join(", ", paths.EnumerateObject().Select(p => p.Name))}.");
        }

        var verify = paths.GetProperty("/v1/journal:verify").GetProperty("get");
        Assert.Contains("first broken link", verify.GetProperty("summary").GetString() + verify.GetRawText(), StringComparison.Ordinal);
    }
}
