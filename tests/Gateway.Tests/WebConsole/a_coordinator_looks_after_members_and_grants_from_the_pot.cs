using EPoomasi.Contracts.Community.V1;
using EPoomasi.Contracts.Ledger.V1;
using Microsoft.Playwright;

namespace EPoomasi.Gateway.Tests.WebConsole;

/// <summary>A coordinator finds a member, freezes and unfreezes them, changes their cap and grants from the pot, in a real headless Chromium.</summary>
public sealed class a_coordinator_looks_after_members_and_grants_from_the_pot(GatewayFixture gateway)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact(Timeout = TestTimeouts.Lengthy)]
    public async Task a_frozen_member_receives_nothing_and_a_grant_never_takes_the_pot_below_zero()
    {
        var district = await Seed.DistrictAsync(gateway);
        var coordinator = gateway.Community(GatewayFixture.Coordinator(district));
        var name = $"한지우 {Guid.NewGuid().ToString("N")[..4]}";
        var applied = await coordinator.ApplyAsync(new ApplyRequest
        {
            RequestId = Guid.NewGuid().ToString(), DistrictId = district, Profile = new MemberProfile { DisplayName = name, HasPhone = false },
        }, cancellationToken: Ct);
        await coordinator.RecordOrientationAsync(new RecordOrientationRequest { RequestId = Guid.NewGuid().ToString(), DistrictId = district, ApplicationId = applied.Outcome.ApplicationId }, cancellationToken: Ct);
        var member = (await coordinator.ApproveApplicationAsync(new ApproveApplicationRequest { RequestId = Guid.NewGuid().ToString(), DistrictId = district, ApplicationId = applied.Outcome.ApplicationId }, cancellationToken: Ct))
            .Outcome.Application.AccountId;
        var donor = await Seed.MemberAsync(gateway, district, welcomeMinutes: 120);
        var books = await gateway.Ledger(GatewayFixture.Coordinator(district)).GetTrialBalanceAsync(new GetTrialBalanceRequest { DistrictId = district, PageSize = 100 }, cancellationToken: Ct);
        var pot = books.Accounts.Single(a => a.Kind == AccountKind.CommunityPot).AccountId;

        await using var browser = await Browser.LaunchAsync();
        var page = await browser.PageAsync(phone: true);
        await Browser.SignInAsync(page, gateway.HttpAddress, "Coordinator", $"coordinator:{district}", district);
        await page.GetByRole(AriaRole.Link, new() { Name = "회원", Exact = true }).ClickAsync();
        await page.GetByLabel("이름이나 계좌 번호로 찾기").FillAsync(name[..3]);
        await page.GetByRole(AriaRole.Button, new() { Name = "찾기" }).ClickAsync();
        await Browser.CheckAsync(page, "16-members");
        await page.GetByRole(AriaRole.Link, new() { Name = name }).ClickAsync();
        await page.GetByLabel("사유").Last.FillAsync("연락 두절 / unreachable");
        await page.GetByRole(AriaRole.Button, new() { Name = "동결하기" }).ClickAsync();
        Assert.Equal("동결됨", await page.GetByTestId("account-status").InnerTextAsync());
        await Browser.CheckAsync(page, "17-member-frozen");
        Assert.Equal(TransferResult.CreditAccountFrozen, (await Seed.PayAsync(gateway, GatewayFixture.Member(district, donor), donor, member, 10)).Result);
        await page.GetByLabel("사유").Last.FillAsync("다시 연락됨 / back in touch");
        await page.GetByRole(AriaRole.Button, new() { Name = "동결 풀기" }).ClickAsync();
        Assert.Equal("열림", await page.GetByTestId("account-status").InnerTextAsync());
        await page.GetByLabel("상한 (분").FillAsync("3000");
        await page.GetByLabel("사유").First.FillAsync("돌봄 봉사 / a carer");
        await page.GetByRole(AriaRole.Button, new() { Name = "한도 바꾸기" }).ClickAsync();
        await page.GetByTestId("member-changed").WaitForAsync();
        Assert.Equal(3_000, (await Trade.AccountAsync(gateway, member)).CapMinutes);

        // From the pot: nothing is in it, so a grant is refused; after a donation, it goes through.
        await page.GetByRole(AriaRole.Link, new() { Name = "공동기금에서 지원" }).ClickAsync();
        await page.GetByLabel("분", new() { Exact = true }).FillAsync("30");
        await page.GetByLabel("지원 사유").FillAsync("병원 동행 / hospital visits");
        await page.GetByRole(AriaRole.Button, new() { Name = "지원하기" }).ClickAsync();
        Assert.Equal("공동기금이 모자랍니다.", await page.GetByTestId("pot-problem").InnerTextAsync());
        Assert.Equal(TransferResult.Ok, (await Seed.PayAsync(gateway, GatewayFixture.Member(district, donor), donor, pot, 60, TransferCode.Donation)).Result);
        await page.GetByRole(AriaRole.Button, new() { Name = "지원하기" }).ClickAsync();
        await page.GetByTestId("pot-granted").WaitForAsync();
        Assert.Equal("30분", await page.GetByTestId("pot-balance").InnerTextAsync());
        await Browser.CheckAsync(page, "18-pot");
        Assert.Equal(30, (await Trade.AccountAsync(gateway, member)).BalanceMinutes);
    }
}
