using EPoomasi.Contracts.Ledger.V1;
using Grpc.Core;

namespace EPoomasi.Cli;

/// <summary>
/// A guided tour: two districts and their trust, a coordinator's welcome credits, a payment, a hold
/// posted in part, a payment across districts, and an overdraft refused with its reason.
/// </summary>
internal sealed class Demo(Gateway gateway, CancellationToken cancellationToken)
{
    private int _step;

    public async Task RunAsync()
    {
        var ledger = gateway.Ledger;
        Step("The city creates Mapo-gu and Gangnam-gu (members may go 10h below zero) and lets them trust each other for 20h");
        foreach (var (id, name) in new[] { ("mapo", "Mapo-gu"), ("gangnam", "Gangnam-gu") })
        {
            await gateway.Administration.CreateDistrictAsync(new CreateDistrictRequest
            {
                DistrictId = id, Name = name, MemberFloorMinutes = -600, MemberCapMinutes = 6_000, MintBudgetMinutes = 600_000,
            }, cancellationToken: cancellationToken);
        }

        await gateway.Administration.SetTrustLimitAsync(new SetTrustLimitRequest
        {
            DistrictId = "mapo", CounterpartDistrictId = "gangnam", LimitMinutes = 1_200, Reason = "demo",
        }, Coordinator(), cancellationToken: cancellationToken);
        Console.WriteLine("  done (repeating the demo finds them already there)");

        Step("Coordinator Park opens accounts for Kim and Lee in Mapo, and Choi in Gangnam");
        var kim = await OpenAsync("mapo");
        var lee = await OpenAsync("mapo");
        var choi = await OpenAsync("gangnam");

        Step("Coordinator Park grants Kim 5h of welcome credits");
        await PayAsync(await IssuanceAsync("mapo"), kim, 300, TransferCode.Welcome, "welcome to e-poomasi", Coordinator());

        Step("Kim pays Lee 1h 30m for English tutoring");
        await PayAsync(kim, lee, 90, TransferCode.Service, "English tutoring");

        Step("Kim books Lee for 2h of repairs: a hold reserves it");
        var hold = await PayAsync(kim, lee, 120, TransferCode.Service, "bicycle repairs", hold: true);
        await ShowAsync(kim);

        Step("The repair took 1h 45m: Lee's app posts that much; the rest is released");
        var post = await ledger.PostHoldAsync(new PostHoldRequest { PostId = Guid.NewGuid().ToString(), HoldId = hold, AmountMinutes = 105 }, cancellationToken: cancellationToken);
        Printer.Outcome(post.Outcome);

        Step("Kim pays Choi in Gangnam 30m for a ride: it crosses districts through their clearing accounts");
        await PayAsync(kim, choi, 30, TransferCode.Service, "ride to the market");

        Step("Lee tries to pay Kim 20h: more than Lee has, even 10h below zero");
        await PayAsync(lee, kim, 1_200, TransferCode.Service, "too much");

        Step("Where everyone stands");
        foreach (var account in new[] { kim, lee, choi })
        {
            await ShowAsync(account);
        }

        Step("Kim's statement");
        var statement = await ledger.ListStatementEntriesAsync(new ListStatementEntriesRequest { AccountId = kim }, cancellationToken: cancellationToken);
        Printer.Statement(statement.Entries);

        Step("Mapo's books balance on their own");
        var trial = await ledger.GetTrialBalanceAsync(new GetTrialBalanceRequest { DistrictId = "mapo" }, cancellationToken: cancellationToken);
        Console.WriteLine($"  issued {Hours.Format(trial.IssuedMinutes)}, in circulation {Hours.Format(trial.InCirculationMinutes)}, " +
                          $"clearing position with Gangnam {Hours.Format(trial.ClearingPositionsMinutes["gangnam"])}, sum of all balances {Hours.Format(trial.TotalMinutes)}");
    }

    private void Step(string title) => Console.WriteLine($"\n{++_step}. {title}");

    private static Metadata Coordinator() => new() { { "epoomasi-actor", "coordinator:mapo-park" } };

    // A district's own accounts have ids the ledger derives; its trial balance names them.
    private async Task<string> IssuanceAsync(string district)
    {
        var trial = await gateway.Ledger.GetTrialBalanceAsync(new GetTrialBalanceRequest { DistrictId = district }, cancellationToken: cancellationToken);
        return trial.Accounts.Single(a => a.Kind == AccountKind.Issuance).AccountId;
    }

    private async Task<string> OpenAsync(string district)
    {
        var id = Guid.NewGuid().ToString();
        await gateway.Administration.OpenAccountAsync(new OpenAccountRequest { AccountId = id, DistrictId = district }, Coordinator(), cancellationToken: cancellationToken);
        Console.WriteLine($"  {district,-8} {id}");
        return id;
    }

    private async Task<string> PayAsync(string from, string to, long minutes, TransferCode code, string memo, Metadata? headers = null, bool hold = false)
    {
        var transfer = new TransferToCreate
        {
            TransferId = Guid.NewGuid().ToString(), DebitAccountId = from, CreditAccountId = to,
            AmountMinutes = minutes, Code = code, Memo = memo, HoldTimeoutSeconds = hold ? 3_600 : 0,
        };
        var response = await gateway.Ledger.CreateTransfersAsync(new CreateTransfersRequest { Transfers = { transfer } }, headers, cancellationToken: cancellationToken);
        Printer.Outcome(response.Outcomes.Single());
        return transfer.TransferId;
    }

    private async Task ShowAsync(string account) =>
        Printer.Account((await gateway.Ledger.GetAccountAsync(new GetAccountRequest { AccountId = account }, cancellationToken: cancellationToken)).Account);
}
