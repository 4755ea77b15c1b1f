using EPoomasi.Contracts.Ledger.V1;
using Microsoft.Playwright;

namespace EPoomasi.Gateway.Tests.WebConsole;

/// <summary>A large mint in the console waits for a second coordinator, in a real headless Chromium.</summary>
public sealed class two_coordinators_mint_with_four_eyes_in_the_console(GatewayFixture gateway)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact(Timeout = TestTimeouts.Lengthy)]
    public async Task the_requester_cannot_approve_and_the_second_coordinators_approval_pays_the_member()
    {
        var district = await Seed.DistrictAsync(gateway);
        var admin = gateway.Administration(GatewayFixture.Administrator);
        await admin.ChangeDistrictDefaultsAsync(new ChangeDistrictDefaultsRequest
        {
            DistrictId = district, MemberFloorMinutes = -600, MemberCapMinutes = 600_000, MintApprovalAboveMinutes = 600, Reason = "네 개의 눈 / four eyes",
        }, cancellationToken: Ct);
        await Seed.CoordinatorAsync(gateway, district, $"coordinator:{district}-b");
        var member = await Seed.MemberAsync(gateway, district);

        await using var browser = await Browser.LaunchAsync();
        var first = await browser.PageAsync();
        await Browser.SignInAsync(first, gateway.HttpAddress, "Coordinator", $"coordinator:{district}", district);
        await first.GetByRole(AriaRole.Link, new() { Name = "발행" }).ClickAsync();
        await first.GetByLabel("받을 회원 계좌 번호").FillAsync(member);
        await first.GetByLabel("분").FillAsync("1200");
        await first.GetByLabel("사유").FillAsync("마을 청소 20시간 / neighbourhood clean-up");
        await first.GetByRole(AriaRole.Button, new() { Name = "발행 요청" }).ClickAsync();
        Assert.StartsWith("기준보다 커서", await first.GetByTestId("mint-done").InnerTextAsync(), StringComparison.Ordinal);
        var awaiting = first.GetByTestId("awaiting-mint").Filter(new() { HasText = "마을 청소 20시간" });
        await Browser.CheckAsync(first, "15-mint-awaiting");
        await awaiting.GetByRole(AriaRole.Button, new() { Name = "승인" }).ClickAsync();
        Assert.StartsWith("자신이 요청한 발행은 승인할 수 없습니다", await first.GetByTestId("mint-problem").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Equal(0, await BalanceAsync(member));

        var second = await browser.PageAsync();
        await Browser.SignInAsync(second, gateway.HttpAddress, "Coordinator", $"coordinator:{district}-b", district);
        await second.GetByRole(AriaRole.Link, new() { Name = "발행" }).ClickAsync();
        await second.GetByTestId("awaiting-mint").Filter(new() { HasText = "마을 청소 20시간" }).GetByRole(AriaRole.Button, new() { Name = "승인" }).ClickAsync();
        Assert.Equal("승인했습니다. 회원에게 지급되었습니다.", await second.GetByTestId("mint-done").InnerTextAsync());
        Assert.Equal(0, await second.GetByTestId("awaiting-mint").CountAsync());
        Assert.Equal(1_200, await BalanceAsync(member));
    }

    private async Task<long> BalanceAsync(string account) =>
        (await gateway.Ledger(GatewayFixture.Auditor).GetAccountAsync(new GetAccountRequest { AccountId = account }, cancellationToken: Ct)).Account.BalanceMinutes;
}
