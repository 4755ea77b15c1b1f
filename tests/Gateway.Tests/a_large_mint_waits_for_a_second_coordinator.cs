using EPoomasi.Contracts.Community.V1;
using EPoomasi.Contracts.Ledger.V1;
using Grpc.Core;

namespace EPoomasi.Gateway.Tests;

[Collection(ConsoleOutput.Name)]
public sealed class a_large_mint_waits_for_a_second_coordinator(GatewayFixture gateway)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    // A district whose mints above 10 hours need four eyes, with three appointed coordinators (the test's usual one, b and c).
    private async Task<(string District, string Member)> DistrictAsync(long budgetMinutes = 600_000)
    {
        var district = await Seed.DistrictAsync(gateway);
        var admin = gateway.Administration(GatewayFixture.Administrator);
        await admin.ChangeDistrictDefaultsAsync(new ChangeDistrictDefaultsRequest
        {
            DistrictId = district, MemberFloorMinutes = -600, MemberCapMinutes = 600_000, MintApprovalAboveMinutes = 600, Reason = "네 개의 눈 / four eyes",
        }, cancellationToken: Ct);
        await admin.SetMintBudgetAsync(new SetMintBudgetRequest { DistrictId = district, MintBudgetMinutes = budgetMinutes, Reason = "test" }, cancellationToken: Ct);
        foreach (var second in new[] { "b", "c" }) await Seed.CoordinatorAsync(gateway, district, $"coordinator:{district}-{second}");

        return (district, await Seed.MemberAsync(gateway, district));
    }

    private static string Second(string district, string which) => GatewayFixture.Token(Security.Role.Coordinator, $"coordinator:{district}-{which}", district);

    private async Task<MintOutcome> MintAsync(string token, string district, string account, long minutes, string reason = "마을 청소 / neighbourhood clean-up") =>
        (await gateway.Community(token).RequestMintAsync(new RequestMintRequest
        {
            RequestId = Guid.NewGuid().ToString(), DistrictId = district, AccountId = account, AmountMinutes = minutes, Reason = reason,
        }, cancellationToken: Ct)).Outcome;

    private async Task<MintOutcome> ApproveAsync(string token, string district, string mintId) =>
        (await gateway.Community(token).ApproveMintAsync(new ApproveMintRequest { RequestId = Guid.NewGuid().ToString(), DistrictId = district, MintId = mintId }, cancellationToken: Ct)).Outcome;

    private async Task<long> BalanceAsync(string account) =>
        (await gateway.Ledger(GatewayFixture.Auditor).GetAccountAsync(new GetAccountRequest { AccountId = account }, cancellationToken: Ct)).Account.BalanceMinutes;

    [Fact(Timeout = TestTimeouts.Default)]
    public async Task the_requester_cannot_approve_and_two_others_approve_it_once()
    {
        var (district, member) = await DistrictAsync();
        var requester = GatewayFixture.Coordinator(district);

        var small = await MintAsync(requester, district, member, 600);
        var large = await MintAsync(requester, district, member, 1_200);
        var waiting = await gateway.Community(Second(district, "b")).ListAwaitingMintsAsync(new ListAwaitingMintsRequest { DistrictId = district }, cancellationToken: Ct);
        var beforeApproval = await BalanceAsync(member);
        var own = await ApproveAsync(requester, district, large.MintId);
        var approvals = await Task.WhenAll(ApproveAsync(Second(district, "b"), district, large.MintId), ApproveAsync(Second(district, "c"), district, large.MintId));

        Assert.Equal(MintResult.Minted, small.Result);
        Assert.Equal((MintResult.AwaitingApproval, MintStatus.AwaitingApproval), (large.Result, large.Mint.Status));
        Assert.Equal([large.MintId], waiting.Mints.Select(m => m.MintId));
        Assert.Equal(600, beforeApproval);
        Assert.Equal(MintResult.OwnRequest, own.Result);
        Assert.Equal([MintResult.Approved, MintResult.NotAwaiting], approvals.Select(a => a.Result).Order());
        Assert.Equal(1_800, await BalanceAsync(member));
        var trial = await gateway.Ledger(GatewayFixture.Auditor).GetTrialBalanceAsync(new GetTrialBalanceRequest { DistrictId = district }, cancellationToken: Ct);
        Assert.Equal(1_800, trial.IssuedMinutes);
    }

    [Fact(Timeout = TestTimeouts.Default)]
    public async Task a_waiting_mint_counts_against_the_budget_and_a_decline_gives_it_back()
    {
        var (district, member) = await DistrictAsync(budgetMinutes: 1_500);
        var requester = GatewayFixture.Coordinator(district);

        var waiting = await MintAsync(requester, district, member, 1_200);
        var overBudget = await MintAsync(Second(district, "b"), district, member, 600);
        var unexplained = await MintAsync(requester, district, member, 60, reason: " ");
        var declined = (await gateway.Community(Second(district, "b")).DeclineMintAsync(new DeclineMintRequest
        {
            RequestId = Guid.NewGuid().ToString(), DistrictId = district, MintId = waiting.MintId, Reason = "증빙 부족 / no evidence",
        }, cancellationToken: Ct)).Outcome;
        var afterDecline = await MintAsync(Second(district, "b"), district, member, 600);
        var late = await ApproveAsync(Second(district, "c"), district, waiting.MintId);

        Assert.Equal(MintResult.AwaitingApproval, waiting.Result);
        Assert.Equal((MintResult.LedgerRefused, "MintBudgetExceeded"), (overBudget.Result, overBudget.LedgerRefusal));
        Assert.Equal(MintResult.ReasonRequired, unexplained.Result);
        Assert.Equal((MintResult.Declined, MintStatus.Declined), (declined.Result, declined.Mint.Status));
        Assert.Equal(MintResult.Minted, afterDecline.Result);
        Assert.Equal(MintResult.NotAwaiting, late.Result);
        Assert.Equal(600, await BalanceAsync(member));
    }

    [Fact(Timeout = TestTimeouts.Default)]
    public async Task a_plain_transfer_out_of_issuance_cannot_walk_around_the_second_coordinator()
    {
        var (district, member) = await DistrictAsync();
        var coordinator = GatewayFixture.Coordinator(district);
        var issuance = (await gateway.Ledger(GatewayFixture.Auditor).ListDistrictsAsync(new ListDistrictsRequest(), cancellationToken: Ct)).Districts
            .Single(d => d.DistrictId == district).IssuanceAccountId;

        var refused = await Assert.ThrowsAsync<RpcException>(() => Seed.PayAsync(gateway, coordinator, issuance, member, 601, TransferCode.Mint));
        var welcome = await Assert.ThrowsAsync<RpcException>(() => Seed.PayAsync(gateway, coordinator, issuance, member, 601, TransferCode.Welcome));
        var allowed = await Seed.PayAsync(gateway, coordinator, issuance, member, 600, TransferCode.Mint);

        Assert.Equal((StatusCode.FailedPrecondition, StatusCode.FailedPrecondition), (refused.StatusCode, welcome.StatusCode));
        Assert.Contains("RequestMint", refused.Status.Detail, StringComparison.Ordinal);
        Assert.Equal("MINT_APPROVAL_REQUIRED", refused.GetRpcStatus()!.GetDetail<Google.Rpc.ErrorInfo>().Reason);
        Assert.Equal(TransferResult.Ok, allowed.Result);
        Assert.Equal(600, await BalanceAsync(member));
    }

    // The gateway remembers a district's threshold for a moment (a read per mint call halved mints a second); a
    // threshold set through it counts at once all the same.
    [Fact(Timeout = TestTimeouts.Default)]
    public async Task a_threshold_set_through_the_gateway_counts_for_the_next_mint_at_once()
    {
        var district = await Seed.DistrictAsync(gateway);
        var member = await Seed.MemberAsync(gateway, district);
        var coordinator = GatewayFixture.Coordinator(district);
        var issuance = (await gateway.Ledger(GatewayFixture.Auditor).ListDistrictsAsync(new ListDistrictsRequest(), cancellationToken: Ct)).Districts
            .Single(d => d.DistrictId == district).IssuanceAccountId;
        var before = await Seed.PayAsync(gateway, coordinator, issuance, member, 601, TransferCode.Mint);

        await gateway.Administration(GatewayFixture.Administrator).ChangeDistrictDefaultsAsync(new ChangeDistrictDefaultsRequest
        {
            DistrictId = district, MemberFloorMinutes = -600, MemberCapMinutes = 600_000, MintApprovalAboveMinutes = 600, Reason = "네 개의 눈 / four eyes",
        }, cancellationToken: Ct);
        var after = await Assert.ThrowsAsync<RpcException>(() => Seed.PayAsync(gateway, coordinator, issuance, member, 601, TransferCode.Mint));

        Assert.Equal(TransferResult.Ok, before.Result);
        Assert.Equal("MINT_APPROVAL_REQUIRED", after.GetRpcStatus()!.GetDetail<Google.Rpc.ErrorInfo>().Reason);
    }

    [Fact(Timeout = TestTimeouts.Default)]
    public async Task another_districts_coordinator_neither_mints_nor_approves_here()
    {
        var (district, member) = await DistrictAsync();
        var elsewhere = await Seed.DistrictAsync(gateway);
        var waiting = await MintAsync(GatewayFixture.Coordinator(district), district, member, 1_200);
        var stranger = GatewayFixture.Coordinator(elsewhere);

        var mint = await Assert.ThrowsAsync<RpcException>(() => MintAsync(stranger, district, member, 60));
        var approve = await Assert.ThrowsAsync<RpcException>(() => ApproveAsync(stranger, district, waiting.MintId));
        var ownDistrictNamed = await ApproveAsync(stranger, elsewhere, waiting.MintId);
        var intoAnotherDistrict = await MintAsync(stranger, elsewhere, member, 60);

        Assert.Equal((StatusCode.PermissionDenied, StatusCode.PermissionDenied), (mint.StatusCode, approve.StatusCode));
        Assert.Equal(MintResult.OtherDistrict, ownDistrictNamed.Result);
        Assert.Equal(MintResult.LedgerRefused, intoAnotherDistrict.Result);
        Assert.Equal(0, await BalanceAsync(member));
    }

    [Fact(Timeout = TestTimeouts.Default)]
    public async Task two_coordinators_mint_with_four_eyes_from_the_cli()
    {
        var (district, member) = await DistrictAsync();
        var address = gateway.GrpcAddress.ToString();

        var (asked, request) = await CliRun.RunAsync(address, GatewayFixture.Coordinator(district), "mint", member, "12h", "--reason", "독거노인 돌봄 / caring for elders living alone");
        var mintId = request.Split(": ")[^1].Trim()[..36];
        var (listed, waiting) = await CliRun.RunAsync(address, Second(district, "b"), "mints");
        var (own, refusal) = await CliRun.RunAsync(address, GatewayFixture.Coordinator(district), "approve-mint", mintId);
        var (approved, approval) = await CliRun.RunAsync(address, Second(district, "b"), "approve-mint", mintId);

        Assert.Equal((0, 0, 1, 0), (asked, listed, own, approved));
        Assert.Contains("waiting for a second coordinator (12h 00m held)", request, StringComparison.Ordinal);
        Assert.Contains(mintId, waiting, StringComparison.Ordinal);
        Assert.Contains("you cannot approve your own mint", refusal, StringComparison.Ordinal);
        Assert.Contains("approved and paid: 12h 00m", approval, StringComparison.Ordinal);
        Assert.Equal(720, await BalanceAsync(member));
    }
}
