using System.Collections.Concurrent;
using EPoomasi.Contracts.Exchange.V1;
using EPoomasi.Contracts.Ledger.V1;

namespace EPoomasi.Chaos;

/// <summary>
/// What the gateways told the clients, kept to be held against the database afterwards: every batch with each item's
/// outcome, every hold step and deal step with its result, and how each can be sent again unchanged.
/// </summary>
public sealed class Acknowledged
{
    public ConcurrentBag<Batch> Batches { get; } = [];

    public ConcurrentBag<LedgerStep> LedgerSteps { get; } = [];

    public ConcurrentBag<DealStep> DealSteps { get; } = [];

    /// <summary>Holds whose post and void were sent at the same moment, near their expiry.</summary>
    public ConcurrentBag<string> RacedHolds { get; } = [];

    public ConcurrentBag<(string DealId, string Token, string AccountId)> Deals { get; } = [];

    public sealed record Batch(string Token, CreateTransfersRequest Request, IReadOnlyList<TransferOutcome> Outcomes);

    /// <summary>A post or void of a hold: the step's own id, the hold, and what it answered ("Ok", or the refusal's status and detail).</summary>
    public sealed record LedgerStep(string What, string StepId, string HoldId, string Answer, Func<CancellationToken, Task<string>> SendAgain)
    {
        public bool Done => Answer == nameof(TransferResult.Ok);
    }

    public sealed record DealStep(string What, string DealId, DealResult Result, Func<CancellationToken, Task<DealResult>> SendAgain);
}
