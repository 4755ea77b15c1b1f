using EPoomasi.Contracts.Exchange.V1;
using Microsoft.Playwright;

namespace EPoomasi.Gateway.Tests.WebConsole;

/// <summary>A coordinator proposes and confirms a deal for a member without a phone, in a real headless Chromium.</summary>
public sealed class a_coordinator_records_a_deal_for_a_member_without_a_phone(GatewayFixture gateway)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact(Timeout = TestTimeouts.Lengthy)]
    public async Task every_step_taken_for_the_member_names_the_coordinator_and_the_credits_move_as_for_anyone()
    {
        var district = await Seed.DistrictAsync(gateway);
        var (halmeoni, lee) = (await Seed.MemberAsync(gateway, district, welcomeMinutes: 120), await Seed.MemberAsync(gateway, district));
        var asLee = gateway.Exchange(GatewayFixture.Member(district, lee));
        var title = $"장보기 동행 {Guid.NewGuid().ToString("N")[..6]}";
        await Trade.ListAsync(asLee, lee, title, minutes: 60, category: ListingCategory.Care);

        await using var browser = await Browser.LaunchAsync();
        var page = await browser.PageAsync(phone: true);
        await Browser.SignInAsync(page, gateway.HttpAddress, "Coordinator", $"coordinator:{district}", district);
        await page.GotoAsync(new Uri(gateway.HttpAddress, $"/console/district/members/{halmeoni}").ToString());
        await page.GetByRole(AriaRole.Link, new() { Name = "이 회원 대신 나눔 찾기" }).ClickAsync();
        await page.GetByTestId("acting-for").WaitForAsync();
        await page.GetByLabel("검색어").FillAsync(title);
        await page.GetByRole(AriaRole.Button, new() { Name = "찾기" }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = title }).ClickAsync();
        await page.GetByLabel("메시지").FillAsync("화요일 오전에 시장에 같이 가 주세요");
        await page.GetByRole(AriaRole.Button, new() { Name = "제안하기" }).ClickAsync();
        Assert.Equal("제안됨", await page.GetByTestId("deal-status").InnerTextAsync());
        await page.GetByTestId("acting-for").WaitForAsync();
        await Browser.CheckAsync(page, "20-deal-for-a-member");
        var deal = page.Url.Split('/')[^1].Split('?')[0];

        Assert.Equal(DealResult.Accepted, (await Trade.AcceptAsync(asLee, deal, lee)).Result);
        Assert.Equal(DealResult.Claimed, (await Trade.ClaimAsync(asLee, deal, lee, 60)).Result);
        await page.ReloadAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "확인하고 지급" }).ClickAsync();
        Assert.Equal("완료", await page.GetByTestId("deal-status").InnerTextAsync());

        var settled = (await gateway.Exchange(GatewayFixture.Coordinator(district)).GetDealAsync(new GetDealRequest { AccountId = halmeoni, DealId = deal }, cancellationToken: Ct)).Deal;
        Assert.Equal(halmeoni, settled.ReceiverAccountId);
        Assert.Equal($"coordinator:{district}", settled.ChangedBy);
        Assert.Equal((60, 60), ((await Trade.AccountAsync(gateway, halmeoni)).BalanceMinutes, (await Trade.AccountAsync(gateway, lee)).BalanceMinutes));
    }
}
