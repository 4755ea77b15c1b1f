using EPoomasi.Contracts.Ledger.V1;

namespace EPoomasi.Cli;

/// <summary>One method per command: read the arguments, make the call, print the answer.</summary>
internal sealed class Commands(Gateway gateway, Options options, string? token, CancellationToken cancellationToken)
{
    public const string Usage = """
        epoomasi [--gateway URL] [--token TOKEN] <command> ...

          demo                                   seed two districts and walk through the ledger, step by step
          token <role> <subject> [--district D] [--accounts ID,ID]
                                                 a development token (member, coordinator, auditor, administrator)
          create-district <id> <name>            create a district (floor -10h, cap 100h, budget 10000h)
          open-account <district>                open a member account; prints its id
          balance <account>                      show an account
          pay <from> <to> <amount> [--code service|goods|welcome|mint|donation|pot-grant] [--memo TEXT]
          hold <from> <to> <amount> [--timeout-seconds N] [--memo TEXT]
          post <hold> [amount]                   post a hold, in full or in part
          void <hold>                            void a hold
          statement <account> [--page-size N] [--page-token T]
                                                 the account's statement with running balance, a page at a time
          lookup <transfer>...                   what became of these transfer ids
          verify-journal [--from SEQ:HASH]       recompute the journal's hash chain (auditors), whole or from a link
          rebuild-projections                    rebuild every table from the event log and compare (auditors)

        Amounts are minutes (90) or hours and minutes (1h30m). The gateway defaults to
        http://127.0.0.1:5080 (or EPOOMASI_GATEWAY). Every command but demo and token needs a token
        (--token, or EPOOMASI_TOKEN); on a development gateway, 'token' issues one.
        """;

    public async Task<int> RunAsync()
    {
        switch (options.Command)
        {
            case "demo":
                await new Demo(gateway, cancellationToken).RunAsync();
                return 0;
            case "token":
                var role = Enum.TryParse<Contracts.Identity.V1.Role>(options.Argument(0, "role"), ignoreCase: true, out var parsed)
                    ? parsed : throw new UsageException("Role is member, coordinator, auditor or administrator.");
                var accounts = (options.Named("accounts") ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries);
                Console.WriteLine(await gateway.TokenAsync(role, options.Argument(1, "subject"), options.Named("district"), accounts, cancellationToken));
                return 0;
            case "create-district":
                var created = await Administration.CreateDistrictAsync(new CreateDistrictRequest
                {
                    DistrictId = options.Argument(0, "id"), Name = options.Argument(1, "name"),
                    MemberFloorMinutes = -600, MemberCapMinutes = 6_000, MintBudgetMinutes = 600_000,
                }, cancellationToken: cancellationToken);
                Console.WriteLine(created.Changed ? "  created" : "  already there");
                return 0;
            case "open-account":
                var id = Guid.NewGuid().ToString();
                await Administration.OpenAccountAsync(new OpenAccountRequest { AccountId = id, DistrictId = options.Argument(0, "district") }, cancellationToken: cancellationToken);
                Console.WriteLine($"  {id}");
                return 0;
            case "balance":
                Printer.Account((await Ledger.GetAccountAsync(new GetAccountRequest { AccountId = options.Argument(0, "account") }, cancellationToken: cancellationToken)).Account);
                return 0;
            case "pay" or "hold":
                return await PayAsync(options.Command == "hold");
            case "post":
                var post = new PostHoldRequest { PostId = Guid.NewGuid().ToString(), HoldId = options.Argument(0, "hold") };
                if (options.Positional.Count > 1) post.AmountMinutes = Hours.Parse(options.Positional[1]);
                Printer.Outcome((await Ledger.PostHoldAsync(post, cancellationToken: cancellationToken)).Outcome);
                return 0;
            case "void":
                Printer.Outcome((await Ledger.VoidHoldAsync(new VoidHoldRequest { VoidId = Guid.NewGuid().ToString(), HoldId = options.Argument(0, "hold") }, cancellationToken: cancellationToken)).Outcome);
                return 0;
            case "statement":
                return await StatementAsync();
            case "lookup":
                var lookup = new LookupTransfersRequest();
                lookup.TransferIds.AddRange(options.Positional);
                var found = await Ledger.LookupTransfersAsync(lookup, cancellationToken: cancellationToken);
                foreach (var transfer in found.Transfers) Printer.Transfer(transfer);
                Console.WriteLine($"  {found.Transfers.Count} of {options.Positional.Count} found");
                return 0;
            case "verify-journal":
                return await VerifyJournalAsync();
            case "rebuild-projections":
                return await RebuildProjectionsAsync();
            default:
                Console.WriteLine(Usage);
                return options.Command == "help" ? 0 : 2;
        }
    }

    private LedgerService.LedgerServiceClient Ledger => gateway.Ledger(Token);

    private AdministrationService.AdministrationServiceClient Administration => gateway.Administration(Token);

    private string Token => token ?? throw new UsageException("This command needs a token: --token TOKEN or EPOOMASI_TOKEN.");

    private async Task<int> PayAsync(bool hold)
    {
        var transfer = new TransferToCreate
        {
            TransferId = Guid.NewGuid().ToString(),
            DebitAccountId = options.Argument(0, "from"),
            CreditAccountId = options.Argument(1, "to"),
            AmountMinutes = Hours.Parse(options.Argument(2, "amount")),
            Code = Code(options.Named("code") ?? "service"),
            Memo = options.Named("memo") ?? "",
            HoldTimeoutSeconds = hold ? long.Parse(options.Named("timeout-seconds") ?? "3600", System.Globalization.CultureInfo.InvariantCulture) : 0,
        };
        var request = new CreateTransfersRequest { Transfers = { transfer } };
        var outcome = (await Ledger.CreateTransfersAsync(request, cancellationToken: cancellationToken)).Outcomes.Single();
        Printer.Outcome(outcome);
        return outcome.Result == TransferResult.Ok ? 0 : 1;
    }

    private async Task<int> StatementAsync()
    {
        var request = new ListStatementEntriesRequest
        {
            AccountId = options.Argument(0, "account"),
            PageSize = int.Parse(options.Named("page-size") ?? "100", System.Globalization.CultureInfo.InvariantCulture),
            PageToken = options.Named("page-token") ?? "",
        };
        var page = await Ledger.ListStatementEntriesAsync(request, cancellationToken: cancellationToken);
        Printer.Statement(page.Entries);
        if (page.NextPageToken.Length > 0) Console.WriteLine($"  다음 쪽 / next page: --page-token {page.NextPageToken}");
        return 0;
    }

    private async Task<int> VerifyJournalAsync()
    {
        var verified = await gateway.Audit(Token).VerifyJournalAsync(new VerifyJournalRequest { FromLink = options.Named("from") ?? "" }, cancellationToken: cancellationToken);
        Printer.Verification(verified);
        return verified.Holds ? 0 : 1;
    }

    private async Task<int> RebuildProjectionsAsync()
    {
        var rebuilt = await gateway.Audit(Token).RebuildProjectionsAsync(new RebuildProjectionsRequest(), cancellationToken: cancellationToken);
        Printer.Rebuild(rebuilt);
        return rebuilt.Agrees ? 0 : 1;
    }

    private static TransferCode Code(string name) =>
        Enum.TryParse<TransferCode>(name.Replace("-", "", StringComparison.Ordinal), ignoreCase: true, out var code)
            ? code
            : throw new UsageException($"Unknown code '{name}'.");
}
