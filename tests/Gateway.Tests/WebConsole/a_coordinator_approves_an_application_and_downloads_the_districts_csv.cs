using EPoomasi.Contracts.Community.V1;
using Microsoft.Playwright;

namespace EPoomasi.Gateway.Tests.WebConsole;

/// <summary>A coordinator runs their district from the console in a real headless Chromium.</summary>
public sealed class a_coordinator_approves_an_application_and_downloads_the_districts_csv(GatewayFixture gateway)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact(Timeout = TestTimeouts.Lengthy)]
    public async Task records_the_orientation_approves_and_finds_the_new_member_in_the_members_csv()
    {
        var district = await Seed.DistrictAsync(gateway);
        var paying = await Seed.MemberAsync(gateway, district, welcomeMinutes: 120);
        var name = $"윤서연 {Guid.NewGuid().ToString("N")[..4]}";
        var applied = await gateway.Community(GatewayFixture.Coordinator(district)).ApplyAsync(new ApplyRequest
        {
            RequestId = Guid.NewGuid().ToString(), DistrictId = district, Profile = new MemberProfile { DisplayName = name, HasPhone = false },
        }, cancellationToken: Ct);
        Assert.Equal(OnboardingResult.Applied, applied.Outcome.Result);

        await using var browser = await Browser.LaunchAsync();
        var page = await browser.PageAsync();
        await Browser.SignInAsync(page, gateway.HttpAddress, "Coordinator", $"coordinator:{district}", district);

        await page.GetByRole(AriaRole.Link, new() { Name = "가입 신청" }).ClickAsync();
        var card = page.GetByTestId("application").Filter(new() { HasText = name });
        await card.WaitForAsync();
        await Browser.CheckAsync(page, "11-applications");
        // Approval comes after the orientation: the approve button appears only once it is recorded.
        Assert.Equal(0, await card.GetByRole(AriaRole.Button, new() { Name = "승인" }).CountAsync());
        await card.GetByRole(AriaRole.Button, new() { Name = "오리엔테이션 기록" }).ClickAsync();
        await card.GetByRole(AriaRole.Button, new() { Name = "승인" }).ClickAsync();
        var approved = page.GetByTestId("approved");
        await approved.WaitForAsync();
        Assert.Contains(name, await approved.InnerTextAsync(), StringComparison.Ordinal);
        Assert.Equal(0, await page.GetByTestId("application").Filter(new() { HasText = name }).CountAsync());
        await Browser.CheckAsync(page, "12-application-approved");

        await page.GetByRole(AriaRole.Link, new() { Name = "보고서" }).ClickAsync();
        await page.GetByRole(AriaRole.Img, new() { Name = $"{district} 구의 월별 받은 시간 (종류별)" }).WaitForAsync();
        Assert.Equal("2시간", await page.GetByRole(AriaRole.Row).Filter(new() { HasText = DateTime.UtcNow.AddHours(9).ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture) }).GetByRole(AriaRole.Cell).First.InnerTextAsync());
        await Browser.CheckAsync(page, "13-district-reports");
        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByTestId("members-csv").ClickAsync());
        var file = Path.Combine(Directory.CreateTempSubdirectory("epoomasi-console-csv-").FullName, download.SuggestedFilename);
        await download.SaveAsAsync(file);

        Assert.StartsWith($"members-{district}-", download.SuggestedFilename, StringComparison.Ordinal);
        Assert.Equal([0xEF, 0xBB, 0xBF], (await File.ReadAllBytesAsync(file, Ct))[..3]);
        var lines = await File.ReadAllLinesAsync(file, Ct);
        Assert.StartsWith("구 district,계정 account,이름 name", lines[0].TrimStart('\uFEFF'), StringComparison.Ordinal);
        Assert.Equal(3, lines.Length);
        Assert.Contains(lines, line => line.Contains(paying, StringComparison.Ordinal) && line.Contains(",120,", StringComparison.Ordinal));
        Assert.Contains(lines, line => line.Contains(name, StringComparison.Ordinal));
    }

    [Fact(Timeout = TestTimeouts.Default)]
    public async Task a_member_who_asks_for_the_districts_csv_is_told_to_sign_in_as_a_coordinator()
    {
        var district = await Seed.DistrictAsync(gateway);
        var member = await Seed.MemberAsync(gateway, district);
        using var http = new HttpClient { BaseAddress = gateway.HttpAddress };
        using var request = new HttpRequestMessage(HttpMethod.Get, "/console/district/members.csv");
        request.Headers.Add("Cookie", $"epoomasi_token={GatewayFixture.Member(district, member)}");
        using var response = await http.SendAsync(request, Ct);

        Assert.Equal(System.Net.HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Contains("코디네이터", await response.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
    }
}
