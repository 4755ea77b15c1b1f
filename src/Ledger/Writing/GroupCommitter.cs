using System.Diagnostics;
using System.Threading.Channels;
using EPoomasi.Ledger.Modules;
using EPoomasi.Ledger.Storage;
using EPoomasi.Ledger.Transfers;

namespace EPoomasi.Ledger.Writing;

/// <summary>
/// Group commit for concurrent callers of one process: requests wait in a queue, and a writer loop
/// (or a few) takes everything waiting (up to <see cref="MaxItemsPerTransaction"/> items) into one
/// call of <see cref="TransferWriter"/>: one transaction, or a few at once on independent parts. Each
/// request keeps its own linked chains and outcomes; a hot account is locked once per transaction
/// instead of once per request, and one commit (one fsync) serves them all. Items of a request whose
/// caller gave up before their transaction decided are not applied.
/// The queue is bounded in items: past the bound a request is refused at once with
/// <see cref="LedgerBusyException"/> rather than held, so a flood of requests cannot grow the
/// process's memory without limit (the gateway runs with a capped heap).
/// </summary>
public sealed class GroupCommitter : IAsyncDisposable
{
    /// <summary>Most items one transaction takes from the queue.</summary>
    public const int MaxItemsPerTransaction = 2_000;

    /// <summary>
    /// Most items waiting for a transaction, by default. Measured: four requests of 8,000 transfers in
    /// flight at once kept the gateway under 300 MB resident.
    /// </summary>
    public const int DefaultMaxWaitingItems = 20_000;

    private readonly TransferWriter _writer;
    private readonly Channel<Pending> _queue = Channel.CreateUnbounded<Pending>(new UnboundedChannelOptions { SingleWriter = false });
    private readonly CancellationTokenSource _stopping = new();
    private readonly Task[] _loops;
    private readonly int _maxWaitingItems;
    private int _waitingItems;

    /// <param name="writer">The writer every transaction goes through.</param>
    /// <param name="writers">
    /// Transactions in flight at once. One by default: on the 2-core benchmark machine two writers of one
    /// process mostly queued on each other's row locks (random accounts overlap) and split the waiting
    /// requests into smaller transactions; one writer was faster in every scenario (A/B runs: spread about
    /// +8%, hot +15%, batch +18%). Several processes still write side by side, safely, through the row locks.
    /// </param>
    /// <param name="maxWaitingItems">Most items waiting for a transaction before requests are refused.</param>
    public GroupCommitter(TransferWriter writer, int writers = 1, int maxWaitingItems = DefaultMaxWaitingItems)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(writers, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxWaitingItems, LedgerLimits.MaxBatchItems);
        _writer = writer;
        _maxWaitingItems = maxWaitingItems;
        _loops = Enumerable.Range(0, writers).Select(_ => Task.Run(WriteLoopAsync)).ToArray();
        Telemetry.LedgerTelemetry.Track(this);
    }

    /// <summary>Items waiting for a transaction now: the queue's depth, an operational measure.</summary>
    public int WaitingItems => Volatile.Read(ref _waitingItems);

    /// <summary>
    /// Decides <paramref name="batch"/> in the next transaction (or transactions, on independent parts).
    /// Cancelling before they decide means nothing of the batch is applied; cancelling later leaves the
    /// outcome to be looked up by id.
    /// </summary>
    /// <exception cref="LedgerBusyException">Too many items are already waiting; nothing was applied.</exception>
    public async Task<IReadOnlyList<TransferOutcome>> SubmitAsync(IReadOnlyList<TransferCommand> batch, CancellationToken cancellationToken)
    {
        TransferWriter.Validate(batch);
        return (IReadOnlyList<TransferOutcome>)await EnqueueAsync(new Pending(batch, null, cancellationToken), batch.Count);
    }

    /// <summary>
    /// Decides a module command (and the transfers it asks for) in the next transaction, beside transfer
    /// batches and other module commands. Cancelling works as for a transfer batch.
    /// </summary>
    /// <exception cref="LedgerBusyException">Too many items are already waiting; nothing was applied.</exception>
    internal async Task<ModuleAnswer> SubmitAsync(ModuleRequest request, CancellationToken cancellationToken) =>
        (ModuleAnswer)await EnqueueAsync(new Pending([], request, cancellationToken), 1);

    private async Task<object> EnqueueAsync(Pending pending, int items)
    {
        var waiting = Interlocked.Add(ref _waitingItems, items);
        if (waiting > _maxWaitingItems)
        {
            Interlocked.Add(ref _waitingItems, -items);
            throw new LedgerBusyException(waiting - items, _maxWaitingItems);
        }

        // The caller's wait, in the caller's trace; the transaction that serves it links back to it.
        using var activity = Telemetry.LedgerTelemetry.Source.StartActivity("ledger.submit");
        activity?.SetTag("epoomasi.items", items);
        pending.Caller = activity?.Context ?? Activity.Current?.Context;
        using var registration = pending.Token.Register(() => pending.Completion.TrySetCanceled(pending.Token));
        ObjectDisposedException.ThrowIf(!_queue.Writer.TryWrite(pending), this);
        return await pending.Completion.Task;
    }

    public async ValueTask DisposeAsync()
    {
        Telemetry.LedgerTelemetry.Forget(this);
        _queue.Writer.TryComplete();
        await Task.WhenAll(_loops);
        await _stopping.CancelAsync();
        _stopping.Dispose();
    }

    private async Task WriteLoopAsync()
    {
        var reader = _queue.Reader;
        // Module commands on an entity already in the group wait for the next one: each command's transfers
        // are planned from its entity as committed, which an earlier command in the same transaction changes.
        var deferred = new Queue<Pending>();
        while (deferred.Count > 0 || await reader.WaitToReadAsync())
        {
            var group = new List<Pending>();
            var entities = new HashSet<(string, string)>();
            var carried = deferred.Count;
            var count = 0;
            while (count < MaxItemsPerTransaction && (carried-- > 0 ? deferred.TryDequeue(out var pending) : reader.TryRead(out pending)))
            {
                if (pending.Module is { } module && !entities.Add(module.Entity))
                {
                    deferred.Enqueue(pending);
                    continue;
                }

                Interlocked.Add(ref _waitingItems, -pending.Items);
                if (pending.Token.IsCancellationRequested) continue;
                group.Add(pending);
                count += pending.Items;
            }

            if (group.Count > 0)
            {
                await WriteAsync(group);
            }
        }
    }

    private async Task WriteAsync(List<Pending> group)
    {
        var links = group.Select(p => p.Caller).OfType<ActivityContext>().Select(c => new ActivityLink(c));
        using var transaction = Telemetry.LedgerTelemetry.Source.StartActivity("ledger.write_transaction", ActivityKind.Internal, parentContext: default, links: links);
        var items = group.Sum(p => p.Items);
        transaction?.SetTag("epoomasi.items", items);
        Telemetry.LedgerTelemetry.GroupCommitSize.Record(items);
        try
        {
            var results = await _writer.SubmitEachAsync(
                group.Select(p => p.Batch).ToList(), group.Select(p => p.Module).ToList(), i => group[i].Token.IsCancellationRequested, _stopping.Token);
            var alone = new List<Pending>();
            for (var i = 0; i < group.Count; i++)
            {
                if (results[i].Failure is { } failure && RequestFault.Caused(failure) && group.Count > 1) alone.Add(group[i]);
                else Complete(group[i], results[i]);
            }

            // A transaction failed for a reason that belongs to one request's data. It rolled back whole, so
            // each request in it is decided again on its own: the others get their outcomes, and only the
            // request at fault gets the failure.
            foreach (var pending in alone)
            {
                var result = await _writer.SubmitEachAsync([pending.Batch], [pending.Module], _ => pending.Token.IsCancellationRequested, _stopping.Token);
                Complete(pending, result[0]);
            }
        }
        catch (Exception exception)
        {
            // The whole transaction rolled back (or its outcome is unknown): every request in it learns why.
            transaction?.SetStatus(ActivityStatusCode.Error, exception.GetType().Name);
            foreach (var pending in group)
            {
                Waited(pending);
                pending.Completion.TrySetException(exception);
            }
        }
    }

    private static void Waited(Pending pending) =>
        Telemetry.LedgerTelemetry.GroupCommitWait.Record(Stopwatch.GetElapsedTime(pending.Enqueued).TotalMilliseconds);

    private static void Complete(Pending pending, BatchResult result)
    {
        Waited(pending);
        // A failed attempt decided nothing: the outcomes its other parts left are not answers, and some are missing.
        if (result is { Failure: null, Outcomes: { } outcomes }) Telemetry.LedgerTelemetry.Decided(outcomes);
        if (result is { Failure: null, Module.Transfers: var moduleTransfers }) Telemetry.LedgerTelemetry.Decided(moduleTransfers);
        if (result.Failure is { } failure)
        {
            pending.Completion.TrySetException(failure switch
            {
                ModuleFailedException module => module,
                _ when RequestFault.Caused(failure) => new LedgerInputException(RequestFault.Describe(failure), failure),
                _ => failure,
            });
        }
        else if (result.Module is { Refusal: { } refusal })
        {
            pending.Completion.TrySetException(refusal);
        }
        else if (((object?)result.Module ?? result.Outcomes) is { } decided)
        {
            pending.Completion.TrySetResult(decided);
        }
        else
        {
            pending.Completion.TrySetCanceled(pending.Token);
        }
    }

    // A transfer batch, or a module command (with an empty batch): one caller's request.
    private sealed class Pending(IReadOnlyList<TransferCommand> batch, ModuleRequest? module, CancellationToken token)
    {
        public IReadOnlyList<TransferCommand> Batch { get; } = batch;

        public ModuleRequest? Module { get; } = module;

        public int Items => Module is null ? Batch.Count : 1;

        public CancellationToken Token { get; } = token;

        public long Enqueued { get; } = Stopwatch.GetTimestamp();

        /// <summary>The caller's span, for the transaction's link to it.</summary>
        public ActivityContext? Caller { get; set; }

        public TaskCompletionSource<object> Completion { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
