using Microsoft.Playwright;

namespace EPoomasi.Gateway.Tests.WebConsole;

/// <summary>An auditor reads the city's books and verifies the journal from the console, in a real headless Chromium.</summary>
public sealed class an_auditor_sees_the_citys_books_balance_and_the_chain_hold(GatewayFixture gateway)
{
    [Fact(Timeout = TestTimeouts.Lengthy)]
    public async Task every_district_sums_to_zero_and_the_verified_chain_holds()
    {
        var district = await Seed.DistrictAsync(gateway);
        await Seed.MemberAsync(gateway, district, welcomeMinutes: 75);

        await using var browser = await Browser.LaunchAsync();
        var page = await browser.PageAsync(phone: true);
        await Browser.SignInAsync(page, gateway.HttpAddress, "Auditor", "auditor:console", "");
        await page.GetByRole(AriaRole.Link, new() { Name = "장부 감사" }).ClickAsync();

        var row = page.GetByRole(AriaRole.Row).Filter(new() { HasText = district });
        await row.WaitForAsync();
        Assert.Equal("1시간 15분", await row.GetByRole(AriaRole.Cell).Nth(0).InnerTextAsync());
        Assert.Equal("0분 ✓", await row.GetByRole(AriaRole.Cell).Last.InnerTextAsync());
        Assert.Equal("0분 ✓", await page.GetByTestId("city-total").InnerTextAsync());
        await Browser.CheckAsync(page, "21-audit");

        await page.GetByRole(AriaRole.Button, new() { Name = "지금 검증" }).ClickAsync();
        Assert.Equal("체인이 온전합니다", await page.GetByTestId("journal-holds").InnerTextAsync());
        await Browser.CheckAsync(page, "22-audit-verified");
    }
}
