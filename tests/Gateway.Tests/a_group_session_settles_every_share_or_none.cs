using EPoomasi.Contracts.Exchange.V1;
using EPoomasi.Contracts.Ledger.V1;
using Grpc.Core;
using static EPoomasi.Gateway.Tests.Trade;

namespace EPoomasi.Gateway.Tests;

/// <summary>
/// One provider, several receivers (a workshop): each share is held when its receiver joins, and the session settles
/// as one linked batch, every present share posted and every absentee's released, or nothing at all.
/// </summary>
public sealed class a_group_session_settles_every_share_or_none(GatewayFixture gateway)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private sealed record Workshop(string District, string Provider, string[] Receivers, ExchangeService.ExchangeServiceClient AsProvider, string SessionId);

    private async Task<Workshop> OpenAsync(int receivers, int seats)
    {
        var district = await Seed.DistrictAsync(gateway);
        var provider = await Seed.MemberAsync(gateway, district);
        var people = new string[receivers];
        for (var i = 0; i < receivers; i++) people[i] = await Seed.MemberAsync(gateway, district, welcomeMinutes: 300);
        var asProvider = gateway.Exchange(GatewayFixture.Member(district, provider));
        var listing = await ListAsync(asProvider, provider, "한지 공예 교실", minutes: 90, category: ListingCategory.Culture);
        var opened = (await asProvider.OpenSessionAsync(new OpenSessionRequest
        {
            RequestId = Guid.NewGuid().ToString(), ListingId = listing, AccountId = provider, Seats = seats,
        }, cancellationToken: Ct)).Outcome;
        Assert.Equal((SessionResult.Opened, 90L), (opened.Result, opened.Session.ShareMinutes));
        return new Workshop(district, provider, people, asProvider, opened.SessionId);
    }

    private async Task<SessionOutcome> JoinAsync(Workshop w, string receiver) =>
        (await gateway.Exchange(GatewayFixture.Member(w.District, receiver)).JoinSessionAsync(new JoinSessionRequest
        {
            RequestId = Guid.NewGuid().ToString(), SessionId = w.SessionId, AccountId = receiver,
        }, cancellationToken: Ct)).Outcome;

    [Fact(Timeout = TestTimeouts.Default)]
    public async Task seats_fill_a_leaver_is_released_and_settlement_pays_those_who_came()
    {
        var w = await OpenAsync(receivers: 4, seats: 3);
        var joined = new List<SessionOutcome>();
        foreach (var receiver in w.Receivers) joined.Add(await JoinAsync(w, receiver));
        var twice = await JoinAsync(w, w.Receivers[0]);
        var left = (await gateway.Exchange(GatewayFixture.Member(w.District, w.Receivers[1])).LeaveSessionAsync(new LeaveSessionRequest
        {
            RequestId = Guid.NewGuid().ToString(), SessionId = w.SessionId, AccountId = w.Receivers[1],
        }, cancellationToken: Ct)).Outcome;
        var lateComer = await JoinAsync(w, w.Receivers[3]);
        var byReceiver = (await gateway.Exchange(GatewayFixture.Member(w.District, w.Receivers[0])).SettleSessionAsync(new SettleSessionRequest
        {
            RequestId = Guid.NewGuid().ToString(), SessionId = w.SessionId, AccountId = w.Receivers[0],
        }, cancellationToken: Ct)).Outcome;
        var settled = (await w.AsProvider.SettleSessionAsync(new SettleSessionRequest
        {
            RequestId = Guid.NewGuid().ToString(), SessionId = w.SessionId, AccountId = w.Provider, AbsentAccountIds = { w.Receivers[2] },
        }, cancellationToken: Ct)).Outcome;

        Assert.Equal([SessionResult.Joined, SessionResult.Joined, SessionResult.Joined, SessionResult.Full], joined.Select(j => j.Result));
        Assert.Equal(SessionResult.AlreadyJoined, twice.Result);
        Assert.Equal((SessionResult.Left, 2), (left.Result, left.Session.SeatsTaken));
        Assert.Equal((SessionResult.Joined, 3), (lateComer.Result, lateComer.Session.SeatsTaken));
        Assert.Single(lateComer.Session.Participants);
        Assert.Equal(SessionResult.NotYourTurn, byReceiver.Result);
        Assert.Equal((SessionResult.Settled, SessionStatus.Settled), (settled.Result, settled.Session.Status));
        Assert.Equal(4, settled.Session.Participants.Count);
        var balances = new List<long>();
        foreach (var receiver in w.Receivers) balances.Add((await AccountAsync(gateway, receiver)).BalanceMinutes);
        Assert.Equal([210L, 300L, 300L, 210L], balances);
        Assert.Equal(180L, (await AccountAsync(gateway, w.Provider)).BalanceMinutes);
        Assert.All(w.Receivers, r => Assert.Equal(0L, AccountAsync(gateway, r).GetAwaiter().GetResult().PendingDebitsMinutes));
    }

    [Fact(Timeout = TestTimeouts.Default)]
    public async Task the_provider_hears_who_joins_and_the_receiver_hears_what_they_paid()
    {
        var w = await OpenAsync(receivers: 1, seats: 2);
        var receiver = w.Receivers[0];
        using var providerStream = w.AsProvider.WatchMemberEvents(new WatchMemberEventsRequest { AccountId = w.Provider }, cancellationToken: Ct);
        using var receiverStream = gateway.Exchange(GatewayFixture.Member(w.District, receiver)).WatchMemberEvents(new WatchMemberEventsRequest { AccountId = receiver }, cancellationToken: Ct);
        await Task.Delay(500, Ct);
        await JoinAsync(w, receiver);
        await w.AsProvider.SettleSessionAsync(new SettleSessionRequest { RequestId = Guid.NewGuid().ToString(), SessionId = w.SessionId, AccountId = w.Provider }, cancellationToken: Ct);

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        timeout.CancelAfter(TimeSpan.FromSeconds(30));
        var heard = new List<MemberEvent>();
        foreach (var stream in new[] { providerStream, receiverStream })
        {
            for (var i = 0; i < 2 && await stream.ResponseStream.MoveNext(timeout.Token); i++) heard.Add(stream.ResponseStream.Current.Event);
        }

        Assert.Equal(
            [(MemberEventKind.SessionJoined, w.Provider), (MemberEventKind.SessionSettled, w.Provider), (MemberEventKind.SessionJoined, receiver), (MemberEventKind.SessionSettled, receiver)],
            heard.Select(e => (e.Kind, e.AccountId)));
        Assert.Equal((w.SessionId, 90L), (heard[3].DealId, heard[3].Minutes));
    }

    [Fact(Timeout = TestTimeouts.Default)]
    public async Task a_share_that_cannot_be_posted_stops_the_whole_settlement_and_a_cancel_releases_all()
    {
        var w = await OpenAsync(receivers: 3, seats: 3);
        foreach (var receiver in w.Receivers) Assert.Equal(SessionResult.Joined, (await JoinAsync(w, receiver)).Result);
        // A member cannot release a share behind the session's back, through the raw API.
        var holdId = Exchange.Sessions.SessionDecider.HoldOf(Guid.Parse(w.SessionId), Guid.Parse(w.Receivers[0])).ToString();
        Assert.Equal(HoldState.Pending, (await HoldAsync(gateway, holdId)).HoldState);
        var sideways = await Assert.ThrowsAsync<RpcException>(() => gateway.Ledger(GatewayFixture.Member(w.District, w.Receivers[0])).VoidHoldAsync(
            new VoidHoldRequest { VoidId = Guid.NewGuid().ToString(), HoldId = holdId }, cancellationToken: Ct).ResponseAsync);
        // The district freezes one receiver's account: their share cannot be posted, so nobody's is.
        await gateway.Administration(GatewayFixture.Coordinator(w.District)).SetAccountFrozenAsync(new SetAccountFrozenRequest
        {
            AccountId = w.Receivers[1], Frozen = true, Reason = "분실 신고 / reported lost",
        }, cancellationToken: Ct);
        var settled = (await w.AsProvider.SettleSessionAsync(new SettleSessionRequest
        {
            RequestId = Guid.NewGuid().ToString(), SessionId = w.SessionId, AccountId = w.Provider,
        }, cancellationToken: Ct)).Outcome;
        var providerAfterRefusal = (await AccountAsync(gateway, w.Provider)).BalanceMinutes;
        await gateway.Administration(GatewayFixture.Coordinator(w.District)).SetAccountFrozenAsync(new SetAccountFrozenRequest
        {
            AccountId = w.Receivers[1], Frozen = false, Reason = "찾음 / found",
        }, cancellationToken: Ct);
        var cancelled = (await w.AsProvider.CancelSessionAsync(new CancelSessionRequest
        {
            RequestId = Guid.NewGuid().ToString(), SessionId = w.SessionId, AccountId = w.Provider,
        }, cancellationToken: Ct)).Outcome;

        Assert.Equal(StatusCode.FailedPrecondition, sideways.StatusCode);
        Assert.Equal("HOLD_BELONGS_TO_A_DEAL", sideways.GetRpcStatus()!.GetDetail<Google.Rpc.ErrorInfo>().Reason);
        Assert.Equal((SessionResult.LedgerRefused, SessionStatus.Open), (settled.Result, settled.Session.Status));
        Assert.Equal(0L, providerAfterRefusal);
        Assert.Equal((SessionResult.Cancelled, SessionStatus.Cancelled), (cancelled.Result, cancelled.Session.Status));
        foreach (var receiver in w.Receivers)
        {
            var account = await AccountAsync(gateway, receiver);
            Assert.Equal((300L, 0L), (account.BalanceMinutes, account.PendingDebitsMinutes));
        }
    }
}
