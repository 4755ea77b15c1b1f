using EPoomasi.Contracts.Exchange.V1;
using Grpc.Core;
using static EPoomasi.Gateway.Tests.Trade;

namespace EPoomasi.Gateway.Tests;

/// <summary>
/// A member's event stream through the gateway: every step of a deal and the other side's messages, in order; after a
/// reconnect with the last token, what happened meanwhile, with nothing lost and nothing repeated.
/// </summary>
public sealed class a_member_hears_of_their_deals_and_resumes_without_losing_events(GatewayFixture gateway)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static async Task<List<MemberEvent>> ReadAsync(AsyncServerStreamingCall<WatchMemberEventsResponse> call, int count)
    {
        var events = new List<MemberEvent>();
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        timeout.CancelAfter(TimeSpan.FromSeconds(30));
        while (events.Count < count && await call.ResponseStream.MoveNext(timeout.Token))
        {
            events.Add(call.ResponseStream.Current.Event);
        }

        return events;
    }

    [Fact(Timeout = TestTimeouts.Default)]
    public async Task the_provider_hears_each_step_and_a_reconnect_resumes_where_it_left_off()
    {
        var district = await Seed.DistrictAsync(gateway);
        var (provider, receiver) = (await Seed.MemberAsync(gateway, district), await Seed.MemberAsync(gateway, district, welcomeMinutes: 300));
        var (asProvider, asReceiver) = (gateway.Exchange(GatewayFixture.Member(district, provider)), gateway.Exchange(GatewayFixture.Member(district, receiver)));
        var listing = await ListAsync(asProvider, provider, "강아지 산책", minutes: 60, category: ListingCategory.Care);

        using var first = asProvider.WatchMemberEvents(new WatchMemberEventsRequest { AccountId = provider }, cancellationToken: Ct);
        // The stream starts with what happens next; its headers say it has begun, and nothing after them is missed.
        await first.ResponseHeadersAsync.WaitAsync(TimeSpan.FromSeconds(30), Ct);
        var deal = (await ProposeAsync(asReceiver, listing, receiver, message: "오후 3시에 괜찮을까요?")).DealId;
        await AcceptAsync(asProvider, deal, provider);
        var heard = await ReadAsync(first, 3);
        first.Dispose();

        // While nobody listens, the deal goes on.
        await ClaimAsync(asProvider, deal, provider, 45);
        await ConfirmAsync(asReceiver, deal, receiver);
        using var second = asProvider.WatchMemberEvents(new WatchMemberEventsRequest { AccountId = provider, ResumeToken = heard[^1].ResumeToken }, cancellationToken: Ct);
        var resumed = await ReadAsync(second, 2);
        using var fromTheStart = asProvider.WatchMemberEvents(new WatchMemberEventsRequest { AccountId = provider, ResumeToken = heard[0].ResumeToken }, cancellationToken: Ct);
        var replayed = await ReadAsync(fromTheStart, 4);

        Assert.Equal([MemberEventKind.DealProposed, MemberEventKind.MessageReceived, MemberEventKind.DealAccepted], heard.Select(e => e.Kind));
        Assert.Equal("오후 3시에 괜찮을까요?", heard[1].Text);
        Assert.Equal((deal, "강아지 산책", 60L), (heard[0].DealId, heard[0].Title, heard[0].Minutes));
        Assert.Equal([MemberEventKind.DealClaimed, MemberEventKind.DealSettled], resumed.Select(e => e.Kind));
        Assert.Equal(45L, resumed[1].Minutes);
        Assert.Equal([MemberEventKind.MessageReceived, MemberEventKind.DealAccepted, MemberEventKind.DealClaimed, MemberEventKind.DealSettled], replayed.Select(e => e.Kind));
        Assert.All(heard.Concat(resumed), e => Assert.Equal(provider, e.AccountId));
    }

    [Fact(Timeout = TestTimeouts.Default)]
    public async Task a_token_from_another_account_or_made_up_is_refused()
    {
        var district = await Seed.DistrictAsync(gateway);
        var member = await Seed.MemberAsync(gateway, district);
        var exchange = gateway.Exchange(GatewayFixture.Member(district, member));

        using var call = exchange.WatchMemberEvents(new WatchMemberEventsRequest { AccountId = member, ResumeToken = "not-a-token" }, cancellationToken: Ct);
        var refused = await Assert.ThrowsAsync<RpcException>(() => call.ResponseStream.MoveNext(Ct));

        Assert.Equal(StatusCode.InvalidArgument, refused.StatusCode);
    }
}
