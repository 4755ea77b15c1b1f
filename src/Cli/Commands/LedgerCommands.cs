using System.CommandLine;
using EPoomasi.Contracts.Ledger.V1;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;

namespace EPoomasi.Cli.Commands;

/// <summary>What members and coordinators do with credits, and what they read.</summary>
internal static class LedgerCommands
{
    public static IEnumerable<Command> All()
    {
        var account = Inputs.Id("account", "계정 / the account");
        yield return Define.Command("balance", "계정 보기 / show an account", [account],
            async (parse, session, cancellationToken) =>
            {
                Printer.Account((await Ledger(session).GetAccountAsync(new GetAccountRequest { AccountId = parse.GetValue(account)! }, cancellationToken: cancellationToken)).Account);
                return 0;
            });

        var from = Inputs.Id("from", "보내는 계정 / the paying account");
        var to = Inputs.Id("to", "받는 계정 / the receiving account");
        var amount = Inputs.Amount("amount", "금액 / the amount");
        var code = new Option<TransferCode>("--code")
        {
            Description = "종류 / service, goods, welcome, mint, donation, pot-grant",
            DefaultValueFactory = _ => TransferCode.Service,
            CustomParser = result => System.Enum.TryParse<TransferCode>(result.Tokens.Single().Value.Replace("-", "", StringComparison.Ordinal), ignoreCase: true, out var parsed)
                && parsed is not (TransferCode.Unspecified or TransferCode.Reversal)
                ? parsed
                : Fail(result, $"--code: '{result.Tokens.Single().Value}' — service, goods, welcome, mint, donation, pot-grant"),
        };
        var memo = new Option<string>("--memo") { Description = "메모 / a memo", DefaultValueFactory = _ => "" };
        yield return Define.Command("pay", "송금 / one transfer", [from, to, amount, code, memo],
            (parse, session, cancellationToken) => CreateAsync(session, parse.GetValue(from)!, parse.GetValue(to)!, parse.GetValue(amount), parse.GetValue(code), parse.GetValue(memo)!, 0, cancellationToken));

        var timeout = new Option<long>("--timeout-seconds") { Description = "보류 기한(초) / seconds until the hold expires", DefaultValueFactory = _ => 3_600 };
        yield return Define.Command("hold", "보류 / reserve an amount, to post or void later", [from, to, amount, code, memo, timeout],
            (parse, session, cancellationToken) => CreateAsync(session, parse.GetValue(from)!, parse.GetValue(to)!, parse.GetValue(amount), parse.GetValue(code), parse.GetValue(memo)!, parse.GetValue(timeout), cancellationToken));

        var hold = Inputs.Id("hold", "보류 / the hold");
        var part = Inputs.AmountOption("--amount", "일부 금액 / post only this much (the rest is released)");
        yield return Define.Command("post", "보류 확정 / post a hold, in full or in part", [hold, part],
            async (parse, session, cancellationToken) =>
            {
                var request = new PostHoldRequest { PostId = Guid.NewGuid().ToString(), HoldId = parse.GetValue(hold)! };
                if (parse.GetValue(part) is { } minutes) request.AmountMinutes = minutes;
                return Outcome((await Ledger(session).PostHoldAsync(request, cancellationToken: cancellationToken)).Outcome);
            });

        yield return Define.Command("void", "보류 취소 / void a hold", [hold],
            async (parse, session, cancellationToken) => Outcome((await Ledger(session).VoidHoldAsync(
                new VoidHoldRequest { VoidId = Guid.NewGuid().ToString(), HoldId = parse.GetValue(hold)! }, cancellationToken: cancellationToken)).Outcome));

        var transfer = Inputs.Id("transfer", "거래 / the transfer to reverse");
        var reason = Inputs.Reason();
        yield return Define.Command("reverse", "거래 취소(역분개) / reverse a transfer (coordinators)", [transfer, reason],
            async (parse, session, cancellationToken) => Outcome((await Ledger(session).ReverseTransferAsync(new ReverseTransferRequest
            {
                ReversalId = Guid.NewGuid().ToString(), TransferId = parse.GetValue(transfer)!, Reason = parse.GetValue(reason)!,
            }, cancellationToken: cancellationToken)).Outcome));

        var statementSize = Inputs.PageSize(100);
        yield return Define.Command("statement", "거래 내역 / the account's statement with running balance", [account, statementSize, Inputs.PageToken, Inputs.All],
            async (parse, session, cancellationToken) =>
            {
                var request = new ListStatementEntriesRequest { AccountId = parse.GetValue(account)!, PageSize = parse.GetValue(statementSize), PageToken = parse.GetValue(Inputs.PageToken)! };
                while (true)
                {
                    var page = await Ledger(session).ListStatementEntriesAsync(request, cancellationToken: cancellationToken);
                    Printer.Statement(page.Entries);
                    if (page.NextPageToken.Length == 0) return 0;
                    if (!parse.GetValue(Inputs.All))
                    {
                        Console.WriteLine($"  다음 쪽 / next page: --page-token {page.NextPageToken}");
                        return 0;
                    }

                    request.PageToken = page.NextPageToken;
                }
            });

        var ids = new Argument<string[]>("transfers") { Description = "거래 번호들 / transfer ids", Arity = ArgumentArity.OneOrMore };
        yield return Define.Command("lookup", "거래 조회 / what became of these transfer ids", [ids],
            async (parse, session, cancellationToken) =>
            {
                var request = new LookupTransfersRequest();
                request.TransferIds.AddRange(parse.GetValue(ids)!);
                var found = await Ledger(session).LookupTransfersAsync(request, cancellationToken: cancellationToken);
                foreach (var record in found.Transfers) Printer.Transfer(record);
                Console.WriteLine($"  {request.TransferIds.Count}건 중 {found.Transfers.Count}건 찾음 / {found.Transfers.Count} of {request.TransferIds.Count} found");
                return 0;
            });

        var at = Inputs.Instant("at");
        yield return Define.Command("balance-at", "그 시각의 잔액 / an account's balance at a past instant", [account, at],
            async (parse, session, cancellationToken) =>
            {
                var instant = parse.GetValue(at);
                var balance = await Ledger(session).GetBalanceAtAsync(
                    new GetBalanceAtRequest { AccountId = parse.GetValue(account)!, At = Timestamp.FromDateTimeOffset(instant) }, cancellationToken: cancellationToken);
                Console.WriteLine($"  {Seoul.Format(Timestamp.FromDateTimeOffset(instant))} (서울 / Seoul)  잔액 / balance {Hours.Format(balance.BalanceMinutes)}");
                return 0;
            });

        var district = new Argument<string>("district") { Description = "구 / the district" };
        var trialSize = Inputs.PageSize(500);
        yield return Define.Command("trial-balance", "시산표와 공급 / a district's trial balance and supply", [district, trialSize, Inputs.PageToken, Inputs.All],
            async (parse, session, cancellationToken) =>
            {
                var request = new GetTrialBalanceRequest { DistrictId = parse.GetValue(district)!, PageSize = parse.GetValue(trialSize), PageToken = parse.GetValue(Inputs.PageToken)! };
                var first = true;
                while (true)
                {
                    var page = await Ledger(session).GetTrialBalanceAsync(request, cancellationToken: cancellationToken);
                    if (first) Printer.TrialBalance(page);
                    first = false;
                    foreach (var line in page.Accounts) Printer.Account(line);
                    if (page.NextPageToken.Length == 0) return page.TotalMinutes == 0 ? 0 : 1;
                    if (!parse.GetValue(Inputs.All))
                    {
                        Console.WriteLine($"  다음 쪽 / next page: --page-token {page.NextPageToken}");
                        return page.TotalMinutes == 0 ? 0 : 1;
                    }

                    request.PageToken = page.NextPageToken;
                }
            });

        yield return Define.Command("watch", "새 거래를 실시간으로 / print an account's new entries as they are posted, until Ctrl-C", [account],
            async (parse, session, cancellationToken) =>
            {
                using var call = Ledger(session).WatchAccount(new WatchAccountRequest { AccountId = parse.GetValue(account)! }, cancellationToken: cancellationToken);
                Console.WriteLine("  기다리는 중 / watching (Ctrl-C to stop)");
                try
                {
                    await foreach (var entry in call.ResponseStream.ReadAllAsync(cancellationToken))
                    {
                        Printer.Statement([entry.Entry]);
                    }
                }
                catch (RpcException stopped) when (stopped.StatusCode == StatusCode.Cancelled && cancellationToken.IsCancellationRequested)
                {
                }

                return 0;
            });
    }

    private static LedgerService.LedgerServiceClient Ledger(Session session) => session.Gateway.Ledger(session.Token);

    private static async Task<int> CreateAsync(Session session, string from, string to, long amount, TransferCode code, string memo, long holdSeconds, CancellationToken cancellationToken)
    {
        var request = new CreateTransfersRequest
        {
            Transfers =
            {
                new TransferToCreate
                {
                    TransferId = Guid.NewGuid().ToString(), DebitAccountId = from, CreditAccountId = to, AmountMinutes = amount, Code = code, Memo = memo,
                    HoldTimeoutSeconds = holdSeconds,
                },
            },
        };
        return Outcome((await Ledger(session).CreateTransfersAsync(request, cancellationToken: cancellationToken)).Outcomes.Single());
    }

    private static int Outcome(TransferOutcome outcome)
    {
        Printer.Outcome(outcome);
        return outcome.Result == TransferResult.Ok ? 0 : 1;
    }

    private static TransferCode Fail(System.CommandLine.Parsing.ArgumentResult result, string message)
    {
        result.AddError(message);
        return default;
    }
}
