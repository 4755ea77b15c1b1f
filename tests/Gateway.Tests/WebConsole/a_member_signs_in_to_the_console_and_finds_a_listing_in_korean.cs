using EPoomasi.Contracts.Exchange.V1;
using Microsoft.Playwright;

namespace EPoomasi.Gateway.Tests.WebConsole;

/// <summary>The web console in a real headless Chromium, against the test gateway that hosts it.</summary>
public sealed class a_member_signs_in_to_the_console_and_finds_a_listing_in_korean(GatewayFixture gateway)
{
    [Fact(Timeout = TestTimeouts.Lengthy)]
    public async Task finds_cleaning_by_a_two_syllable_word_agrees_a_deal_and_both_balances_move()
    {
        var district = await Seed.DistrictAsync(gateway);
        var kim = await Seed.MemberAsync(gateway, district, welcomeMinutes: 150);
        var lee = await Seed.MemberAsync(gateway, district, welcomeMinutes: 60);
        var title = $"청소도우미 해 드려요 {Guid.NewGuid().ToString("N")[..6]}";
        await Trade.ListAsync(gateway.Exchange(GatewayFixture.Member(district, lee)), lee, title, "주말 오전에 가능해요", "Cleaning help",
            ListingKind.Offer, ListingCategory.Housework, minutes: 90);

        await using var browser = await Browser.LaunchAsync();
        var receiver = await browser.PageAsync(phone: true);
        await receiver.GotoAsync(new Uri(gateway.HttpAddress, "/console/sign-in").ToString());
        await Browser.CheckAsync(receiver, "01-sign-in");
        await Browser.SignInAsync(receiver, "Member", "member:console-kim", district, kim);
        Assert.Equal("2시간 30분", await receiver.GetByTestId("balance").InnerTextAsync());
        Assert.Equal("2시간 30분", await receiver.GetByTestId("available").InnerTextAsync());
        await Browser.CheckAsync(receiver, "02-my-accounts");

        await receiver.GetByRole(AriaRole.Link, new() { Name = "거래 내역" }).ClickAsync();
        await receiver.GetByRole(AriaRole.Cell, new() { Name = "환영 적립" }).WaitForAsync();
        await Browser.CheckAsync(receiver, "03-statement");

        await receiver.GetByRole(AriaRole.Link, new() { Name = "나눔 찾기" }).ClickAsync();
        // Other tests list cleaning too: the member narrows the search to their own district, as the page offers.
        await receiver.GetByLabel("검색어").FillAsync("청소");
        await receiver.GetByLabel("동네").SelectOptionAsync(district);
        await receiver.GetByRole(AriaRole.Button, new() { Name = "찾기" }).ClickAsync();
        await Browser.CheckAsync(receiver, "04-listings");
        await receiver.GetByRole(AriaRole.Link, new() { Name = title }).ClickAsync();
        await Browser.CheckAsync(receiver, "05-listing");
        await receiver.GetByLabel("메시지").FillAsync("토요일 오전 괜찮으세요?");
        await receiver.GetByRole(AriaRole.Button, new() { Name = "제안하기" }).ClickAsync();
        await Expect(receiver.GetByTestId("deal-status"), "제안됨");
        var dealUrl = receiver.Url;

        var provider = await browser.PageAsync();
        await Browser.SignInAsync(provider, gateway.HttpAddress, "Member", "member:console-lee", district, lee);
        await provider.GetByRole(AriaRole.Link, new() { Name = "내 거래" }).ClickAsync();
        await Browser.CheckAsync(provider, "06-my-deals");
        await provider.GetByRole(AriaRole.Link, new() { Name = title }).ClickAsync();
        await provider.GetByText("토요일 오전 괜찮으세요?").WaitForAsync();
        await Browser.CheckAsync(provider, "07-deal-proposed");
        await provider.GetByRole(AriaRole.Button, new() { Name = "수락" }).ClickAsync();
        await Expect(provider.GetByTestId("deal-status"), "수락됨 (시간 예약)");
        await provider.GetByRole(AriaRole.Button, new() { Name = "한 시간 청구" }).ClickAsync();
        await Expect(provider.GetByTestId("deal-status"), "청구됨");

        await receiver.GotoAsync(dealUrl);
        await Browser.CheckAsync(receiver, "08-deal-claimed");
        await receiver.GetByRole(AriaRole.Button, new() { Name = "확인하고 지급" }).ClickAsync();
        await Expect(receiver.GetByTestId("deal-status"), "완료");
        await receiver.GetByLabel("별점").SelectOptionAsync("5");
        await receiver.GetByLabel("한마디").FillAsync("꼼꼼하게 해 주셨어요");
        await receiver.GetByRole(AriaRole.Button, new() { Name = "평가하기" }).ClickAsync();
        await Expect(receiver.GetByTestId("rated"), "평가를 남겼습니다. 고맙습니다.");
        await Browser.CheckAsync(receiver, "09-deal-rated");

        await receiver.GetByRole(AriaRole.Link, new() { Name = "내 계좌" }).First.ClickAsync();
        Assert.Equal("1시간", await receiver.GetByTestId("balance").InnerTextAsync());
        await provider.GetByRole(AriaRole.Link, new() { Name = "내 계좌" }).First.ClickAsync();
        Assert.Equal("2시간 30분", await provider.GetByTestId("balance").InnerTextAsync());

        // A thank-you on top, paid directly: more than the balance allows is refused in plain words, then 30 minutes go through.
        await receiver.GetByRole(AriaRole.Link, new() { Name = "보내기" }).ClickAsync();
        await receiver.GetByLabel("받는 계좌 번호").FillAsync(lee);
        await receiver.GetByLabel("시간", new() { Exact = true }).FillAsync("20");
        await receiver.GetByLabel("메모").FillAsync("감사의 마음 / thank you");
        await receiver.GetByRole(AriaRole.Button, new() { Name = "보내기" }).ClickAsync();
        Assert.StartsWith("잔액이 부족합니다", await receiver.GetByTestId("pay-problem").InnerTextAsync(), StringComparison.Ordinal);
        await Browser.CheckAsync(receiver, "10-pay-refused");
        // Whatever a browser sends is checked before any arithmetic: an amount past every bound is a plain refusal.
        await receiver.EvaluateAsync("() => { const hours = document.querySelector('input[name=\"Form.Hours\"]'); hours.form.noValidate = true; hours.value = '9223372036854775807'; }");
        await receiver.GetByRole(AriaRole.Button, new() { Name = "보내기" }).ClickAsync();
        Assert.StartsWith("보낼 시간을 0보다 크게", await receiver.GetByTestId("pay-problem").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Equal(lee, await receiver.GetByLabel("받는 계좌 번호").InputValueAsync());
        await receiver.GetByLabel("시간", new() { Exact = true }).FillAsync("0");
        await receiver.GetByLabel("분", new() { Exact = true }).FillAsync("30");
        await receiver.GetByRole(AriaRole.Button, new() { Name = "보내기" }).ClickAsync();
        await receiver.GetByRole(AriaRole.Cell, new() { Name = "서비스 감사의 마음 / thank you" }).WaitForAsync();
        await provider.ReloadAsync();
        Assert.Equal("3시간", await provider.GetByTestId("balance").InnerTextAsync());
        await receiver.GetByRole(AriaRole.Link, new() { Name = "내 계좌" }).First.ClickAsync();
        Assert.Equal("30분", await receiver.GetByTestId("balance").InnerTextAsync());

        await receiver.GetByRole(AriaRole.Link, new() { Name = "English" }).ClickAsync();
        await receiver.GetByRole(AriaRole.Heading, new() { Name = "My accounts" }).WaitForAsync();
        Assert.Equal("30 min", await receiver.GetByTestId("balance").InnerTextAsync());
        Assert.Equal("en", await receiver.GetAttributeAsync("html", "lang"));
    }

    private static async Task Expect(ILocator locator, string text)
    {
        await locator.WaitForAsync();
        Assert.Equal(text, await locator.InnerTextAsync());
    }
}
