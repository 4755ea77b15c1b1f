using EPoomasi.Contracts.Exchange.V1;
using EPoomasi.Contracts.Ledger.V1;

namespace EPoomasi.Chaos;

/// <summary>
/// Holds what the clients were told against what the database holds, after the faults: every acknowledged transfer,
/// hold step and deal step exists once with its outcome, and sending it again answers the same; the books balance
/// for the city and each district, and clearing pairs mirror; no account is past its limits; the projections rebuild
/// equal and the chain verifies; every raced hold and every deal is in a state its steps allow, and deals agree
/// with their holds.
/// </summary>
public sealed class Verifier(Gateways gateways, ChaosWorld world, Acknowledged acknowledged, Counters counters)
{
    public Dictionary<string, long> Checked { get; } = [];

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var transfers = await LookUpAsync(cancellationToken);
        await EveryBatchAnswersAsBeforeAsync(cancellationToken);
        await EveryStepAnswersAsBeforeAsync(cancellationToken);
        await BooksBalanceWithinLimitsAsync(cancellationToken);
        await AuditsPassAsync(cancellationToken);
        RacedHoldsEndedOnce(transfers);
        await DealsAgreeWithTheirHoldsAsync(transfers, cancellationToken);
    }

    // A call answered INTERNAL or UNKNOWN is a violation already counted by Gateways; the rest of the checks still run.
    private static async Task Counted(Func<Task> check)
    {
        try
        {
            await check();
        }
        catch (Grpc.Core.RpcException failure) when (failure.StatusCode is Grpc.Core.StatusCode.Internal or Grpc.Core.StatusCode.Unknown)
        {
        }
    }

    private void Count(string what, long by = 1) => Checked[what] = Checked.GetValueOrDefault(what) + by;

    private static LedgerService.LedgerServiceClient Ledger(Grpc.Net.Client.GrpcChannel channel) => new(channel);

    /// <summary>Every id ever answered, looked up: found exactly once, with the outcome the client was given.</summary>
    private async Task<Dictionary<string, Transfer>> LookUpAsync(CancellationToken cancellationToken)
    {
        var told = new Dictionary<string, TransferResult>();
        foreach (var batch in acknowledged.Batches)
        {
            foreach (var outcome in batch.Outcomes) told[outcome.TransferId] = outcome.Result;
        }

        foreach (var step in acknowledged.LedgerSteps.Where(s => s.Done)) told[step.StepId] = TransferResult.Ok;
        var found = new Dictionary<string, Transfer>();
        foreach (var chunk in told.Keys.Chunk(1_000))
        {
            var request = new LookupTransfersRequest { TransferIds = { chunk } };
            var answer = await gateways.CallAsync(world.AuditorToken, (c, o) => Ledger(c).LookupTransfersAsync(request, o).ResponseAsync, cancellationToken);
            foreach (var transfer in answer.Transfers)
            {
                if (!found.TryAdd(transfer.TransferId, transfer)) counters.Violation($"transfer {transfer.TransferId} was found twice");
            }
        }

        foreach (var (id, result) in told)
        {
            Count("ids looked up");
            if (!found.TryGetValue(id, out var transfer))
            {
                // Items refused only because a linked sibling failed are not remembered, by design (docs/ledger.md,
                // idempotency): their one outcome is the one sending the batch again gives, checked below.
                if (result is TransferResult.LinkedEventFailed or TransferResult.LinkedEventChainOpen) Count("ids refused with their chain, not remembered");
                else counters.Violation($"transfer {id} was answered {result}, yet the ledger has no outcome for it");
            }
            else if (transfer.Result != result) counters.Violation($"transfer {id} was answered {result}, yet the ledger holds {transfer.Result}");
        }

        return found;
    }

    private async Task EveryBatchAnswersAsBeforeAsync(CancellationToken cancellationToken)
    {
        await Parallel.ForEachAsync(acknowledged.Batches, new ParallelOptions { MaxDegreeOfParallelism = 16, CancellationToken = cancellationToken }, async (batch, ct) => await Counted(async () =>
        {
            var again = await gateways.CallAsync(batch.Token, (c, o) => Ledger(c).CreateTransfersAsync(batch.Request, o).ResponseAsync, ct);
            for (var i = 0; i < batch.Outcomes.Count; i++)
            {
                var before = batch.Outcomes[i];
                var now = again.Outcomes[i];
                // An item refused with its chain was not remembered, so it is decided again, as the first time.
                var remembered = before.Result is not (TransferResult.LinkedEventFailed or TransferResult.LinkedEventChainOpen);
                if (now.TransferId != before.TransferId || now.Result != before.Result || now.Replayed != remembered)
                {
                    counters.Violation($"batch item {before.TransferId} answered {before.Result}, sent again it answers {now.Result} (replayed: {now.Replayed})");
                }
            }
        }));
        Count("batches sent again", acknowledged.Batches.Count);
    }

    private async Task EveryStepAnswersAsBeforeAsync(CancellationToken cancellationToken)
    {
        await Parallel.ForEachAsync(acknowledged.LedgerSteps, new ParallelOptions { MaxDegreeOfParallelism = 16, CancellationToken = cancellationToken }, async (step, ct) => await Counted(async () =>
        {
            var now = await step.SendAgain(ct);
            if (now != step.Answer) counters.Violation($"{step.What} {step.StepId} of hold {step.HoldId} answered {step.Answer}, sent again {now}");
        }));
        await Parallel.ForEachAsync(acknowledged.DealSteps, new ParallelOptions { MaxDegreeOfParallelism = 16, CancellationToken = cancellationToken }, async (step, ct) => await Counted(async () =>
        {
            var now = await step.SendAgain(ct);
            if (now != step.Result) counters.Violation($"{step.What} of deal {step.DealId} answered {step.Result}, sent again {now}");
        }));
        Count("hold steps sent again", acknowledged.LedgerSteps.Count);
        Count("deal steps sent again", acknowledged.DealSteps.Count);
    }

    /// <summary>Every district of the database, not only the run's: the fuzzer's and the demo's books must balance too.</summary>
    private async Task BooksBalanceWithinLimitsAsync(CancellationToken cancellationToken)
    {
        var districts = await gateways.CallAsync(world.AuditorToken, (c, o) => Ledger(c).ListDistrictsAsync(new ListDistrictsRequest(), o).ResponseAsync, cancellationToken);
        var city = 0L;
        var clearing = new Dictionary<(string From, string To), long>();
        foreach (var district in districts.Districts)
        {
            var sum = 0L;
            var token = "";
            do
            {
                var request = new GetTrialBalanceRequest { DistrictId = district.DistrictId, PageSize = 500, PageToken = token };
                var page = await gateways.CallAsync(world.AuditorToken, (c, o) => Ledger(c).GetTrialBalanceAsync(request, o).ResponseAsync, cancellationToken);
                if (token.Length == 0 && page.TotalMinutes != 0) counters.Violation($"district {district.DistrictId} reports a total of {page.TotalMinutes} minutes");
                foreach (var account in page.Accounts)
                {
                    Count("accounts checked");
                    sum += account.BalanceMinutes;
                    if (account.Kind == AccountKind.Clearing) clearing[(district.DistrictId, account.CounterpartDistrictId)] = account.BalanceMinutes;
                    if (account.Kind == AccountKind.Member && (account.BalanceMinutes - account.PendingDebitsMinutes < account.FloorMinutes
                        || account.BalanceMinutes + account.PendingCreditsMinutes > account.CapMinutes))
                    {
                        counters.Violation($"account {account.AccountId} is past its limits: {account.BalanceMinutes} with {account.PendingDebitsMinutes} pending out and {account.PendingCreditsMinutes} in, floor {account.FloorMinutes}, cap {account.CapMinutes}");
                    }

                    if (account.Kind == AccountKind.CommunityPot && account.BalanceMinutes < 0) counters.Violation($"the community pot of {district.DistrictId} is below zero");
                }

                token = page.NextPageToken;
            }
            while (token.Length > 0);
            if (sum != 0) counters.Violation($"the balances of district {district.DistrictId} sum to {sum}");
            city += sum;
            Count("districts balanced");
        }

        if (city != 0) counters.Violation($"the city's balances sum to {city}");
        foreach (var ((from, to), balance) in clearing)
        {
            Count("clearing pairs mirrored");
            if (clearing.GetValueOrDefault((to, from)) != -balance) counters.Violation($"clearing {from}→{to} is {balance}, yet {to}→{from} is {clearing.GetValueOrDefault((to, from))}");
        }
    }

    private async Task AuditsPassAsync(CancellationToken cancellationToken)
    {
        var audit = (Grpc.Net.Client.GrpcChannel c) => new AuditService.AuditServiceClient(c);
        var rebuilt = await gateways.CallAsync(world.AuditorToken, (c, o) => audit(c).RebuildProjectionsAsync(new RebuildProjectionsRequest(), o.WithDeadline(DateTime.UtcNow.AddMinutes(5))).ResponseAsync, cancellationToken);
        if (!rebuilt.Agrees) counters.Violation($"the projections differ from their rebuild: {rebuilt.FirstDifference}");
        Count("events folded in the rebuild", rebuilt.EventsRead);
        var verified = await gateways.CallAsync(world.AuditorToken, (c, o) => audit(c).VerifyJournalAsync(new VerifyJournalRequest(), o.WithDeadline(DateTime.UtcNow.AddMinutes(5))).ResponseAsync, cancellationToken);
        if (!verified.Holds) counters.Violation($"the journal's chain is broken: {verified.FirstBreak}");
        Count("journal rows verified", verified.VerifiedRows);
    }

    /// <summary>A raced hold ends exactly as its steps say: posted if a post won, voided if a void won, expired if neither.</summary>
    private void RacedHoldsEndedOnce(Dictionary<string, Transfer> transfers)
    {
        var steps = acknowledged.LedgerSteps.ToLookup(s => s.HoldId);
        foreach (var hold in acknowledged.RacedHolds)
        {
            Count("raced holds checked");
            var posted = steps[hold].Any(s => s.What == "post" && s.Done);
            var voided = steps[hold].Any(s => s.What == "void" && s.Done);
            var state = transfers.TryGetValue(hold, out var record) ? record.HoldState : HoldState.Unspecified;
            var expected = posted ? HoldState.Posted : voided ? HoldState.Voided : HoldState.Expired;
            if (posted && voided) counters.Violation($"hold {hold} was both posted and voided");
            else if (state != expected) counters.Violation($"hold {hold} is {state}, yet its steps say {expected}");
        }
    }

    private async Task DealsAgreeWithTheirHoldsAsync(Dictionary<string, Transfer> transfers, CancellationToken cancellationToken)
    {
        var steps = acknowledged.DealSteps.ToLookup(s => s.DealId);
        foreach (var (id, token, account) in acknowledged.Deals)
        {
            Count("deals checked");
            var deal = (await gateways.CallAsync(token, (c, o) => new ExchangeService.ExchangeServiceClient(c).GetDealAsync(new GetDealRequest { DealId = id, AccountId = account }, o).ResponseAsync, cancellationToken)).Deal;
            var won = steps[id].Select(s => s.Result).ToHashSet();
            if (won.Contains(DealResult.Cancelled) && won.Contains(DealResult.Claimed)) counters.Violation($"deal {id} was both cancelled and claimed");
            if (won.Contains(DealResult.Settled) && won.Contains(DealResult.Disputed)) counters.Violation($"deal {id} was both confirmed and disputed");
            if (won.Contains(DealResult.Cancelled) && deal.Status != DealStatus.Cancelled) counters.Violation($"deal {id} was cancelled, yet it is {deal.Status}");
            if (won.Contains(DealResult.Settled) && deal.Status != DealStatus.Settled) counters.Violation($"deal {id} was confirmed, yet it is {deal.Status}");
            var hold = deal.HoldId.Length == 0 ? HoldState.Unspecified : transfers.TryGetValue(deal.HoldId, out var known) ? known.HoldState : await HoldStateAsync(deal.HoldId, cancellationToken);
            var agrees = deal.Status switch
            {
                DealStatus.Proposed or DealStatus.Declined => hold == HoldState.Unspecified,
                DealStatus.Accepted or DealStatus.Claimed or DealStatus.Disputed => hold == HoldState.Pending,
                DealStatus.Settled => deal.PaidMinutes > 0 ? hold == HoldState.Posted : hold == HoldState.Voided,
                DealStatus.Cancelled or DealStatus.Expired => hold is HoldState.Unspecified or HoldState.Voided,
                _ => false,
            };
            Count($"deals {deal.Status}");
            if (!agrees) counters.Violation($"deal {id} is {deal.Status} (paid {deal.PaidMinutes}), yet its hold is {hold}");
        }
    }

    private async Task<HoldState> HoldStateAsync(string hold, CancellationToken cancellationToken)
    {
        var request = new LookupTransfersRequest { TransferIds = { hold } };
        var found = await gateways.CallAsync(world.AuditorToken, (c, o) => Ledger(c).LookupTransfersAsync(request, o).ResponseAsync, cancellationToken);
        return found.Transfers.SingleOrDefault()?.HoldState ?? HoldState.Unspecified;
    }
}
