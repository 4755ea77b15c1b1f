using EPoomasi.Contracts.Exchange.V1;
using EPoomasi.Contracts.Ledger.V1;
using Grpc.Core;
using static EPoomasi.Gateway.Tests.Trade;

namespace EPoomasi.Gateway.Tests;

/// <summary>
/// Deals from proposal to settlement through the gateway, with real identities: the hold follows the deal at every
/// step, in the same transaction, and the two never disagree.
/// </summary>
public sealed class members_agree_deals_that_settle_through_holds(GatewayFixture gateway)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact(Timeout = TestTimeouts.Default)]
    public async Task neighbours_in_two_districts_find_each_other_in_korean_agree_claim_less_and_rate_each_other()
    {
        var (mapo, seocho) = (await Seed.DistrictAsync(gateway), await Seed.DistrictAsync(gateway));
        await LinkAsync(gateway, mapo, seocho);
        var provider = await Seed.MemberAsync(gateway, mapo);
        var receiver = await Seed.MemberAsync(gateway, seocho, welcomeMinutes: 600);
        var asProvider = gateway.Exchange(GatewayFixture.Member(mapo, provider));
        var asReceiver = gateway.Exchange(GatewayFixture.Member(seocho, receiver));
        var listing = await ListAsync(asProvider, provider, "자전거 수리해 드립니다", "서울에서 자전거를 고쳐요. 펑크, 체인, 브레이크.", "Bike repair");

        var found = await asReceiver.SearchListingsAsync(new SearchListingsRequest { Text = "자전거", DistrictId = mapo }, cancellationToken: Ct);
        var proposed = await ProposeAsync(asReceiver, found.Listings.Single().ListingId, receiver, message: "토요일 오전 괜찮으세요?");
        var countered = (await asProvider.CounterDealAsync(new CounterDealRequest
        {
            RequestId = Guid.NewGuid().ToString(), DealId = proposed.DealId, AccountId = provider, AmountMinutes = 150,
        }, cancellationToken: Ct)).Outcome;
        var providerAcceptsOwnCounter = await AcceptAsync(asProvider, proposed.DealId, provider);
        var accepted = await AcceptAsync(asReceiver, proposed.DealId, receiver);
        var held = await AccountAsync(gateway, receiver);
        var claimed = await ClaimAsync(asProvider, proposed.DealId, provider, 100);
        var confirmId = Guid.NewGuid().ToString();
        var settled = await ConfirmAsync(asReceiver, proposed.DealId, receiver, requestId: confirmId);
        var again = await ConfirmAsync(asReceiver, proposed.DealId, receiver, requestId: confirmId);

        Assert.Equal((DealResult.Proposed, DealSide.Provider, 120L), (proposed.Result, proposed.Deal.Awaiting, proposed.Deal.AmountMinutes));
        Assert.Equal((DealResult.Countered, DealSide.Receiver, 150L), (countered.Result, countered.Deal.Awaiting, countered.Deal.AmountMinutes));
        Assert.Equal(DealResult.NotYourTurn, providerAcceptsOwnCounter.Result);
        Assert.Equal((DealResult.Accepted, DealStatus.Accepted), (accepted.Result, accepted.Deal.Status));
        Assert.Equal((600L, 150L), (held.BalanceMinutes, held.PendingDebitsMinutes));
        Assert.Equal((DealResult.Claimed, 100L), (claimed.Result, claimed.Deal.ClaimedMinutes));
        Assert.Equal((DealResult.Settled, 100L), (settled.Result, settled.Deal.PaidMinutes));
        Assert.Equal((DealResult.Settled, true), (again.Result, again.Replayed));

        var (receiverAfter, providerAfter) = (await AccountAsync(gateway, receiver), await AccountAsync(gateway, provider));
        Assert.Equal((500L, 0L), (receiverAfter.BalanceMinutes, receiverAfter.PendingDebitsMinutes));
        Assert.Equal(100L, providerAfter.BalanceMinutes);
        var hold = await HoldAsync(gateway, accepted.Deal.HoldId);
        Assert.Equal((HoldState.Posted, 100L), (hold.HoldState, hold.PostedAmountMinutes));

        var thread = await asProvider.ListDealMessagesAsync(new ListDealMessagesRequest { AccountId = provider, DealId = proposed.DealId }, cancellationToken: Ct);
        Assert.Equal(["토요일 오전 괜찮으세요?"], thread.Messages.Select(m => m.Text));
        Assert.Equal(DealSide.Receiver, thread.Messages[0].Side);

        var rated = await asReceiver.RateDealAsync(new RateDealRequest { AccountId = receiver, DealId = proposed.DealId, Stars = 5, Comment = "친절하고 꼼꼼해요" }, cancellationToken: Ct);
        var ratedAgain = await asReceiver.RateDealAsync(new RateDealRequest { AccountId = receiver, DealId = proposed.DealId, Stars = 1 }, cancellationToken: Ct);
        var ratedBack = await asProvider.RateDealAsync(new RateDealRequest { AccountId = provider, DealId = proposed.DealId, Stars = 4 }, cancellationToken: Ct);
        var feedback = (await asReceiver.GetFeedbackAsync(new GetFeedbackRequest { AccountId = provider }, cancellationToken: Ct)).Feedback;
        Assert.Equal((true, false, true), (rated.Rated, ratedAgain.Rated, ratedBack.Rated));
        Assert.Equal((1, 5.0, "친절하고 꼼꼼해요"), (feedback.Count, feedback.Average, feedback.Latest.Single().Comment));
    }

    [Fact(Timeout = TestTimeouts.Default)]
    public async Task a_claim_above_the_hold_is_paid_only_with_the_receivers_consent()
    {
        var district = await Seed.DistrictAsync(gateway);
        var (provider, receiver) = (await Seed.MemberAsync(gateway, district), await Seed.MemberAsync(gateway, district, welcomeMinutes: 300));
        var (asProvider, asReceiver) = (gateway.Exchange(GatewayFixture.Member(district, provider)), gateway.Exchange(GatewayFixture.Member(district, receiver)));
        var listing = await ListAsync(asProvider, provider, "이삿짐 나르기", minutes: 60, category: ListingCategory.Housework);
        var deal = (await ProposeAsync(asReceiver, listing, receiver)).DealId;
        await AcceptAsync(asProvider, deal, provider);
        await ClaimAsync(asProvider, deal, provider, 90);

        var refused = await ConfirmAsync(asReceiver, deal, receiver);
        var consented = await ConfirmAsync(asReceiver, deal, receiver, agreeAbove: true);

        Assert.Equal((DealResult.AboveHoldNeedsConsent, DealStatus.Claimed), (refused.Result, refused.Deal.Status));
        Assert.Equal((DealResult.Settled, 90L), (consented.Result, consented.Deal.PaidMinutes));
        Assert.Equal(210L, (await AccountAsync(gateway, receiver)).BalanceMinutes);
        Assert.Equal(90L, (await AccountAsync(gateway, provider)).BalanceMinutes);
    }

    [Fact(Timeout = TestTimeouts.Default)]
    public async Task a_coordinator_of_either_side_rules_on_a_dispute_and_nobody_else_can()
    {
        var (district, other, stranger) = (await Seed.DistrictAsync(gateway), await Seed.DistrictAsync(gateway), await Seed.DistrictAsync(gateway));
        await LinkAsync(gateway, district, other);
        var (provider, receiver) = (await Seed.MemberAsync(gateway, district), await Seed.MemberAsync(gateway, other, welcomeMinutes: 300));
        var (asProvider, asReceiver) = (gateway.Exchange(GatewayFixture.Member(district, provider)), gateway.Exchange(GatewayFixture.Member(other, receiver)));
        var listing = await ListAsync(asProvider, provider, "영어 회화 가르쳐요", titleEn: "English conversation", category: ListingCategory.Education, minutes: 120);
        var deal = (await ProposeAsync(asReceiver, listing, receiver)).DealId;
        var hold = (await AcceptAsync(asProvider, deal, provider)).Deal.HoldId;
        await ClaimAsync(asProvider, deal, provider, 120);
        var disputed = await DisputeAsync(asReceiver, deal, receiver, "한 시간만 했어요");

        ResolveDisputeRequest Ruling(string by, long minutes = 60) => new()
        {
            RequestId = Guid.NewGuid().ToString(), DistrictId = by, DealId = deal, Ruling = DisputeRuling.PostInPart, Minutes = minutes, Reason = "양쪽 이야기를 듣고 절반 / half, after hearing both",
        };
        var elsewhere = (await gateway.Exchange(GatewayFixture.Coordinator(stranger)).ResolveDisputeAsync(Ruling(stranger), cancellationToken: Ct)).Outcome;
        var tooMuch = (await gateway.Exchange(GatewayFixture.Coordinator(other)).ResolveDisputeAsync(Ruling(other, minutes: 500), cancellationToken: Ct)).Outcome;
        var ruled = (await gateway.Exchange(GatewayFixture.Coordinator(other)).ResolveDisputeAsync(Ruling(other), cancellationToken: Ct)).Outcome;
        var confirmAfter = await ConfirmAsync(asReceiver, deal, receiver);

        Assert.Equal((DealResult.Disputed, DealSide.Receiver), (disputed.Result, disputed.Deal.DisputedBy));
        Assert.Equal(DealResult.OtherDistrict, elsewhere.Result);
        Assert.Equal(DealResult.InvalidRuling, tooMuch.Result);
        Assert.Equal((DealResult.Resolved, DealStatus.Settled, 60L, DisputeRuling.PostInPart), (ruled.Result, ruled.Deal.Status, ruled.Deal.PaidMinutes, ruled.Deal.Ruling));
        Assert.Equal($"coordinator:{other}", ruled.Deal.ResolvedBy);
        Assert.Equal(DealResult.WrongState, confirmAfter.Result);
        Assert.Equal((240L, 0L), ((await AccountAsync(gateway, receiver)).BalanceMinutes, (await AccountAsync(gateway, receiver)).PendingDebitsMinutes));
        Assert.Equal((HoldState.Posted, 60L), ((await HoldAsync(gateway, hold)).HoldState, (await HoldAsync(gateway, hold)).PostedAmountMinutes));
    }

    [Fact(Timeout = TestTimeouts.Default)]
    public async Task cancelling_an_accepted_deal_voids_its_hold_and_a_declined_one_holds_nothing()
    {
        var district = await Seed.DistrictAsync(gateway);
        var (provider, receiver) = (await Seed.MemberAsync(gateway, district), await Seed.MemberAsync(gateway, district, welcomeMinutes: 300));
        var (asProvider, asReceiver) = (gateway.Exchange(GatewayFixture.Member(district, provider)), gateway.Exchange(GatewayFixture.Member(district, receiver)));
        var listing = await ListAsync(asReceiver, receiver, "장보기 도와주실 분", kind: ListingKind.Request, category: ListingCategory.Care, minutes: 60);

        var offered = await ProposeAsync(asProvider, listing, provider);
        var accepted = await AcceptAsync(asReceiver, offered.DealId, receiver);
        var sideways = await Assert.ThrowsAsync<Grpc.Core.RpcException>(() => gateway.Ledger(GatewayFixture.Member(district, receiver)).VoidHoldAsync(
            new VoidHoldRequest { VoidId = Guid.NewGuid().ToString(), HoldId = accepted.Deal.HoldId }, cancellationToken: Ct).ResponseAsync);
        var cancelled = await CancelAsync(asProvider, offered.DealId, provider);
        var claimAfter = await ClaimAsync(asProvider, offered.DealId, provider, 60);
        var declinedDeal = (await ProposeAsync(asProvider, listing, provider)).DealId;
        var declined = (await asReceiver.DeclineDealAsync(new DeclineDealRequest { RequestId = Guid.NewGuid().ToString(), DealId = declinedDeal, AccountId = receiver }, cancellationToken: Ct)).Outcome;
        var ownListing = await Assert.ThrowsAsync<Grpc.Core.RpcException>(() => ProposeAsync(asReceiver, listing, receiver));

        Assert.Equal(DealSide.Receiver, offered.Deal.Awaiting);
        Assert.Equal(provider, offered.Deal.ProviderAccountId);
        Assert.Equal(DealResult.Accepted, accepted.Result);
        Assert.Equal("HOLD_BELONGS_TO_A_DEAL", sideways.GetRpcStatus()!.GetDetail<Google.Rpc.ErrorInfo>().Reason);
        Assert.Equal((DealResult.Cancelled, DealStatus.Cancelled), (cancelled.Result, cancelled.Deal.Status));
        Assert.Equal(DealResult.WrongState, claimAfter.Result);
        Assert.Equal(HoldState.Voided, (await HoldAsync(gateway, accepted.Deal.HoldId)).HoldState);
        Assert.Equal(DealResult.Declined, declined.Result);
        Assert.Equal((StatusCode.FailedPrecondition, "OWN_LISTING"), (ownListing.StatusCode, ownListing.GetRpcStatus()!.GetDetail<Google.Rpc.ErrorInfo>().Reason));
        var account = await AccountAsync(gateway, receiver);
        Assert.Equal((300L, 0L), (account.BalanceMinutes, account.PendingDebitsMinutes));
    }

    [Fact(Timeout = TestTimeouts.Default)]
    public async Task acceptance_without_the_credit_is_refused_and_changes_nothing()
    {
        var district = await Seed.DistrictAsync(gateway);
        var (provider, receiver) = (await Seed.MemberAsync(gateway, district), await Seed.MemberAsync(gateway, district));
        var (asProvider, asReceiver) = (gateway.Exchange(GatewayFixture.Member(district, provider)), gateway.Exchange(GatewayFixture.Member(district, receiver)));
        // The district's floor is -600: 900 minutes is beyond what the receiver may owe.
        var listing = await ListAsync(asProvider, provider, "집수리 하루", minutes: 900);
        var deal = (await ProposeAsync(asReceiver, listing, receiver)).DealId;

        var refused = await AcceptAsync(asProvider, deal, provider);

        Assert.Equal((DealResult.LedgerRefused, DealStatus.Proposed), (refused.Result, refused.Deal.Status));
        Assert.NotEmpty(refused.LedgerRefusal);
        Assert.Equal(0L, (await AccountAsync(gateway, receiver)).PendingDebitsMinutes);
    }
}
