using EPoomasi.Contracts.Exchange.V1;
using Microsoft.Playwright;

namespace EPoomasi.Gateway.Tests.WebConsole;

/// <summary>The member's event stream, live in the console's pages, in a real headless Chromium.</summary>
public sealed class a_member_hears_of_a_new_deal_on_the_page_they_are_reading(GatewayFixture gateway)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact(Timeout = TestTimeouts.Lengthy)]
    public async Task a_proposal_and_a_message_appear_without_a_reload_and_stay_across_pages()
    {
        var district = await Seed.DistrictAsync(gateway);
        var (kim, lee) = (await Seed.MemberAsync(gateway, district, welcomeMinutes: 120), await Seed.MemberAsync(gateway, district));
        var asKim = gateway.Exchange(GatewayFixture.Member(district, kim));
        var title = $"강아지 산책 {Guid.NewGuid().ToString("N")[..6]}";
        var listing = await Trade.ListAsync(gateway.Exchange(GatewayFixture.Member(district, lee)), lee, title, minutes: 60);

        await using var browser = await Browser.LaunchAsync();
        var page = await browser.PageAsync(phone: true);
        await Browser.SignInAsync(page, gateway.HttpAddress, "Member", "member:console-lee", district, lee);
        // The page's stream is open (the gateway's stream has begun) before anything happens.
        await page.Locator("[data-listening=true]").WaitForAsync(new() { State = WaitForSelectorState.Attached });

        var deal = (await Trade.ProposeAsync(asKim, listing, kim, 60)).Deal.DealId;
        var notices = page.GetByTestId("notifications");
        await notices.GetByRole(AriaRole.Link, new() { Name = $"새 거래 제안: {title} (1시간)" }).WaitForAsync();
        await Browser.CheckAsync(page, "19-notification");

        await page.GetByRole(AriaRole.Link, new() { Name = "나눔 찾기" }).ClickAsync();
        await notices.GetByRole(AriaRole.Link, new() { Name = $"새 거래 제안: {title} (1시간)" }).WaitForAsync();
        await asKim.PostDealMessageAsync(new PostDealMessageRequest { RequestId = Guid.NewGuid().ToString(), DealId = deal, AccountId = kim, Text = "오후 3시 괜찮으세요?" }, cancellationToken: Ct);
        await notices.GetByRole(AriaRole.Link, new() { Name = $"새 메시지: {title}" }).WaitForAsync();
        Assert.Equal(2, await notices.GetByRole(AriaRole.Listitem).CountAsync());

        await notices.GetByRole(AriaRole.Link, new() { Name = $"새 거래 제안: {title} (1시간)" }).ClickAsync();
        await page.GetByText("오후 3시 괜찮으세요?").WaitForAsync();
        Assert.EndsWith($"/console/deals/{deal}", page.Url, StringComparison.Ordinal);
    }
}
