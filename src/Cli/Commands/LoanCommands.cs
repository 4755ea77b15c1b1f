using System.CommandLine;
using EPoomasi.Contracts.Exchange.V1;

namespace EPoomasi.Cli.Commands;

/// <summary>Lending things: the fee moves and the deposit is held on handover; the deposit comes back with the thing.</summary>
internal static class LoanCommands
{
    public static Command Loan()
    {
        var loan = new Command("loan", "빌리기와 빌려주기 / borrow and lend things against a deposit");
        var account = Inputs.Account();
        var id = Inputs.Id("loan", "대여 번호 / the loan's id");
        LoanService.LoanServiceClient Loans(Session session) => session.Gateway.Loans(session.Token);
        string Id() => Guid.NewGuid().ToString();

        var listing = Inputs.Id("listing", "빌려주기 목록 번호 / the loan listing's id");
        var days = new Argument<int>("days")
        {
            Description = "빌리는 기간(일) / how many days, 1 to 60",
            CustomParser = result => int.TryParse(result.Tokens.Single().Value, out var n) && n is >= 1 and <= 60 ? n : Fail<int>(result, "<days>: 1~60일 / 1 to 60 days."),
        };
        loan.Subcommands.Add(Define.Command("request", "빌리기 요청 / ask to borrow a thing", [listing, days, account],
            async (parse, session, ct) => Outcome((await Loans(session).RequestLoanAsync(new RequestLoanRequest
            {
                RequestId = Id(), ListingId = parse.GetValue(listing)!, AccountId = session.Account(parse.GetValue(account)), Days = parse.GetValue(days),
            }, cancellationToken: ct)).Outcome)));

        foreach (var (name, description, step) in new (string, string, Func<LoanService.LoanServiceClient, string, string, CancellationToken, Task<LoanOutcome>>)[]
        {
            ("accept", "빌려주기로 함 (빌려주는 쪽) / agree to lend (lender)",
                async (c, loanId, who, ct) => (await c.AcceptLoanAsync(new AcceptLoanRequest { RequestId = Id(), LoanId = loanId, AccountId = who }, cancellationToken: ct)).Outcome),
            ("decline", "거절 (빌려주는 쪽) / decline (lender)",
                async (c, loanId, who, ct) => (await c.DeclineLoanAsync(new DeclineLoanRequest { RequestId = Id(), LoanId = loanId, AccountId = who }, cancellationToken: ct)).Outcome),
            ("cancel", "건네기 전 취소 / cancel before the handover",
                async (c, loanId, who, ct) => (await c.CancelLoanAsync(new CancelLoanRequest { RequestId = Id(), LoanId = loanId, AccountId = who }, cancellationToken: ct)).Outcome),
            ("hand-over", "건넴: 대여료 지급, 보증금 보류 (빌려주는 쪽) / hand over: the fee is paid and the deposit held (lender)",
                async (c, loanId, who, ct) => (await c.HandOverLoanAsync(new HandOverLoanRequest { RequestId = Id(), LoanId = loanId, AccountId = who }, cancellationToken: ct)).Outcome),
            ("return", "돌려받음: 보증금 해제 (빌려주는 쪽) / got it back in order: the deposit is released (lender)",
                async (c, loanId, who, ct) => (await c.ReturnLoanAsync(new ReturnLoanRequest { RequestId = Id(), LoanId = loanId, AccountId = who }, cancellationToken: ct)).Outcome),
            ("confirm", "보증금 청구에 동의 (빌린 쪽) / accept the lender's claim on the deposit (borrower)",
                async (c, loanId, who, ct) => (await c.ConfirmDepositClaimAsync(new ConfirmDepositClaimRequest { RequestId = Id(), LoanId = loanId, AccountId = who }, cancellationToken: ct)).Outcome),
        })
        {
            loan.Subcommands.Add(Define.Command(name, description, [id, account],
                async (parse, session, ct) => Outcome(await step(Loans(session), parse.GetValue(id)!, session.Account(parse.GetValue(account)), ct))));
        }

        var amount = Inputs.Amount("minutes", "보증금에서 청구할 시간 / the minutes of the deposit claimed");
        var reason = Inputs.Reason();
        loan.Subcommands.Add(Define.Command("claim", "파손·분실로 보증금 청구 (빌려주는 쪽) / claim some or all of the deposit: damaged or not returned (lender)", [id, amount, reason, account],
            async (parse, session, ct) => Outcome((await Loans(session).ClaimDepositAsync(new ClaimDepositRequest
            {
                RequestId = Id(), LoanId = parse.GetValue(id)!, AccountId = session.Account(parse.GetValue(account)), Minutes = parse.GetValue(amount), Reason = parse.GetValue(reason)!,
            }, cancellationToken: ct)).Outcome)));
        loan.Subcommands.Add(Define.Command("dispute", "이의 제기 / dispute: a coordinator decides", [id, reason, account],
            async (parse, session, ct) => Outcome((await Loans(session).DisputeLoanAsync(new DisputeLoanRequest
            {
                RequestId = Id(), LoanId = parse.GetValue(id)!, AccountId = session.Account(parse.GetValue(account)), Reason = parse.GetValue(reason)!,
            }, cancellationToken: ct)).Outcome)));

        var ruling = DealCommands.Ruling("결정 / the ruling: full (the deposit kept), part, or void (returned, the deposit released)");
        var part = Inputs.AmountOption("--minutes", "보증금에서 줄 시간 / the minutes of the deposit kept, for a ruling in part");
        var district = Inputs.District();
        loan.Subcommands.Add(Define.Command("resolve", "이의 결정 (코디네이터) / rule on a dispute (a coordinator of either side's district)", [id, ruling, part, reason, district],
            async (parse, session, ct) => Outcome((await Loans(session).ResolveLoanDisputeAsync(new ResolveLoanDisputeRequest
            {
                RequestId = Id(), LoanId = parse.GetValue(id)!, DistrictId = session.District(parse.GetValue(district)), Ruling = parse.GetValue(ruling),
                Minutes = parse.GetValue(part) ?? 0, Reason = parse.GetValue(reason)!,
            }, cancellationToken: ct)).Outcome)));

        loan.Subcommands.Add(Define.Command("show", "대여 보기 / show a loan", [id, account],
            async (parse, session, ct) =>
            {
                Describe((await Loans(session).GetLoanAsync(new GetLoanRequest { LoanId = parse.GetValue(id)!, AccountId = session.Account(parse.GetValue(account)) }, cancellationToken: ct)).Loan);
                return 0;
            }));

        var side = new Option<string?>("--as") { Description = "lender 또는 borrower / only loans where the account lends, or borrows" };
        side.AcceptOnlyFromAmong("lender", "borrower");
        loan.Subcommands.Add(Define.Command("list", "내 대여 / the account's loans", [side, account],
            async (parse, session, ct) =>
            {
                var sides = parse.GetValue(side) switch { "lender" => [LoanSide.Lender], "borrower" => [LoanSide.Borrower], _ => new[] { LoanSide.Lender, LoanSide.Borrower } };
                var count = 0;
                foreach (var loanSide in sides)
                {
                    var request = new ListLoansRequest { AccountId = session.Account(parse.GetValue(account)), Side = loanSide, PageSize = 100 };
                    do
                    {
                        var page = await Loans(session).ListLoansAsync(request, cancellationToken: ct);
                        foreach (var each in page.Loans)
                        {
                            var due = each.DueBack is null ? "" : $"  반납 / due {Seoul.Format(each.DueBack)}{(each.Overdue ? " (연체 / overdue)" : "")}";
                            Console.WriteLine($"  {each.LoanId}  {Printer.Label(loanSide),-8} {Printer.Label(each.Status),-10} {each.Title}{due}");
                            count++;
                        }

                        request.PageToken = page.NextPageToken;
                    }
                    while (request.PageToken.Length > 0);
                }

                Console.WriteLine($"  {count}건 / loans");
                return 0;
            }));
        return loan;
    }

    private static T Fail<T>(System.CommandLine.Parsing.ArgumentResult result, string message)
    {
        result.AddError(message);
        return default!;
    }

    private static void Describe(Loan loan)
    {
        Console.WriteLine($"  {loan.LoanId}  {Printer.Label(loan.Status)}  {loan.Title}");
        Console.WriteLine($"    빌려주는 쪽 / lender {DealCommands.Name(loan.LenderName, loan.LenderAccountId)} ({loan.LenderDistrictId}) → " +
                          $"빌린 쪽 / borrower {DealCommands.Name(loan.BorrowerName, loan.BorrowerAccountId)} ({loan.BorrowerDistrictId})");
        Console.WriteLine($"    {loan.Days}일 / days, 대여료 / fee {Hours.Format(loan.FeeMinutes)}, 보증금 / deposit {Hours.Format(loan.DepositMinutes)}" +
            (loan.DueBack is null ? "" : $"; 반납 / due back {Seoul.Format(loan.DueBack)}{(loan.Overdue ? " (연체 / overdue)" : "")}"));
        if (loan.ClaimedMinutes > 0) Console.WriteLine($"    청구 / claimed {Hours.Format(loan.ClaimedMinutes)}: {loan.ClaimReason}");
        if (loan.Status == LoanStatus.Kept) Console.WriteLine($"    보증금에서 지급 / kept of the deposit {Hours.Format(loan.KeptMinutes)}");
        if (loan.DisputeReason.Length > 0) Console.WriteLine($"    이의 / disputed by the {Printer.Label(loan.DisputedBy)}: {loan.DisputeReason}");
        if (loan.RulingReason.Length > 0) Console.WriteLine($"    결정 / {(loan.ResolvedBy.Length > 0 ? $"ruled {Printer.Label(loan.Ruling)} by {loan.ResolvedBy}" : "ended")}: {loan.RulingReason}");
    }

    private static int Outcome(LoanOutcome outcome)
    {
        var loan = outcome.Loan ?? new Loan();
        var (ok, text) = outcome.Result switch
        {
            LoanResult.Requested => (true, $"요청했습니다 / requested for {loan.Days} days: {outcome.LoanId}"),
            LoanResult.Accepted => (true, $"빌려주기로 했습니다: {Seoul.Format(loan.HandOverBy)}까지 건네 주세요 / agreed: hand it over by {Seoul.Format(loan.HandOverBy)}"),
            LoanResult.Declined => (true, "거절했습니다 / declined"),
            LoanResult.Cancelled => (true, "취소했습니다 / cancelled"),
            LoanResult.HandedOver => (true, $"건넸습니다: 대여료 {Hours.Format(loan.FeeMinutes)} 지급, 보증금 {Hours.Format(loan.DepositMinutes)} 보류 / handed over: " +
                                            $"fee paid, deposit held; due back {Seoul.Format(loan.DueBack)}"),
            LoanResult.Returned => (true, "돌려받았습니다: 보증금 해제 / returned: the deposit is released"),
            LoanResult.Claimed => (true, $"보증금에서 청구했습니다 / claimed {Hours.Format(loan.ClaimedMinutes)} of the deposit"),
            LoanResult.Kept => (true, $"보증금에서 지급되었습니다 / paid {Hours.Format(loan.KeptMinutes)} of the deposit, the rest released"),
            LoanResult.Disputed => (true, "이의를 제기했습니다: 코디네이터가 결정합니다 / disputed: a coordinator will decide"),
            LoanResult.Resolved when loan.Status == LoanStatus.Returned => (true, "결정: 반납으로 보고 보증금 해제 / ruled returned: the deposit is released"),
            LoanResult.Resolved => (true, $"결정했습니다 / ruled: {Hours.Format(loan.KeptMinutes)} of the deposit paid"),
            LoanResult.Expired => (false, "기한이 지나 만료되었습니다 / the loan expired"),
            LoanResult.NotYourTurn => (false, "이 계정이 할 차례가 아닙니다 / this step is not this account's to take"),
            LoanResult.WrongState => (false, $"지금 상태({Printer.Label(loan.Status)})에서는 할 수 없습니다 / not possible as the loan stands"),
            LoanResult.ReasonRequired => (false, "사유가 필요합니다 / a reason is required (1 to 512 characters)"),
            LoanResult.OtherDistrict => (false, "어느 쪽의 구도 아닙니다 / your district is neither side's"),
            LoanResult.BeyondDeposit => (false, "보증금보다 많이 청구할 수 없습니다 / a claim is at most the deposit"),
            LoanResult.InvalidRuling => (false, "일부 지급은 0보다 크고 보증금보다 작아야 합니다 / a ruling in part keeps more than 0 and less than the deposit"),
            LoanResult.NotFound => (false, "그런 대여가 없습니다 / no such loan"),
            LoanResult.LedgerRefused => (false, $"원장이 거절했습니다 / the ledger refused: {outcome.LedgerRefusal}"),
            _ => (false, Printer.Label(outcome.Result)),
        };
        Console.WriteLine($"  {text}{(outcome.Replayed ? " (반복 / repeated)" : "")}");
        return ok ? 0 : 1;
    }
}
