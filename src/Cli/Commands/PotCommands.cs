using System.CommandLine;
using EPoomasi.Contracts.Ledger.V1;

namespace EPoomasi.Cli.Commands;

/// <summary>The community pot: members give hours to it, coordinators grant from it to neighbours who cannot earn.</summary>
internal static class PotCommands
{
    public static IEnumerable<Command> All()
    {
        var from = Inputs.Id("from", "기부하는 계정 / the donating account");
        var amount = Inputs.Amount("amount", "금액 / the amount");
        yield return Define.Command("donate", "공동기금에 기부 / give hours to the district's community pot", [from, amount],
            async (parse, session, cancellationToken) =>
            {
                var pot = await PotOfAsync(session, parse.GetValue(from)!, cancellationToken);
                return await PayAsync(session, parse.GetValue(from)!, pot, parse.GetValue(amount), TransferCode.Donation, "", cancellationToken);
            });

        var to = Inputs.Id("to", "받는 회원 계정 / the member's account");
        var reason = Inputs.Reason();
        yield return Define.Command("grant", "공동기금에서 지원 / grant hours from the pot to a member (coordinators)", [to, amount, reason],
            async (parse, session, cancellationToken) =>
            {
                var pot = await PotOfAsync(session, parse.GetValue(to)!, cancellationToken);
                return await PayAsync(session, pot, parse.GetValue(to)!, parse.GetValue(amount), TransferCode.PotGrant, parse.GetValue(reason)!, cancellationToken);
            });
    }

    // The pot of the account's own district.
    private static async Task<string> PotOfAsync(Session session, string account, CancellationToken cancellationToken)
    {
        var ledger = session.Gateway.Ledger(session.Token);
        var district = (await ledger.GetAccountAsync(new GetAccountRequest { AccountId = account }, cancellationToken: cancellationToken)).Account.DistrictId;
        var districts = await ledger.ListDistrictsAsync(new ListDistrictsRequest(), cancellationToken: cancellationToken);
        return districts.Districts.Single(d => d.DistrictId == district).CommunityPotAccountId;
    }

    private static async Task<int> PayAsync(Session session, string from, string to, long amount, TransferCode code, string memo, CancellationToken cancellationToken)
    {
        var request = new CreateTransfersRequest
        {
            Transfers = { new TransferToCreate { TransferId = Guid.NewGuid().ToString(), DebitAccountId = from, CreditAccountId = to, AmountMinutes = amount, Code = code, Memo = memo } },
        };
        var outcome = (await session.Gateway.Ledger(session.Token).CreateTransfersAsync(request, cancellationToken: cancellationToken)).Outcomes.Single();
        Printer.Outcome(outcome);
        return outcome.Result == TransferResult.Ok ? 0 : 1;
    }
}
