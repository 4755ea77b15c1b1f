using System.CommandLine;
using EPoomasi.Contracts.Exchange.V1;

namespace EPoomasi.Cli.Commands;

/// <summary>Deals, step by step: the credits are held on acceptance and paid on confirmation.</summary>
internal static class DealCommands
{
    public static Command Deal()
    {
        var deal = new Command("deal", "거래 / agree a deal on a listing and settle it");
        var account = Inputs.Account();
        var id = Inputs.Id("deal", "거래 번호 / the deal's id");
        ExchangeService.ExchangeServiceClient Exchange(Session session) => session.Gateway.Exchange(session.Token);
        string Id() => Guid.NewGuid().ToString();

        var listing = Inputs.Id("listing", "목록 번호 / the listing's id");
        var minutes = Inputs.AmountOption("--minutes", "시간 / the minutes (the listing's own when not given)");
        var message = new Option<string>("--message") { Description = "첫 메시지 / a first message to the other side", DefaultValueFactory = _ => "" };
        deal.Subcommands.Add(Define.Command("propose", "거래 제안 / propose a deal on someone's listing", [listing, minutes, message, account],
            async (parse, session, ct) => Outcome((await Exchange(session).ProposeDealAsync(new ProposeDealRequest
            {
                RequestId = Id(), ListingId = parse.GetValue(listing)!, AccountId = session.Account(parse.GetValue(account)), AmountMinutes = parse.GetValue(minutes) ?? 0,
                Message = parse.GetValue(message)!,
            }, cancellationToken: ct)).Outcome)));

        var amount = Inputs.Amount("minutes", "시간 / the minutes");
        deal.Subcommands.Add(Define.Command("counter", "다른 시간 제안 / propose another amount instead", [id, amount, account],
            async (parse, session, ct) => Outcome((await Exchange(session).CounterDealAsync(new CounterDealRequest
            {
                RequestId = Id(), DealId = parse.GetValue(id)!, AccountId = session.Account(parse.GetValue(account)), AmountMinutes = parse.GetValue(amount),
            }, cancellationToken: ct)).Outcome)));
        deal.Subcommands.Add(Define.Command("accept", "수락 (받는 쪽 계정에 보류) / accept: the minutes are held on the receiver's account", [id, account],
            async (parse, session, ct) => Outcome((await Exchange(session).AcceptDealAsync(new AcceptDealRequest
            {
                RequestId = Id(), DealId = parse.GetValue(id)!, AccountId = session.Account(parse.GetValue(account)),
            }, cancellationToken: ct)).Outcome)));
        deal.Subcommands.Add(Define.Command("decline", "거절 / decline a proposal", [id, account],
            async (parse, session, ct) => Outcome((await Exchange(session).DeclineDealAsync(new DeclineDealRequest
            {
                RequestId = Id(), DealId = parse.GetValue(id)!, AccountId = session.Account(parse.GetValue(account)),
            }, cancellationToken: ct)).Outcome)));
        deal.Subcommands.Add(Define.Command("cancel", "취소 (보류 해제) / cancel before the work is claimed: the hold is released", [id, account],
            async (parse, session, ct) => Outcome((await Exchange(session).CancelDealAsync(new CancelDealRequest
            {
                RequestId = Id(), DealId = parse.GetValue(id)!, AccountId = session.Account(parse.GetValue(account)),
            }, cancellationToken: ct)).Outcome)));
        deal.Subcommands.Add(Define.Command("claim", "실제로 한 시간 청구 / claim the minutes actually given (provider)", [id, amount, account],
            async (parse, session, ct) => Outcome((await Exchange(session).ClaimDealAsync(new ClaimDealRequest
            {
                RequestId = Id(), DealId = parse.GetValue(id)!, AccountId = session.Account(parse.GetValue(account)), Minutes = parse.GetValue(amount),
            }, cancellationToken: ct)).Outcome)));

        var above = new Option<bool>("--agree-above-hold") { Description = "보류보다 많은 청구에 동의 / agree to pay a claim above the hold" };
        deal.Subcommands.Add(Define.Command("confirm", "확인하고 지급 / confirm the claim: the hold is paid (receiver)", [id, above, account],
            async (parse, session, ct) => Outcome((await Exchange(session).ConfirmDealAsync(new ConfirmDealRequest
            {
                RequestId = Id(), DealId = parse.GetValue(id)!, AccountId = session.Account(parse.GetValue(account)), AgreeAboveHold = parse.GetValue(above),
            }, cancellationToken: ct)).Outcome)));

        var reason = Inputs.Reason();
        deal.Subcommands.Add(Define.Command("dispute", "이의 제기 / dispute a deal: a coordinator decides", [id, reason, account],
            async (parse, session, ct) => Outcome((await Exchange(session).DisputeDealAsync(new DisputeDealRequest
            {
                RequestId = Id(), DealId = parse.GetValue(id)!, AccountId = session.Account(parse.GetValue(account)), Reason = parse.GetValue(reason)!,
            }, cancellationToken: ct)).Outcome)));

        var ruling = Ruling("결정 / the ruling: full, part or void");
        var part = Inputs.AmountOption("--minutes", "일부 지급할 시간 / the minutes paid, for a ruling in part");
        var district = Inputs.District();
        deal.Subcommands.Add(Define.Command("resolve", "이의 결정 (코디네이터) / rule on a dispute (a coordinator of either side's district)", [id, ruling, part, reason, district],
            async (parse, session, ct) => Outcome((await Exchange(session).ResolveDisputeAsync(new ResolveDisputeRequest
            {
                RequestId = Id(), DealId = parse.GetValue(id)!, DistrictId = session.District(parse.GetValue(district)), Ruling = parse.GetValue(ruling),
                Minutes = parse.GetValue(part) ?? 0, Reason = parse.GetValue(reason)!,
            }, cancellationToken: ct)).Outcome)));

        deal.Subcommands.Add(Define.Command("show", "거래와 메시지 보기 / show a deal and its messages", [id, account],
            async (parse, session, ct) =>
            {
                var request = new GetDealRequest { DealId = parse.GetValue(id)!, AccountId = session.Account(parse.GetValue(account)) };
                var found = (await Exchange(session).GetDealAsync(request, cancellationToken: ct)).Deal;
                Describe(found);
                var thread = await Exchange(session).ListDealMessagesAsync(new ListDealMessagesRequest { DealId = request.DealId, AccountId = request.AccountId }, cancellationToken: ct);
                foreach (var said in thread.Messages)
                {
                    var who = said.Side == DealSide.Provider ? Name(found.ProviderName, found.ProviderAccountId) : Name(found.ReceiverName, found.ReceiverAccountId);
                    Console.WriteLine($"    {Seoul.Format(said.At)}  {who}: {said.Text}");
                }

                return 0;
            }));

        var side = new Option<string?>("--as") { Description = "provider 또는 receiver / only deals where the account provides, or receives" };
        side.AcceptOnlyFromAmong("provider", "receiver");
        deal.Subcommands.Add(Define.Command("list", "내 거래 / the account's deals", [side, account],
            async (parse, session, ct) =>
            {
                var sides = parse.GetValue(side) switch { "provider" => [DealSide.Provider], "receiver" => [DealSide.Receiver], _ => new[] { DealSide.Provider, DealSide.Receiver } };
                var count = 0;
                foreach (var dealSide in sides)
                {
                    var request = new ListDealsRequest { AccountId = session.Account(parse.GetValue(account)), Side = dealSide, PageSize = 100 };
                    do
                    {
                        var page = await Exchange(session).ListDealsAsync(request, cancellationToken: ct);
                        foreach (var each in page.Deals)
                        {
                            Console.WriteLine($"  {each.DealId}  {Printer.Label(dealSide),-8} {Printer.Label(each.Status),-9} {Hours.Format(each.AmountMinutes),9}  {each.Title}");
                            count++;
                        }

                        request.PageToken = page.NextPageToken;
                    }
                    while (request.PageToken.Length > 0);
                }

                Console.WriteLine($"  {count}건 / deals");
                return 0;
            }));

        var text = new Argument<string>("text") { Description = "메시지 / the message" };
        deal.Subcommands.Add(Define.Command("message", "메시지 보내기 / write to the other side", [id, text, account],
            async (parse, session, ct) =>
            {
                await Exchange(session).PostDealMessageAsync(new PostDealMessageRequest
                {
                    RequestId = Id(), DealId = parse.GetValue(id)!, AccountId = session.Account(parse.GetValue(account)), Text = parse.GetValue(text)!,
                }, cancellationToken: ct);
                Console.WriteLine("  보냈습니다 / sent");
                return 0;
            }));

        var stars = new Argument<int>("stars")
        {
            Description = "별점 1~5 / 1 to 5 stars",
            CustomParser = result => int.TryParse(result.Tokens.Single().Value, out var n) && n is >= 1 and <= 5 ? n : Fail<int>(result, "<stars>: 1~5 / 1 to 5."),
        };
        var comment = new Option<string>("--comment") { Description = "한마디 / a comment", DefaultValueFactory = _ => "" };
        deal.Subcommands.Add(Define.Command("rate", "상대 평가 (한 번) / rate the other side once, after the deal", [id, stars, comment, account],
            async (parse, session, ct) =>
            {
                var rated = await Exchange(session).RateDealAsync(new RateDealRequest
                {
                    DealId = parse.GetValue(id)!, AccountId = session.Account(parse.GetValue(account)), Stars = parse.GetValue(stars), Comment = parse.GetValue(comment)!,
                }, cancellationToken: ct);
                Console.WriteLine(rated.Rated ? "  평가했습니다 / rated" : "  이미 평가했습니다: 처음 평가가 남습니다 / already rated: the first rating stands");
                return rated.Rated ? 0 : 1;
            }));
        return deal;
    }

    /// <summary>A coordinator's ruling on a dispute, as typed: full, part or void.</summary>
    internal static Argument<DisputeRuling> Ruling(string description) => new("ruling")
    {
        Description = description,
        CustomParser = result => result.Tokens.Single().Value.ToLowerInvariant() switch
        {
            "full" => DisputeRuling.PostInFull,
            "part" => DisputeRuling.PostInPart,
            "void" => DisputeRuling.Void,
            var other => Fail<DisputeRuling>(result, $"<ruling>: '{other}'은(는) full, part, void 중 하나가 아닙니다 / is not full, part or void."),
        },
    };

    private static T Fail<T>(System.CommandLine.Parsing.ArgumentResult result, string message)
    {
        result.AddError(message);
        return default!;
    }

    internal static string Name(string name, string account) => name.Length > 0 ? name : account[..8];

    private static void Describe(Deal deal)
    {
        Console.WriteLine($"  {deal.DealId}  {Printer.Label(deal.Status)}  {deal.Title}");
        Console.WriteLine($"    제공 / provider {Name(deal.ProviderName, deal.ProviderAccountId)} ({deal.ProviderDistrictId}) → 받는 쪽 / receiver {Name(deal.ReceiverName, deal.ReceiverAccountId)} ({deal.ReceiverDistrictId})");
        Console.WriteLine($"    약속 / agreed {Hours.Format(deal.AmountMinutes)}" +
            (deal.ClaimedMinutes > 0 ? $", 청구 / claimed {Hours.Format(deal.ClaimedMinutes)}" : "") +
            (deal.Status == DealStatus.Settled ? $", 지급 / paid {Hours.Format(deal.PaidMinutes)}" : "") +
            (deal.Status == DealStatus.Proposed ? $"; {Printer.Label(deal.Awaiting)}의 답을 기다림 / awaiting the {Printer.Label(deal.Awaiting)} until {Seoul.Format(deal.AnswerBy)}" : "") +
            (deal.Status == DealStatus.Claimed ? $"; 자동 확인 / confirmed automatically at {Seoul.Format(deal.ConfirmBy)}" : ""));
        if (deal.DisputeReason.Length > 0) Console.WriteLine($"    이의 / disputed by the {Printer.Label(deal.DisputedBy)}: {deal.DisputeReason}");
        if (deal.RulingReason.Length > 0) Console.WriteLine($"    결정 / ruled {Printer.Label(deal.Ruling)} by {deal.ResolvedBy}: {deal.RulingReason}");
    }

    private static int Outcome(DealOutcome outcome)
    {
        Deal deal = outcome.Deal ?? new Deal();
        var (ok, text) = outcome.Result switch
        {
            DealResult.Proposed => (true, $"제안했습니다 / proposed {Hours.Format(deal.AmountMinutes)}: {outcome.DealId}"),
            DealResult.Countered => (true, $"다시 제안했습니다 / countered with {Hours.Format(deal.AmountMinutes)}"),
            DealResult.Accepted => (true, $"수락: {Hours.Format(deal.AmountMinutes)} 보류됨 / accepted, {Hours.Format(deal.AmountMinutes)} held"),
            DealResult.Declined => (true, "거절했습니다 / declined"),
            DealResult.Cancelled => (true, "취소했습니다 (보류 해제) / cancelled; the hold is released"),
            DealResult.Claimed => (true, $"청구했습니다 / claimed {Hours.Format(deal.ClaimedMinutes)}"),
            DealResult.Settled => (true, $"지급되었습니다 / paid {Hours.Format(deal.PaidMinutes)}"),
            DealResult.Disputed => (true, "이의를 제기했습니다: 코디네이터가 결정합니다 / disputed: a coordinator will decide"),
            DealResult.Resolved when deal.Status == DealStatus.Expired => (true, "결정: 지급 없음, 보류 해제 / ruled void: nothing paid, the hold is released"),
            DealResult.Resolved => (true, $"결정했습니다 / ruled: paid {Hours.Format(deal.PaidMinutes)}"),
            DealResult.Expired => (false, "기한이 지나 만료되었습니다 / the deal expired"),
            DealResult.NotYourTurn => (false, "이 계정이 할 차례가 아닙니다 / this step is not this account's to take"),
            DealResult.WrongState => (false, $"지금 거래 상태({Printer.Label(deal.Status)})에서는 할 수 없습니다 / not possible as the deal stands"),
            DealResult.AboveHoldNeedsConsent => (false, "청구가 보류보다 많습니다: --agree-above-hold 로 동의하세요 / the claim is above the hold: confirm with --agree-above-hold"),
            DealResult.ReasonRequired => (false, "사유가 필요합니다 / a reason is required (1 to 512 characters)"),
            DealResult.OtherDistrict => (false, "어느 쪽의 구도 아닙니다 / your district is neither side's"),
            DealResult.InvalidRuling => (false, "일부 지급은 0보다 크고 보류보다 작아야 합니다 / a ruling in part pays more than 0 and less than the hold"),
            DealResult.NotFound => (false, "그런 거래가 없습니다 / no such deal"),
            DealResult.LedgerRefused => (false, $"원장이 거절했습니다 / the ledger refused: {outcome.LedgerRefusal}"),
            _ => (false, Printer.Label(outcome.Result)),
        };
        Console.WriteLine($"  {text}{(outcome.Replayed ? " (반복 / repeated)" : "")}");
        return ok ? 0 : 1;
    }
}
