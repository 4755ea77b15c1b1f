using System.Globalization;
using EPoomasi.Presentation;
using Microsoft.Playwright;

namespace EPoomasi.Gateway.Tests.WebConsole;

/// <summary>A member lists an offer in the console, then edits, pauses, resumes, renews and withdraws it.</summary>
public sealed class a_member_posts_and_looks_after_their_own_listings(GatewayFixture gateway)
{
    [Fact(Timeout = TestTimeouts.Lengthy)]
    public async Task a_new_listing_is_found_in_search_until_it_is_paused_and_is_withdrawn_for_good()
    {
        var district = await Seed.DistrictAsync(gateway);
        var member = await Seed.MemberAsync(gateway, district);
        var title = $"자전거 수리해 드려요 {Guid.NewGuid().ToString("N")[..6]}";
        var seoulToday = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, Seoul.Zone).DateTime);

        await using var browser = await Browser.LaunchAsync();
        var page = await browser.PageAsync(phone: true);
        await Browser.SignInAsync(page, gateway.HttpAddress, "Member", "member:console-park", district, member);
        await page.GetByRole(AriaRole.Link, new() { Name = "내 나눔" }).ClickAsync();
        await page.GetByText("아직 올린 나눔이 없습니다.").WaitForAsync();
        await Browser.CheckAsync(page, "11-my-listings-empty");

        await page.GetByRole(AriaRole.Link, new() { Name = "새 나눔 올리기" }).ClickAsync();
        await page.GetByLabel("분류").SelectOptionAsync(new SelectOptionValue { Label = "수리" });
        await page.GetByLabel("제목", new() { Exact = true }).FillAsync(title);
        await page.GetByLabel("설명", new() { Exact = true }).FillAsync("펑크, 체인, 브레이크를 봐 드립니다");
        await page.GetByLabel("영어 제목 (선택)").FillAsync("Bike repair");
        await page.GetByLabel("가능한 때 (선택)").FillAsync("토요일 오후");
        await page.GetByLabel("시간", new() { Exact = true }).First.FillAsync("1");
        await page.GetByLabel("분", new() { Exact = true }).First.FillAsync("30");
        await page.GetByLabel("마감일").FillAsync(seoulToday.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        await Browser.CheckAsync(page, "12-listing-new");
        await page.GetByRole(AriaRole.Button, new() { Name = "올리기" }).ClickAsync();
        // An end date of today is refused in plain words, and what was typed stays.
        Assert.Equal("마감일은 오늘 이후의 날짜로 적어 주세요.", await page.GetByTestId("listing-problem").InnerTextAsync());
        Assert.Equal(title, await page.GetByLabel("제목", new() { Exact = true }).InputValueAsync());
        var endsOn = seoulToday.AddDays(14);
        await page.GetByLabel("마감일").FillAsync(endsOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        await page.GetByRole(AriaRole.Button, new() { Name = "올리기" }).ClickAsync();

        var card = page.GetByTestId("my-listing").Filter(new() { HasText = title });
        await card.WaitForAsync();
        Assert.Contains("게시 중", await card.InnerTextAsync(), StringComparison.Ordinal);
        Assert.Contains($"마감 {endsOn:yyyy-MM-dd} 23:59", await card.InnerTextAsync(), StringComparison.Ordinal);
        Assert.Contains("1시간 30분", await card.InnerTextAsync(), StringComparison.Ordinal);
        await Browser.CheckAsync(page, "13-my-listings");
        Assert.Equal(1, await CountFoundAsync(page, district, title));

        await page.GetByRole(AriaRole.Link, new() { Name = "내 나눔" }).ClickAsync();
        await card.GetByRole(AriaRole.Link, new() { Name = "고치기" }).ClickAsync();
        Assert.Equal("토요일 오후", await page.GetByLabel("가능한 때 (선택)").InputValueAsync());
        var edited = title.Replace("자전거", "자전거와 킥보드", StringComparison.Ordinal);
        await page.GetByLabel("제목", new() { Exact = true }).FillAsync(edited);
        await page.GetByRole(AriaRole.Button, new() { Name = "저장" }).ClickAsync();
        card = page.GetByTestId("my-listing").Filter(new() { HasText = edited });
        await card.WaitForAsync();

        await card.GetByRole(AriaRole.Button, new() { Name = "잠시 멈추기" }).ClickAsync();
        await Expect(card.GetByTestId("my-listing-status"), "잠시 멈춤");
        Assert.Equal(0, await CountFoundAsync(page, district, edited));

        await page.GetByRole(AriaRole.Link, new() { Name = "내 나눔" }).ClickAsync();
        await card.GetByRole(AriaRole.Button, new() { Name = "다시 게시" }).ClickAsync();
        await Expect(card.GetByTestId("my-listing-status"), "게시 중");
        Assert.Equal(1, await CountFoundAsync(page, district, edited));

        // Renewing runs the listing 90 days from now, past the end chosen when it was listed.
        await page.GetByRole(AriaRole.Link, new() { Name = "내 나눔" }).ClickAsync();
        var renewedBy = TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow.AddDays(90), Seoul.Zone).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        await card.GetByRole(AriaRole.Button, new() { Name = "90일 연장" }).ClickAsync();
        await page.GetByTestId("listing-done").WaitForAsync();
        Assert.Contains($"마감 {renewedBy}", await card.InnerTextAsync(), StringComparison.Ordinal);

        await card.GetByRole(AriaRole.Button, new() { Name = "내리기" }).ClickAsync();
        await Expect(card.GetByTestId("my-listing-status"), "내림");
        Assert.Equal(0, await card.GetByRole(AriaRole.Button).CountAsync());
        Assert.Equal(0, await CountFoundAsync(page, district, edited));
        await page.GetByRole(AriaRole.Link, new() { Name = "내 나눔" }).ClickAsync();
        await Browser.CheckAsync(page, "14-my-listings-withdrawn");
    }

    /// <summary>How many of the district's listings a search by the title's first word finds with exactly this title.</summary>
    private static async Task<int> CountFoundAsync(IPage page, string district, string title)
    {
        await page.GetByRole(AriaRole.Link, new() { Name = "나눔 찾기" }).ClickAsync();
        await page.GetByLabel("검색어").FillAsync(title.Split(' ')[0]);
        await page.GetByLabel("동네").SelectOptionAsync(district);
        await page.GetByRole(AriaRole.Button, new() { Name = "찾기" }).ClickAsync();
        await page.GetByRole(AriaRole.Heading, new() { Name = "검색 결과" }).WaitForAsync();
        return await page.GetByRole(AriaRole.Link, new() { Name = title, Exact = true }).CountAsync();
    }

    // Retried until the page the form posted to shows it: a post reloads the page.
    private static Task Expect(ILocator locator, string text) => Assertions.Expect(locator).ToHaveTextAsync(text, new() { Timeout = 20_000 });
}
