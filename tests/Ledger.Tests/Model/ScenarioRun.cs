using EPoomasi.Ledger.Tests.Harness;
using EPoomasi.Ledger.Transfers;
using EPoomasi.Ledger.Transfers.CreatingTransfer;
using EPoomasi.Ledger.Transfers.PostingHold;
using EPoomasi.Ledger.Transfers.ReversingTransfer;
using EPoomasi.Ledger.Transfers.VoidingHold;

namespace EPoomasi.Ledger.Tests.Model;

/// <summary>
/// Runs a scenario against the real ledger and the reference model side by side, failing at the first
/// step where a result or any balance differs. <see cref="AfterStep"/> lets a test check more.
/// </summary>
public sealed class ScenarioRun(TestLedger ledger, ReferenceLedger model, ulong seed)
{
    /// <summary>Called after each step with the step, the batch submitted (if any) and its outcomes.</summary>
    public Func<int, IReadOnlyList<TransferCommand>?, IReadOnlyList<TransferOutcome>?, Task>? AfterStep { get; init; }

    /// <summary>Called before each submitted batch, for tests that compare before and after.</summary>
    public Func<IReadOnlyList<TransferCommand>, Task>? BeforeSubmit { get; init; }

    /// <summary>How often the real ledger gave each result.</summary>
    public Dictionary<TransferResult, int> Seen { get; } = [];

    /// <summary>Every batch submitted so far, in order, with markers resolved.</summary>
    public List<IReadOnlyList<TransferCommand>> Batches { get; } = [];

    /// <summary>Every outcome the real ledger gave, in order.</summary>
    public List<TransferOutcome> Outcomes { get; } = [];

    public async Task RunAsync(IReadOnlyList<Op> ops)
    {
        for (var step = 0; step < ops.Count; step++)
        {
            var op = ops[step];
            IReadOnlyList<TransferCommand>? batch = null;
            IReadOnlyList<TransferOutcome>? outcomes = null;
            switch (op)
            {
                case SubmitOp submit:
                    batch = submit.Batch;
                    break;
                case RepeatOp repeat when Batches.Count > 0:
                    batch = Batches[repeat.Index % Batches.Count];
                    break;
                case AdminOp admin:
                    var outcome = await ledger.Admin.ExecuteAsync(admin.Command, CancellationToken.None);
                    Same(step, op, "administration result", model.Execute(admin.Command), outcome.Result);
                    break;
                case AdvanceOp advance:
                    ledger.Clock.Advance(advance.By);
                    var expired = await ledger.Expirer.ExpireDueAsync(1_000, CancellationToken.None);
                    Same(step, op, "holds expired", model.ExpireDue(ledger.Clock.GetUtcNow()), expired);
                    break;
            }

            if (batch is not null)
            {
                batch = batch.Select(Resolve).ToList();
                Batches.Add(batch);
                if (BeforeSubmit is not null) await BeforeSubmit(batch);
                // An item whose id already has an outcome of its own must answer it, replayed, wherever it stands.
                var promised = batch.Select(c => _firstOutcomes.TryGetValue(c.Id, out var first) && first.Command == c ? first.Outcome : null).ToList();
                outcomes = await ledger.Transfers.SubmitAsync(batch, CancellationToken.None);
                Outcomes.AddRange(outcomes);
                for (var i = 0; i < batch.Count; i++)
                {
                    if (promised[i] is { } original)
                    {
                        Same(step, op, $"item {i} ({batch[i].Id}), decided before", (original.Result, true), (outcomes[i].Result, outcomes[i].Replayed));
                    }
                    else if (outcomes[i] is { Replayed: false, Record: { } own } && own.Id == batch[i].Id)
                    {
                        _firstOutcomes.TryAdd(batch[i].Id, (batch[i], outcomes[i]));
                    }
                }

                var expected = model.Submit(batch, ledger.Clock.GetUtcNow());
                Same(step, op, "results", string.Join(",", expected), string.Join(",", outcomes.Select(o => o.Result)));
                foreach (var outcome in outcomes)
                {
                    Seen[outcome.Result] = Seen.GetValueOrDefault(outcome.Result) + 1;
                }
            }

            await CompareAccountsAsync(step, op);
            if (AfterStep is not null) await AfterStep(step, batch, outcomes);
        }

        await CompareLookupsAsync(ops.Count);
        await CompareStatementsAsync(ops.Count);
    }

    // Every id ever submitted: the ledger remembers exactly the ids the model does, each with its fields.
    private async Task CompareLookupsAsync(int step)
    {
        var ids = Batches.SelectMany(b => b).Select(c => c.Id).Where(id => id != Guid.Empty).Distinct().ToList();
        var real = new Dictionary<Guid, TransferRecord>();
        foreach (var chunk in ids.Chunk(LedgerLimits.MaxLookupIds))
        {
            foreach (var record in await ledger.Reader.LookupTransfersAsync(chunk, CancellationToken.None)) real[record.Id] = record;
        }

        var end = new AfterTheLastStep();
        Same(step, end, "ids remembered", string.Join(",", model.Records.Keys.Order()), string.Join(",", real.Keys.Order()));
        foreach (var (id, expected) in model.Records)
        {
            var actual = real[id];
            Same(step, end, $"lookup of {id} (result, kind)", (expected.Result, expected.Kind), (actual.Result, actual.Kind));
            if (expected.Result != TransferResult.Ok) continue;
            Same(step, end, $"lookup of {id} (debit, credit, hold state, reversed)",
                (expected.Debit, expected.Credit, expected.HoldState, expected.Reversed),
                (actual.DebitAccountId, actual.CreditAccountId, actual.HoldState, actual.ReversedByTransferId is not null));
            if (expected.Kind != TransferKind.HoldVoid)
            {
                Same(step, end, $"lookup of {id} (amount, code)", (expected.Amount, expected.Code), (actual.AmountMinutes.Value, actual.Code));
            }
        }
    }

    // Every account's statement, line by line: which transfer, which side, how much, the balance after,
    // the other side of the leg and the code.
    private async Task CompareStatementsAsync(int step)
    {
        var end = new AfterTheLastStep();
        foreach (var account in model.Accounts.Values)
        {
            var lines = new List<ReferenceLedger.ModelEntry>();
            long after = 0;
            while (true)
            {
                var page = (await ledger.Reader.GetStatementAsync(account.Id, after, LedgerLimits.MaxStatementPageSize, CancellationToken.None))!;
                lines.AddRange(page.Entries.Select(e => new ReferenceLedger.ModelEntry(
                    e.TransferId, e.Side, e.AmountMinutes.Value, e.BalanceAfterMinutes.Value, e.CounterpartyAccountId, e.Code)));
                if (page.NextCursor is not { } next) break;
                after = next;
            }

            Same(step, end, $"statement of {account.Id}", string.Join("\n", account.Entries), string.Join("\n", lines));
        }
    }

    // The first outcome of each id, with the command that got it.
    private readonly Dictionary<Guid, (TransferCommand Command, TransferOutcome Outcome)> _firstOutcomes = [];

    private readonly List<Guid> _holds = [];
    private readonly List<Guid> _transfers = [];

    // Replaces the generator's "k-th most recent hold / transfer" markers with real ids, and notes
    // what this command creates for later markers. Deterministic for a given scenario.
    private TransferCommand Resolve(TransferCommand command)
    {
        var resolved = command switch
        {
            PostHold post => post with { HoldId = Recent(post.HoldId) },
            VoidHold @void => @void with { HoldId = Recent(@void.HoldId) },
            ReverseTransfer reverse => reverse with { TransferId = Recent(reverse.TransferId) },
            _ => command,
        };
        switch (resolved)
        {
            case CreateTransfer { IsHold: true } hold:
                _holds.Add(hold.Id);
                break;
            case CreateTransfer or PostHold:
                _transfers.Add(resolved.Id);
                break;
        }

        return resolved;
    }

    private Guid Recent(Guid id)
    {
        for (var k = 0; k < 8; k++)
        {
            if (id == Scenarios.RecentHold(k)) return _holds.Count == 0 ? id : _holds[^(k % _holds.Count + 1)];
            if (id == Scenarios.RecentTransfer(k)) return _transfers.Count == 0 ? id : _transfers[^(k % _transfers.Count + 1)];
        }

        return id;
    }

    private async Task CompareAccountsAsync(int step, Op op)
    {
        var real = (await ledger.Reader.GetAccountsAsync(model.Accounts.Keys.ToList(), CancellationToken.None)).ToDictionary(a => a.Id);
        foreach (var expected in model.Accounts.Values)
        {
            var actual = real[expected.Id];
            Same(step, op, $"account {expected.Id} (balance, pending debits, pending credits, status, floor, cap)",
                (expected.Balance, expected.PendingDebits, expected.PendingCredits, expected.Status, expected.Floor, expected.Cap),
                (actual.Balance.Value, actual.DebitsPending.Value, actual.CreditsPending.Value, actual.Status, actual.Floor.Value, actual.Cap.Value));
        }
    }

    private void Same<T>(int step, Op op, string what, T expected, T actual)
    {
        if (!EqualityComparer<T>.Default.Equals(expected, actual))
        {
            Assert.Fail($"Seed {seed}, step {step} ({op}): {what} differ.\n  model:  {expected}\n  ledger: {actual}");
        }
    }
}
