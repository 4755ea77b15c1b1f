using Grpc.Core;
using Grpc.Net.Client;

namespace EPoomasi.Chaos;

/// <summary>
/// Every gateway of the run, and the one way the harness calls them: as a careful client does. A call nobody
/// answered (the gateway died, the database was away, the write queue was full, the deadline passed) is sent again,
/// unchanged and under the same ids, to the next gateway, until somebody answers it.
/// </summary>
public sealed class Gateways(IReadOnlyList<Uri> addresses, Counters counters) : IDisposable
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(5);

    // Long enough to outlast a database restart and a killed gateway's restart several times over.
    private static readonly TimeSpan GiveUpAfter = TimeSpan.FromMinutes(3);

    private readonly GrpcChannel[] _channels = [.. addresses.Select(a => GrpcChannel.ForAddress(a))];

    public int Count => _channels.Length;

    /// <summary>Sends the call until it is answered; what it answered, or the RpcException it answered with.</summary>
    public async Task<T> CallAsync<T>(string? token, Func<GrpcChannel, CallOptions, Task<T>> call, CancellationToken cancellationToken)
    {
        var headers = token is null ? [] : new Metadata { { "authorization", $"Bearer {token}" } };
        var first = Random.Shared.Next(_channels.Length);
        var clock = System.Diagnostics.Stopwatch.StartNew();
        for (var attempt = 0; ; attempt++)
        {
            counters.Sent();
            try
            {
                var answer = await call(_channels[(first + attempt) % _channels.Length], new CallOptions(headers, DateTime.UtcNow + Deadline, cancellationToken));
                if (attempt > 0) counters.ResolvedAfterRetrying();
                return answer;
            }
            catch (RpcException failure) when (Unanswered(failure) && !cancellationToken.IsCancellationRequested)
            {
                if (clock.Elapsed > GiveUpAfter) throw;
                counters.Retried();
                await Task.Delay(TimeSpan.FromMilliseconds(Math.Min(1_000, 50 * (1 << Math.Min(attempt, 5)))), cancellationToken);
            }
            catch (RpcException failure) when (failure.StatusCode is StatusCode.Internal or StatusCode.Unknown or StatusCode.DataLoss)
            {
                counters.Violation($"a gateway answered {failure.StatusCode}: {failure.Status.Detail}");
                throw;
            }
        }
    }

    /// <summary>
    /// Calls whose outcome the caller cannot know: the gateway went away or never answered in time, or said to come back
    /// later. A status the client made up from a broken connection carries the exception that broke it.
    /// </summary>
    public static bool Unanswered(RpcException failure) =>
        failure.StatusCode is StatusCode.Unavailable or StatusCode.DeadlineExceeded or StatusCode.Cancelled or StatusCode.ResourceExhausted
        || (failure.StatusCode is StatusCode.Internal or StatusCode.Unknown && failure.Status.DebugException is not null);

    public void Dispose()
    {
        foreach (var channel in _channels) channel.Dispose();
    }
}
