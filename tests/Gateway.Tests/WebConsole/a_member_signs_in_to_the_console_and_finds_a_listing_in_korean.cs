using EPoomasi.Contracts.Exchange.V1;

namespace EPoomasi.Gateway.Tests.WebConsole;

/// <summary>The web console in a real headless Chromium, against the test gateway that hosts it.</summary>
public sealed class a_member_signs_in_to_the_console_and_finds_a_listing_in_korean(GatewayFixture gateway)
{
    [Fact(Timeout = TestTimeouts.Lengthy)]
    public async Task sees_balances_in_hours_then_a_statement_then_finds_cleaning_by_a_two_syllable_word()
    {
        var district = await Seed.DistrictAsync(gateway);
        var member = await Seed.MemberAsync(gateway, district, welcomeMinutes: 150);
        var neighbour = await Seed.MemberAsync(gateway, district, welcomeMinutes: 60);
        var title = $"청소도우미 해 드려요 {Guid.NewGuid().ToString("N")[..6]}";
        await Trade.ListAsync(gateway.Exchange(GatewayFixture.Member(district, neighbour)), neighbour, title, "주말 오전에 가능해요", "Cleaning help",
            ListingKind.Offer, ListingCategory.Housework, minutes: 90);

        await using var browser = await Browser.LaunchAsync();
        var page = await browser.PageAsync(phone: true);
        await page.GotoAsync(new Uri(gateway.HttpAddress, "/console/sign-in").ToString());
        await Browser.CheckAsync(page, "01-sign-in");
        await page.GetByLabel("역할").SelectOptionAsync("Member");
        await page.GetByLabel("사용자 이름").FillAsync("member:console-kim");
        await page.GetByLabel("구 (").FillAsync(district);
        await page.GetByLabel("계좌 번호").FillAsync(member);
        await page.GetByRole(Microsoft.Playwright.AriaRole.Button, new() { Name = "로그인" }).ClickAsync();

        await page.WaitForURLAsync(url => url.EndsWith("/console", StringComparison.Ordinal));
        Assert.Equal("2시간 30분", await page.GetByTestId("balance").InnerTextAsync());
        Assert.Equal("2시간 30분", await page.GetByTestId("available").InnerTextAsync());
        await Browser.CheckAsync(page, "02-my-accounts");

        await page.GetByRole(Microsoft.Playwright.AriaRole.Link, new() { Name = "거래 내역" }).ClickAsync();
        await page.GetByRole(Microsoft.Playwright.AriaRole.Cell, new() { Name = "환영 적립" }).WaitForAsync();
        await Browser.CheckAsync(page, "03-statement");

        await page.GetByRole(Microsoft.Playwright.AriaRole.Link, new() { Name = "나눔 찾기" }).ClickAsync();
        await page.GetByLabel("검색어").FillAsync("청소");
        await page.GetByRole(Microsoft.Playwright.AriaRole.Button, new() { Name = "찾기" }).ClickAsync();
        await page.GetByRole(Microsoft.Playwright.AriaRole.Heading, new() { Name = title }).WaitForAsync();
        await Browser.CheckAsync(page, "04-listings");

        await page.GetByRole(Microsoft.Playwright.AriaRole.Link, new() { Name = "English" }).ClickAsync();
        await page.GetByRole(Microsoft.Playwright.AriaRole.Heading, new() { Name = "Cleaning help" }).WaitForAsync();
        Assert.Equal("en", await page.GetAttributeAsync("html", "lang"));
    }
}
