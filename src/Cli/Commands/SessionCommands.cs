using System.CommandLine;
using EPoomasi.Contracts.Exchange.V1;
using GroupSession = EPoomasi.Contracts.Exchange.V1.Session;

namespace EPoomasi.Cli.Commands;

/// <summary>Group sessions: a workshop or class where each receiver's share is held, settled all at once.</summary>
internal static class SessionCommands
{
    public static Command Session()
    {
        var session = new Command("session", "모임 (여러 사람이 함께 받는 서비스) / group sessions: one provider, several receivers");
        var account = Inputs.Account();
        var id = Inputs.Id("session", "모임 번호 / the session's id");
        ExchangeService.ExchangeServiceClient Exchange(Session s) => s.Gateway.Exchange(s.Token);

        var listing = Inputs.Id("listing", "자신의 제공 목록 / your own offer");
        var seats = new Option<int>("--seats") { Description = "자리 수 / seats (1 to 100)", Required = true };
        var share = Inputs.AmountOption("--share", "한 사람의 몫 / each receiver's share (the listing's minutes when not given)");
        var settleBy = Inputs.InstantOption("--settle-by", "정산 기한 / when it must be settled (30 days when not given)");
        session.Subcommands.Add(Define.Command("open", "모임 열기 / open a group session on your offer", [listing, seats, share, settleBy, account],
            async (parse, s, ct) =>
            {
                var request = new OpenSessionRequest
                {
                    RequestId = Guid.NewGuid().ToString(), ListingId = parse.GetValue(listing)!, AccountId = s.Account(parse.GetValue(account)),
                    Seats = parse.GetValue(seats), ShareMinutes = parse.GetValue(share) ?? 0,
                };
                if (parse.GetValue(settleBy) is { } at) request.SettleBy = Google.Protobuf.WellKnownTypes.Timestamp.FromDateTimeOffset(at);
                return Outcome((await Exchange(s).OpenSessionAsync(request, cancellationToken: ct)).Outcome);
            }));
        session.Subcommands.Add(Define.Command("join", "참가 (몫이 보류됨) / join: your share is held", [id, account],
            async (parse, s, ct) => Outcome((await Exchange(s).JoinSessionAsync(new JoinSessionRequest
            {
                RequestId = Guid.NewGuid().ToString(), SessionId = parse.GetValue(id)!, AccountId = s.Account(parse.GetValue(account)),
            }, cancellationToken: ct)).Outcome)));
        session.Subcommands.Add(Define.Command("leave", "참가 취소 (보류 해제) / leave before it settles: your share is released", [id, account],
            async (parse, s, ct) => Outcome((await Exchange(s).LeaveSessionAsync(new LeaveSessionRequest
            {
                RequestId = Guid.NewGuid().ToString(), SessionId = parse.GetValue(id)!, AccountId = s.Account(parse.GetValue(account)),
            }, cancellationToken: ct)).Outcome)));

        var absent = new Option<string[]>("--absent") { Description = "오지 않은 사람의 계정 / accounts of receivers who did not come", AllowMultipleArgumentsPerToken = true };
        session.Subcommands.Add(Define.Command("settle", "정산 (전부 또는 없음) / settle: every present share paid, or none", [id, absent, account],
            async (parse, s, ct) =>
            {
                var request = new SettleSessionRequest { RequestId = Guid.NewGuid().ToString(), SessionId = parse.GetValue(id)!, AccountId = s.Account(parse.GetValue(account)) };
                request.AbsentAccountIds.AddRange(parse.GetValue(absent) ?? []);
                return Outcome((await Exchange(s).SettleSessionAsync(request, cancellationToken: ct)).Outcome);
            }));
        session.Subcommands.Add(Define.Command("cancel", "모임 취소 (모든 보류 해제) / call it off: every share released", [id, account],
            async (parse, s, ct) => Outcome((await Exchange(s).CancelSessionAsync(new CancelSessionRequest
            {
                RequestId = Guid.NewGuid().ToString(), SessionId = parse.GetValue(id)!, AccountId = s.Account(parse.GetValue(account)),
            }, cancellationToken: ct)).Outcome)));
        session.Subcommands.Add(Define.Command("show", "모임 보기 / show a session", [id, account],
            async (parse, s, ct) =>
            {
                var found = (await Exchange(s).GetSessionAsync(new GetSessionRequest { SessionId = parse.GetValue(id)!, AccountId = s.Account(parse.GetValue(account)) }, cancellationToken: ct)).Session;
                Console.WriteLine($"  {found.SessionId}  {Printer.Label(found.Status)}  {found.Title}  {Hours.Format(found.ShareMinutes)} × {found.SeatsTaken}/{found.Seats}, 정산 기한 / settle by {Seoul.Format(found.SettleBy)}");
                foreach (var p in found.Participants)
                {
                    Console.WriteLine($"    {(p.Name.Length > 0 ? p.Name : p.AccountId[..8]),-12} {p.DistrictId,-10} {(p.Left ? "빠짐 / left" : "참가 / in")}");
                }

                return 0;
            }));
        return session;
    }

    private static int Outcome(SessionOutcome outcome)
    {
        GroupSession session = outcome.Session ?? new GroupSession();
        var (ok, text) = outcome.Result switch
        {
            SessionResult.Opened => (true, $"모임을 열었습니다 / opened: {outcome.SessionId} ({session.Seats}자리 seats, {Hours.Format(session.ShareMinutes)} each)"),
            SessionResult.Joined => (true, $"참가: {Hours.Format(session.ShareMinutes)} 보류됨 / joined, {Hours.Format(session.ShareMinutes)} held ({session.SeatsTaken}/{session.Seats})"),
            SessionResult.Left => (true, "빠졌습니다 (보류 해제) / left; your share is released"),
            SessionResult.Settled => (true, $"정산했습니다 / settled: {session.Participants.Count(p => !p.Left)}명 paid {Hours.Format(session.ShareMinutes)} each"),
            SessionResult.Cancelled => (true, "취소했습니다 (모든 보류 해제) / cancelled; every share released"),
            SessionResult.Full => (false, "자리가 없습니다 / every seat is taken"),
            SessionResult.AlreadyJoined => (false, "이미 참가했습니다 / already joined"),
            SessionResult.NotJoined => (false, "참가하지 않았습니다 / not in this session"),
            SessionResult.NotYourTurn => (false, "제공자만 정산·취소합니다 / only the provider settles or cancels (and does not join)"),
            SessionResult.Closed => (false, "끝난 모임입니다 / the session is over"),
            SessionResult.NotFound => (false, "그런 모임이 없습니다 / no such session"),
            SessionResult.LedgerRefused => (false, $"원장이 거절해 아무것도 지급되지 않았습니다 / the ledger refused, so nothing was paid: {outcome.LedgerRefusal}"),
            _ => (false, Printer.Label(outcome.Result)),
        };
        Console.WriteLine($"  {text}{(outcome.Replayed ? " (반복 / repeated)" : "")}");
        return ok ? 0 : 1;
    }
}
