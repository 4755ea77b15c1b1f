using System.CommandLine;
using EPoomasi.Contracts.Community.V1;

namespace EPoomasi.Cli.Commands;

/// <summary>Coordinators mint for community work; above the district's threshold a second coordinator approves.</summary>
internal static class MintCommands
{
    public static IEnumerable<Command> All()
    {
        var district = Inputs.District();
        var account = Inputs.Id("account", "받는 회원 계정 / the member's account");
        var amount = Inputs.Amount("amount", "금액 / the amount");
        var reason = Inputs.Reason();
        yield return Define.Command("mint", "지역 활동에 대한 발행 / mint hours for community work (coordinators)", [account, amount, reason, district],
            async (parse, session, cancellationToken) => Outcome((await session.Gateway.Community(session.Token).RequestMintAsync(new RequestMintRequest
            {
                RequestId = Guid.NewGuid().ToString(), DistrictId = session.District(parse.GetValue(district)), AccountId = parse.GetValue(account)!,
                AmountMinutes = parse.GetValue(amount), Reason = parse.GetValue(reason)!,
            }, cancellationToken: cancellationToken)).Outcome));

        yield return Define.Command("mints", "승인을 기다리는 발행 / mints waiting for a second coordinator", [district],
            async (parse, session, cancellationToken) =>
            {
                var request = new ListAwaitingMintsRequest { DistrictId = session.District(parse.GetValue(district)) };
                Console.WriteLine($"  {"발행 / mint",-36}  {"받는 사람 / to",-16} {"금액 amount",11}  {"요청 / asked by",-24} 사유 / reason");
                var count = 0;
                do
                {
                    var page = await session.Gateway.Community(session.Token).ListAwaitingMintsAsync(request, cancellationToken: cancellationToken);
                    foreach (var mint in page.Mints)
                    {
                        var to = mint.AccountHolderName.Length > 0 ? mint.AccountHolderName : mint.AccountId[..8];
                        Console.WriteLine($"  {mint.MintId,-36}  {to,-16} {Hours.Format(mint.AmountMinutes),11}  {mint.RequestedBy,-24} {mint.Reason}");
                        count++;
                    }

                    request.PageToken = page.NextPageToken;
                }
                while (request.PageToken.Length > 0);

                Console.WriteLine($"  {count}건 대기 / waiting");
                return 0;
            });

        var mintId = Inputs.Id("mint", "발행 번호 / the mint's id");
        yield return Define.Command("approve-mint", "발행 승인 (요청자가 아닌 코디네이터) / approve a waiting mint (not its requester)", [mintId, district],
            async (parse, session, cancellationToken) => Outcome((await session.Gateway.Community(session.Token).ApproveMintAsync(new ApproveMintRequest
            {
                RequestId = Guid.NewGuid().ToString(), DistrictId = session.District(parse.GetValue(district)), MintId = parse.GetValue(mintId)!,
            }, cancellationToken: cancellationToken)).Outcome));

        yield return Define.Command("decline-mint", "발행 거절 또는 철회 / decline a waiting mint, or withdraw your own", [mintId, reason, district],
            async (parse, session, cancellationToken) => Outcome((await session.Gateway.Community(session.Token).DeclineMintAsync(new DeclineMintRequest
            {
                RequestId = Guid.NewGuid().ToString(), DistrictId = session.District(parse.GetValue(district)), MintId = parse.GetValue(mintId)!,
                Reason = parse.GetValue(reason)!,
            }, cancellationToken: cancellationToken)).Outcome));
    }

    private static int Outcome(MintOutcome outcome)
    {
        var amount = outcome.Mint is { } mint ? Hours.Format(mint.AmountMinutes) : "";
        var (ok, text) = outcome.Result switch
        {
            MintResult.Minted => (true, $"발행됨 / minted {amount}: {outcome.MintId}"),
            MintResult.AwaitingApproval => (true, $"두 번째 코디네이터의 승인을 기다립니다 / waiting for a second coordinator ({amount} held): {outcome.MintId}"),
            MintResult.Approved => (true, $"승인되어 지급됨 / approved and paid: {amount}"),
            MintResult.Declined => (true, "거절됨 / declined"),
            MintResult.OwnRequest => (false, "자신이 요청한 발행은 승인할 수 없습니다 / you cannot approve your own mint"),
            MintResult.NotAwaiting => (false, $"승인을 기다리는 발행이 아닙니다 / the mint is not waiting: {Printer.Label(outcome.Mint?.Status ?? MintStatus.Unspecified)}"),
            MintResult.NotFound => (false, "그런 발행이 없습니다 / no such mint"),
            MintResult.OtherDistrict => (false, "다른 구의 발행입니다 / the mint belongs to another district"),
            MintResult.ReasonRequired => (false, "사유가 필요합니다 / a reason is required (1 to 512 characters)"),
            MintResult.LedgerRefused => (false, $"원장이 거절했습니다 / the ledger refused: {outcome.LedgerRefusal}"),
            MintResult.Expired => (false, "기한이 지나 만료되었습니다 / it expired before anyone approved it"),
            MintResult.DistrictNotFound => (false, "그런 구가 없습니다 / no such district"),
            _ => (false, Printer.Label(outcome.Result)),
        };
        Console.WriteLine($"  {text}{(outcome.Replayed ? " (반복 / repeated)" : "")}");
        return ok ? 0 : 1;
    }
}
