using System.Threading.Channels;
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
        var waiting = Interlocked.Add(ref _waitingItems, batch.Count);
        if (waiting > _maxWaitingItems)
        {
            Interlocked.Add(ref _waitingItems, -batch.Count);
            throw new LedgerBusyException(waiting - batch.Count, _maxWaitingItems);
        }

        var pending = new Pending(batch, cancellationToken);
        using var registration = cancellationToken.Register(() => pending.Completion.TrySetCanceled(cancellationToken));
        ObjectDisposedException.ThrowIf(!_queue.Writer.TryWrite(pending), this);

        return await pending.Completion.Task;
    }

    public async ValueTask DisposeAsync()
    {
        _queue.Writer.TryComplete();
        await Task.WhenAll(_loops);
        await _stopping.CancelAsync();
        _stopping.Dispose();
    }

    private async Task WriteLoopAsync()
    {
        var reader = _queue.Reader;
        while (await reader.WaitToReadAsync())
        {
            var group = new List<Pending>();
            var items = 0;
            while (items < MaxItemsPerTransaction && reader.TryRead(out var pending))
            {
                Interlocked.Add(ref _waitingItems, -pending.Batch.Count);
                if (pending.Token.IsCancellationRequested) continue;
                group.Add(pending);
                items += pending.Batch.Count;
            }

            if (group.Count > 0)
            {
                await WriteAsync(group);
            }
        }
    }

    private async Task WriteAsync(List<Pending> group)
    {
        try
        {
            var results = await _writer.SubmitEachAsync(group.Select(p => p.Batch).ToList(), i => group[i].Token.IsCancellationRequested, _stopping.Token);
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
                var result = await _writer.SubmitEachAsync([pending.Batch], _ => pending.Token.IsCancellationRequested, _stopping.Token);
                Complete(pending, result[0]);
            }
        }
        catch (Exception exception)
        {
            // The whole transaction rolled back (or its outcome is unknown): every request in it learns why.
            foreach (var pending in group)
            {
                pending.Completion.TrySetException(exception);
            }
        }
    }

    private static void Complete(Pending pending, BatchResult result)
    {
        if (result.Failure is { } failure)
        {
            pending.Completion.TrySetException(RequestFault.Caused(failure) ? new LedgerInputException(RequestFault.Describe(failure), failure) : failure);
        }
        else if (result.Outcomes is { } decided)
        {
            pending.Completion.TrySetResult(decided);
        }
        else
        {
            pending.Completion.TrySetCanceled(pending.Token);
        }
    }

    private sealed class Pending(IReadOnlyList<TransferCommand> batch, CancellationToken token)
    {
        public IReadOnlyList<TransferCommand> Batch { get; } = batch;

        public CancellationToken Token { get; } = token;

        public TaskCompletionSource<IReadOnlyList<TransferOutcome>> Completion { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
