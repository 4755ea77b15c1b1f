using EPoomasi.Contracts.Exchange.V1;
using Microsoft.Playwright;

namespace EPoomasi.Gateway.Tests.WebConsole;

/// <summary>A coordinator settles a disputed deal from the console, in a real headless Chromium.</summary>
public sealed class a_coordinator_resolves_a_dispute_in_the_console(GatewayFixture gateway)
{
    [Fact(Timeout = TestTimeouts.Lengthy)]
    public async Task paying_part_of_the_hold_moves_exactly_that_and_releases_the_rest()
    {
        var district = await Seed.DistrictAsync(gateway);
        var (kim, lee) = (await Seed.MemberAsync(gateway, district, welcomeMinutes: 150), await Seed.MemberAsync(gateway, district));
        var (asKim, asLee) = (gateway.Exchange(GatewayFixture.Member(district, kim)), gateway.Exchange(GatewayFixture.Member(district, lee)));
        var title = $"자전거 수리 {Guid.NewGuid().ToString("N")[..6]}";
        var listing = await Trade.ListAsync(asLee, lee, title, minutes: 60);
        var deal = (await Trade.ProposeAsync(asKim, listing, kim, 60)).Deal.DealId;
        Assert.Equal(DealResult.Accepted, (await Trade.AcceptAsync(asLee, deal, lee)).Result);
        Assert.Equal(DealResult.Claimed, (await Trade.ClaimAsync(asLee, deal, lee, 60)).Result);
        Assert.Equal(DealResult.Disputed, (await Trade.DisputeAsync(asKim, deal, kim, "반만 고쳐졌어요")).Result);

        await using var browser = await Browser.LaunchAsync();
        var page = await browser.PageAsync(phone: true);
        await Browser.SignInAsync(page, gateway.HttpAddress, "Coordinator", $"coordinator:{district}", district);
        await page.GetByRole(AriaRole.Link, new() { Name = "분쟁" }).ClickAsync();
        var card = page.GetByTestId("dispute").Filter(new() { HasText = title });
        await card.GetByText("반만 고쳐졌어요").WaitForAsync();
        await Browser.CheckAsync(page, "14-disputes");

        await card.GetByRole(AriaRole.Combobox).SelectOptionAsync(nameof(DisputeRuling.PostInPart));
        await card.GetByLabel("일부 지급할 분").FillAsync("30");
        await card.GetByLabel("결정 사유").FillAsync("절반만 수리됨 / half repaired");
        await card.GetByRole(AriaRole.Button, new() { Name = "조정하기" }).ClickAsync();
        await page.GetByTestId("resolved").WaitForAsync();

        Assert.Equal(0, await page.GetByTestId("dispute").Filter(new() { HasText = title }).CountAsync());
        Assert.Equal((120, 0), ((await Trade.AccountAsync(gateway, kim)).BalanceMinutes, (await Trade.AccountAsync(gateway, kim)).PendingDebitsMinutes));
        Assert.Equal(30, (await Trade.AccountAsync(gateway, lee)).BalanceMinutes);
    }
}
