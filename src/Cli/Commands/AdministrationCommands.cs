using System.CommandLine;
using EPoomasi.Contracts.Ledger.V1;

namespace EPoomasi.Cli.Commands;

/// <summary>What administrators and coordinators change: districts, budgets, trust, accounts.</summary>
internal static class AdministrationCommands
{
    public static IEnumerable<Command> All()
    {
        var districtId = new Argument<string>("district") { Description = "구 / the district's id, e.g. mapo" };
        var name = new Argument<string>("name") { Description = "이름 / its name, e.g. 마포구" };
        var floor = Inputs.AmountOption("--floor", "회원 하한 / members' floor");
        var cap = Inputs.AmountOption("--cap", "회원 상한 / members' cap");
        var budget = Inputs.AmountOption("--budget", "발행 한도 / mint budget");
        yield return Define.Command("create-district", "구 만들기 / create a district (administrators)", [districtId, name, floor, cap, budget],
            async (parse, session, cancellationToken) => Changed((await Administration(session).CreateDistrictAsync(new CreateDistrictRequest
            {
                DistrictId = parse.GetValue(districtId)!, Name = parse.GetValue(name)!,
                MemberFloorMinutes = parse.GetValue(floor) ?? -600, MemberCapMinutes = parse.GetValue(cap) ?? 6_000, MintBudgetMinutes = parse.GetValue(budget) ?? 600_000,
            }, cancellationToken: cancellationToken)).Changed));

        var openIn = new Argument<string>("district") { Description = "구 / the district" };
        yield return Define.Command("open-account", "회원 계정 열기 / open a member account; prints its id", [openIn],
            async (parse, session, cancellationToken) =>
            {
                var id = Guid.NewGuid().ToString();
                await Administration(session).OpenAccountAsync(new OpenAccountRequest { AccountId = id, DistrictId = parse.GetValue(openIn)! }, cancellationToken: cancellationToken);
                Console.WriteLine($"  {id}");
                return 0;
            });

        var account = Inputs.Id("account", "계정 / the account");
        var newFloor = Inputs.Amount("floor", "하한 / the floor, zero or below");
        var newCap = Inputs.Amount("cap", "상한 / the cap, zero or above");
        var reason = Inputs.Reason();
        yield return Define.Command("limits", "계정 한도 변경 / change an account's floor and cap", [account, newFloor, newCap, reason],
            async (parse, session, cancellationToken) => Changed((await Administration(session).ChangeAccountLimitsAsync(new ChangeAccountLimitsRequest
            {
                AccountId = parse.GetValue(account)!, FloorMinutes = parse.GetValue(newFloor), CapMinutes = parse.GetValue(newCap), Reason = parse.GetValue(reason)!,
            }, cancellationToken: cancellationToken)).Changed));

        foreach (var (verb, frozen, description) in new[] { ("freeze", true, "계정 동결 / freeze an account"), ("unfreeze", false, "동결 해제 / unfreeze an account") })
        {
            yield return Define.Command(verb, description, [account, reason],
                async (parse, session, cancellationToken) => Changed((await Administration(session).SetAccountFrozenAsync(new SetAccountFrozenRequest
                {
                    AccountId = parse.GetValue(account)!, Frozen = frozen, Reason = parse.GetValue(reason)!,
                }, cancellationToken: cancellationToken)).Changed));
        }

        var districtOption = Inputs.District();
        yield return Define.Command("close", "계정 해지: 잔액을 정산하고 닫음 / close a member's account: a balance goes to the pot, a debt is covered from issuance", [account, reason, districtOption],
            async (parse, session, cancellationToken) =>
            {
                var closed = await session.Gateway.Community(session.Token).CloseMemberAccountAsync(new Contracts.Community.V1.CloseMemberAccountRequest
                {
                    RequestId = Guid.NewGuid().ToString(), DistrictId = session.District(parse.GetValue(districtOption)), AccountId = parse.GetValue(account)!, Reason = parse.GetValue(reason)!,
                }, cancellationToken: cancellationToken);
                var settled = closed.SettledMinutes switch
                {
                    > 0 => $", 잔액 {Hours.Format(closed.SettledMinutes)} 공동기금으로 / balance to the community pot",
                    < 0 => $", 부족분 {Hours.Format(-closed.SettledMinutes)} 발행으로 정산 / debt covered from issuance",
                    _ => "",
                };
                var (ok, text) = closed.Result switch
                {
                    Contracts.Community.V1.ClosingResult.Closed => (true, $"닫힘 / closed{settled}"),
                    Contracts.Community.V1.ClosingResult.AlreadyClosed => (true, "이미 닫힘 / already closed"),
                    Contracts.Community.V1.ClosingResult.OpenDeals => (false, "끝나지 않은 거래가 있습니다. 먼저 마치거나 취소하세요 / a deal is still open: settle or cancel it first"),
                    Contracts.Community.V1.ClosingResult.HoldsPending => (false, "보류 중인 거래가 있습니다. 먼저 확정하거나 취소하세요 / a hold is pending: post or void it first"),
                    Contracts.Community.V1.ClosingResult.SettlementRefused => (false, $"정산이 거절되었습니다 / the settlement was refused: {closed.LedgerRefusal}"),
                    Contracts.Community.V1.ClosingResult.OtherDistrict => (false, "다른 구의 계정입니다 / the account belongs to another district"),
                    Contracts.Community.V1.ClosingResult.NotFound => (false, "그런 계정이 없습니다 / no such account"),
                    _ => (false, Printer.Label(closed.Result)),
                };
                Console.WriteLine($"  {text}");
                return ok ? 0 : 1;
            });

        var amount = Inputs.Amount("amount", "발행 한도 / the mint budget");
        var per = new Option<string?>("--per")
        {
            Description = "기간 / the budget's period: month (매월), year (매년) or lifetime (전체); left out keeps the district's",
        };
        per.AcceptOnlyFromAmong("month", "year", "lifetime");
        yield return Define.Command("budget", "구의 발행 한도 설정 / set a district's mint budget, over its life or per month or year", [districtId, amount, per, reason],
            async (parse, session, cancellationToken) => Changed((await Administration(session).SetMintBudgetAsync(new SetMintBudgetRequest
            {
                DistrictId = parse.GetValue(districtId)!, MintBudgetMinutes = parse.GetValue(amount), Reason = parse.GetValue(reason)!,
                Period = parse.GetValue(per) switch
                {
                    "month" => MintBudgetPeriod.Month,
                    "year" => MintBudgetPeriod.Year,
                    "lifetime" => MintBudgetPeriod.Lifetime,
                    _ => MintBudgetPeriod.Unspecified,
                },
            }, cancellationToken: cancellationToken)).Changed));

        foreach (var command in Appointments(districtId, reason)) yield return command;

        var welcome = Inputs.AmountOption("--welcome", "환영 지원 / the welcome grant a new member is paid; 0 for none");
        var approvalAbove = Inputs.AmountOption("--mint-approval-above", "이보다 큰 발행은 두 번째 코디네이터 승인 필요 / mints above this need a second coordinator; 0 for none");
        yield return Define.Command("defaults", "구의 기본값 / a district's defaults for new members and mints (administrators)", [districtId, newFloor, newCap, welcome, approvalAbove, reason],
            async (parse, session, cancellationToken) =>
            {
                var request = new ChangeDistrictDefaultsRequest
                {
                    DistrictId = parse.GetValue(districtId)!, MemberFloorMinutes = parse.GetValue(newFloor), MemberCapMinutes = parse.GetValue(newCap), Reason = parse.GetValue(reason)!,
                };
                if (parse.GetValue(welcome) is { } grant) request.WelcomeGrantMinutes = grant;
                if (parse.GetValue(approvalAbove) is { } above) request.MintApprovalAboveMinutes = above;
                return Changed((await Administration(session).ChangeDistrictDefaultsAsync(request, cancellationToken: cancellationToken)).Changed);
            });

        var counterpart = new Argument<string>("counterpart") { Description = "상대 구 / the other district" };
        var limit = Inputs.Amount("limit", "신뢰 한도 / the trust limit, both ways");
        yield return Define.Command("trust", "두 구 사이 신뢰 한도 / set the trust limit between two districts", [districtId, counterpart, limit, reason],
            async (parse, session, cancellationToken) => Changed((await Administration(session).SetTrustLimitAsync(new SetTrustLimitRequest
            {
                DistrictId = parse.GetValue(districtId)!, CounterpartDistrictId = parse.GetValue(counterpart)!, LimitMinutes = parse.GetValue(limit), Reason = parse.GetValue(reason)!,
            }, cancellationToken: cancellationToken)).Changed));
    }

    private static IEnumerable<Command> Appointments(Argument<string> districtId, Option<string> reason)
    {
        var subject = new Argument<string>("subject") { Description = "누구 / the identity in the coordinator's token, e.g. coordinator:mapo-park" };
        yield return Define.Command("appoint", "코디네이터 임명 / appoint a coordinator of a district (administrators)", [districtId, subject, reason],
            async (parse, session, cancellationToken) => Changed((await Administration(session).AppointCoordinatorAsync(new AppointCoordinatorRequest
            {
                DistrictId = parse.GetValue(districtId)!, Subject = parse.GetValue(subject)!, Reason = parse.GetValue(reason)!,
            }, cancellationToken: cancellationToken)).Changed));
        yield return Define.Command("dismiss", "코디네이터 해임 / end a coordinator's appointment, at once (administrators)", [districtId, subject, reason],
            async (parse, session, cancellationToken) => Changed((await Administration(session).RemoveCoordinatorAsync(new RemoveCoordinatorRequest
            {
                DistrictId = parse.GetValue(districtId)!, Subject = parse.GetValue(subject)!, Reason = parse.GetValue(reason)!,
            }, cancellationToken: cancellationToken)).Changed));
    }

    private static AdministrationService.AdministrationServiceClient Administration(Session session) => session.Gateway.Administration(session.Token);

    private static int Changed(bool changed)
    {
        Console.WriteLine(changed ? "  변경됨 / changed" : "  이미 그렇습니다 / already so: nothing changed");
        return 0;
    }
}
