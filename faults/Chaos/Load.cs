using EPoomasi.Contracts.Exchange.V1;
using EPoomasi.Contracts.Ledger.V1;
using Grpc.Core;

namespace EPoomasi.Chaos;

/// <summary>
/// The load of a fault run: workers that send transfer batches (some linked, some across districts, some beyond a
/// floor, a cap or a trust limit), holds whose post and void race each other and their expiry, and deals whose
/// steps race each other and the scheduler. Every call goes through <see cref="Gateways"/>, which sends it again
/// under the same ids until it is answered; every answer is kept in <see cref="Acknowledged"/>.
/// </summary>
public sealed class Load(Gateways gateways, ChaosWorld world, Acknowledged acknowledged, Counters counters)
{
    // Near the gateways' timings in faults/chaos.sh: holds of 2 s swept every second, answers within 3 s, work within
    // 4 s, confirmation within 3 s. The delays land the clients' steps on either side of those edges.
    private static readonly TimeSpan HoldTimeout = TimeSpan.FromSeconds(2);

    public async Task RunAsync(int workers, TimeSpan duration, CancellationToken cancellationToken)
    {
        var until = DateTime.UtcNow + duration;
        await Task.WhenAll(Enumerable.Range(0, workers).Select(w => Task.Run(async () =>
        {
            var random = new Random(w * 7919 + Environment.TickCount);
            while (DateTime.UtcNow < until && !cancellationToken.IsCancellationRequested)
            {
                counters.Attempted();
                try
                {
                    var dice = random.Next(10);
                    await (dice < 6 ? TransfersAsync(random, cancellationToken) : dice < 8 ? HoldRaceAsync(random, cancellationToken) : DealRaceAsync(random, cancellationToken));
                }
                catch (RpcException failure) when (Gateways.Unanswered(failure))
                {
                    counters.Violation($"a call stayed unanswered for minutes: {failure.Status}");
                }
                catch (RpcException failure)
                {
                    counters.Violation($"a well-formed call was refused: {failure.Message}");
                }
            }
        }, cancellationToken)));
    }

    private (ChaosWorld.District District, string Member) Pick(Random random, ChaosWorld.District? near = null)
    {
        var district = near is not null && random.Next(10) < 7 ? near : world.Districts[random.Next(world.Districts.Count)];
        return (district, district.Members[random.Next(district.Members.Count)]);
    }

    private async Task<IReadOnlyList<TransferOutcome>> SendAsync(string token, CreateTransfersRequest request, CancellationToken cancellationToken)
    {
        var answer = await gateways.CallAsync(token, (channel, options) =>
            new LedgerService.LedgerServiceClient(channel).CreateTransfersAsync(request, options).ResponseAsync, cancellationToken);
        acknowledged.Batches.Add(new Acknowledged.Batch(token, request, answer.Outcomes));
        foreach (var outcome in answer.Outcomes) counters.Acknowledge($"transfer {outcome.Result}");
        return answer.Outcomes;
    }

    private async Task TransfersAsync(Random random, CancellationToken cancellationToken)
    {
        var (district, _) = Pick(random);
        var request = new CreateTransfersRequest();
        var count = random.Next(1, 5);
        var linked = count > 1 && random.Next(4) == 0;
        for (var i = 0; i < count; i++)
        {
            var debit = district.Members[random.Next(district.Members.Count)];
            var credit = Pick(random, district).Member;
            if (credit == debit) credit = district.Members[(district.Members.IndexOf(debit) + 1) % district.Members.Count];
            request.Transfers.Add(new TransferToCreate
            {
                TransferId = Guid.NewGuid().ToString(), DebitAccountId = debit, CreditAccountId = credit, AmountMinutes = random.Next(5, 121),
                Code = TransferCode.Service, Linked = linked && i < count - 1,
            });
        }

        await SendAsync(district.MemberToken, request, cancellationToken);
    }

    private async Task HoldRaceAsync(Random random, CancellationToken cancellationToken)
    {
        var (district, payer) = Pick(random);
        var payee = Pick(random, district).Member;
        if (payee == payer) return;
        var hold = new TransferToCreate
        {
            TransferId = Guid.NewGuid().ToString(), DebitAccountId = payer, CreditAccountId = payee, AmountMinutes = random.Next(5, 61),
            Code = TransferCode.Service, HoldTimeoutSeconds = (long)HoldTimeout.TotalSeconds,
        };
        var created = await SendAsync(district.MemberToken, new CreateTransfersRequest { Transfers = { hold } }, cancellationToken);
        if (created[0].Result != TransferResult.Ok) return;
        acknowledged.RacedHolds.Add(hold.TransferId);
        await Task.Delay(TimeSpan.FromMilliseconds(random.Next(800, 2_600)), cancellationToken);
        var post = new PostHoldRequest { PostId = Guid.NewGuid().ToString(), HoldId = hold.TransferId };
        if (random.Next(2) == 0) post.AmountMinutes = random.Next(1, (int)hold.AmountMinutes + 1);
        var @void = new VoidHoldRequest { VoidId = Guid.NewGuid().ToString(), HoldId = hold.TransferId };
        Task<string> Post(CancellationToken ct) => AnswerOf(gateways.CallAsync(district.MemberToken, async (channel, options) =>
            (await new LedgerService.LedgerServiceClient(channel).PostHoldAsync(post, options)).Outcome.Result, ct));
        Task<string> Void(CancellationToken ct) => AnswerOf(gateways.CallAsync(district.MemberToken, async (channel, options) =>
            (await new LedgerService.LedgerServiceClient(channel).VoidHoldAsync(@void, options)).Outcome.Result, ct));
        var answers = await Task.WhenAll(Post(cancellationToken), Void(cancellationToken));
        acknowledged.LedgerSteps.Add(new Acknowledged.LedgerStep("post", post.PostId, hold.TransferId, answers[0], Post));
        acknowledged.LedgerSteps.Add(new Acknowledged.LedgerStep("void", @void.VoidId, hold.TransferId, answers[1], Void));
        counters.Acknowledge($"post {answers[0]}");
        counters.Acknowledge($"void {answers[1]}");
    }

    // A post or void the ledger refuses (already posted, voided or expired) is an answer too, carried as an error status.
    private static async Task<string> AnswerOf(Task<TransferResult> step)
    {
        try
        {
            return (await step).ToString();
        }
        catch (RpcException refused) when (refused.StatusCode == StatusCode.FailedPrecondition)
        {
            return $"Refused: {refused.Status.Detail}";
        }
    }

    private async Task DealRaceAsync(Random random, CancellationToken cancellationToken)
    {
        var (receiverDistrict, receiver) = Pick(random);
        var (providerDistrict, provider) = Pick(random, receiverDistrict);
        if (provider == receiver) return;
        var amount = random.Next(10, 91);
        var propose = new ProposeDealRequest { RequestId = Guid.NewGuid().ToString(), ListingId = providerDistrict.Listings[provider], AccountId = receiver, AmountMinutes = amount };
        var proposed = await StepAsync("propose", "", receiverDistrict.MemberToken, (c, o) => new ExchangeService.ExchangeServiceClient(c).ProposeDealAsync(propose, o).ResponseAsync, r => r.Outcome, cancellationToken);
        if (proposed.Result != DealResult.Proposed) return;
        var deal = proposed.DealId;
        acknowledged.Deals.Add((deal, receiverDistrict.MemberToken, receiver));
        var scenario = random.Next(4);
        if (scenario == 0) await Task.Delay(TimeSpan.FromMilliseconds(random.Next(2_400, 3_600)), cancellationToken);
        var accept = new AcceptDealRequest { RequestId = Guid.NewGuid().ToString(), DealId = deal, AccountId = provider };
        var accepted = await StepAsync("accept", deal, providerDistrict.MemberToken, (c, o) => new ExchangeService.ExchangeServiceClient(c).AcceptDealAsync(accept, o).ResponseAsync, r => r.Outcome, cancellationToken);
        if (accepted.Result != DealResult.Accepted) return;

        var claim = new ClaimDealRequest { RequestId = Guid.NewGuid().ToString(), DealId = deal, AccountId = provider, Minutes = random.Next(1, amount + 1) };
        Task<DealOutcome> Claim() => StepAsync("claim", deal, providerDistrict.MemberToken, (c, o) => new ExchangeService.ExchangeServiceClient(c).ClaimDealAsync(claim, o).ResponseAsync, r => r.Outcome, cancellationToken);
        var cancel = new CancelDealRequest { RequestId = Guid.NewGuid().ToString(), DealId = deal, AccountId = random.Next(2) == 0 ? receiver : provider };
        var cancelToken = cancel.AccountId == receiver ? receiverDistrict.MemberToken : providerDistrict.MemberToken;
        Task<DealOutcome> Cancel() => StepAsync("cancel", deal, cancelToken, (c, o) => new ExchangeService.ExchangeServiceClient(c).CancelDealAsync(cancel, o).ResponseAsync, r => r.Outcome, cancellationToken);
        switch (scenario)
        {
            case 1:
                await Task.WhenAll(Claim(), Cancel());
                return;
            case 3:
                // Work not claimed in time: the scheduler expires the deal while its cancel is under way.
                await Task.Delay(TimeSpan.FromMilliseconds(random.Next(3_400, 4_800)), cancellationToken);
                await Cancel();
                return;
        }

        if ((await Claim()).Result != DealResult.Claimed) return;
        await Task.Delay(TimeSpan.FromMilliseconds(random.Next(2_400, 3_600)), cancellationToken);
        var confirm = new ConfirmDealRequest { RequestId = Guid.NewGuid().ToString(), DealId = deal, AccountId = receiver };
        var dispute = new DisputeDealRequest { RequestId = Guid.NewGuid().ToString(), DealId = deal, AccountId = receiver, Reason = "시간이 맞지 않아요" };
        var outcomes = await Task.WhenAll(
            StepAsync("confirm", deal, receiverDistrict.MemberToken, (c, o) => new ExchangeService.ExchangeServiceClient(c).ConfirmDealAsync(confirm, o).ResponseAsync, r => r.Outcome, cancellationToken),
            StepAsync("dispute", deal, receiverDistrict.MemberToken, (c, o) => new ExchangeService.ExchangeServiceClient(c).DisputeDealAsync(dispute, o).ResponseAsync, r => r.Outcome, cancellationToken));
        if (outcomes[1].Result != DealResult.Disputed) return;
        var ruling = (DisputeRuling)random.Next(1, 4);
        var resolve = new ResolveDisputeRequest
        {
            RequestId = Guid.NewGuid().ToString(), DistrictId = receiverDistrict.Id, DealId = deal, Ruling = ruling, Reason = "조정 / ruled",
            Minutes = ruling == DisputeRuling.PostInPart ? random.Next(1, (int)claim.Minutes + 1) : 0,
        };
        await StepAsync("resolve", deal, receiverDistrict.CoordinatorToken, (c, o) => new ExchangeService.ExchangeServiceClient(c).ResolveDisputeAsync(resolve, o).ResponseAsync, r => r.Outcome, cancellationToken);
    }

    private async Task<DealOutcome> StepAsync<TResponse>(
        string what, string deal, string token, Func<Grpc.Net.Client.GrpcChannel, CallOptions, Task<TResponse>> call, Func<TResponse, DealOutcome> outcome, CancellationToken cancellationToken)
    {
        DealOutcome answer;
        try
        {
            answer = outcome(await gateways.CallAsync(token, call, cancellationToken));
        }
        catch (RpcException failure) when (!Gateways.Unanswered(failure))
        {
            throw new RpcException(failure.Status, $"{what} of deal {(deal.Length > 0 ? deal : "(new)")}: {failure.Status.Detail}");
        }

        async Task<DealResult> SendAgain(CancellationToken ct) => outcome(await gateways.CallAsync(token, call, ct)).Result;
        acknowledged.DealSteps.Add(new Acknowledged.DealStep(what, deal.Length > 0 ? deal : answer.DealId, answer.Result, SendAgain));
        counters.Acknowledge($"{what} {answer.Result}");
        return answer;
    }
}
