using System.Threading.Channels;
using EPoomasi.Ledger.Transfers;

namespace EPoomasi.Ledger.Writing;

/// <summary>
/// Group commit for concurrent callers of one process: requests wait in a queue, and each of a few
/// writer loops takes everything waiting (up to <see cref="MaxItemsPerTransaction"/> items) into one
/// transaction of <see cref="TransferWriter"/>. Each request keeps its own linked chains and outcomes;
/// a hot account is locked once per transaction instead of once per request, and one commit (one
/// fsync) serves them all. A request whose caller gave up before its transaction decided is not applied.
/// </summary>
public sealed class GroupCommitter : IAsyncDisposable
{
    /// <summary>Most items one transaction takes from the queue.</summary>
    public const int MaxItemsPerTransaction = 2_000;

    private readonly TransferWriter _writer;
    private readonly Channel<Pending> _queue = Channel.CreateUnbounded<Pending>(new UnboundedChannelOptions { SingleWriter = false });
    private readonly CancellationTokenSource _stopping = new();
    private readonly Task[] _loops;

    /// <param name="writer">The writer every transaction goes through.</param>
    /// <param name="writers">Transactions in flight at once: while one commits, the next one gathers.</param>
    public GroupCommitter(TransferWriter writer, int writers = 2)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(writers, 1);
        _writer = writer;
        _loops = Enumerable.Range(0, writers).Select(_ => Task.Run(WriteLoopAsync)).ToArray();
    }

    /// <summary>
    /// Decides <paramref name="batch"/> in the next transaction. Cancelling before that transaction decides
    /// means nothing of the batch is applied; cancelling later leaves the outcome to be looked up by id.
    /// </summary>
    public async Task<IReadOnlyList<TransferOutcome>> SubmitAsync(IReadOnlyList<TransferCommand> batch, CancellationToken cancellationToken)
    {
        TransferWriter.Validate(batch);
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
            var outcomes = await _writer.SubmitManyAsync(group.Select(p => p.Batch).ToList(), i => group[i].Token.IsCancellationRequested, _stopping.Token);
            for (var i = 0; i < group.Count; i++)
            {
                if (outcomes[i] is { } decided) group[i].Completion.TrySetResult(decided);
                else group[i].Completion.TrySetCanceled(group[i].Token);
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

    private sealed class Pending(IReadOnlyList<TransferCommand> batch, CancellationToken token)
    {
        public IReadOnlyList<TransferCommand> Batch { get; } = batch;

        public CancellationToken Token { get; } = token;

        public TaskCompletionSource<IReadOnlyList<TransferOutcome>> Completion { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
