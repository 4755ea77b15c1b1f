using EPoomasi.Gateway.Errors;
using Grpc.Core;
using Microsoft.Extensions.Logging;

namespace EPoomasi.Gateway.Tests;

/// <summary>
/// A stream written after its caller has gone (grpc-dotnet's health service did so during the long fuzz run,
/// when a health change raced a watch's deadline) ends as CANCELLED or DEADLINE_EXCEEDED and logs no error;
/// the same failure while the caller is still there is a bug, logged as one.
/// </summary>
public sealed class a_failure_after_the_caller_left_pages_nobody
{
    [Fact(Timeout = TestTimeouts.Default)]
    public async Task a_write_after_the_deadline_is_deadline_exceeded_and_no_error()
    {
        var (interceptor, logs) = Interceptor();
        using var gone = new CancellationTokenSource();
        await gone.CancelAsync();
        var context = new Call(DateTime.UtcNow.AddSeconds(-1), gone.Token);

        var left = await Assert.ThrowsAsync<RpcException>(() => interceptor.ServerStreamingServerHandler<string, string>("watch", null!, context, CompletedWriter));
        var (present, _) = Interceptor();
        var bug = await Assert.ThrowsAsync<RpcException>(() => present.ServerStreamingServerHandler<string, string>("watch", null!, new Call(DateTime.MaxValue, CancellationToken.None), CompletedWriter));

        Assert.Equal(StatusCode.DeadlineExceeded, left.StatusCode);
        Assert.DoesNotContain(logs.Lines, line => line.StartsWith("Error", StringComparison.Ordinal));
        Assert.Equal(StatusCode.Internal, bug.StatusCode);
    }

    private static Task CompletedWriter(string request, IServerStreamWriter<string> stream, ServerCallContext context) =>
        throw new InvalidOperationException("Writing is not allowed after writer was completed.");

    private static (ErrorInterceptor Interceptor, LogCapture Logs) Interceptor()
    {
        var logs = new LogCapture();
        var factory = LoggerFactory.Create(builder => builder.AddProvider(logs).SetMinimumLevel(LogLevel.Trace));
        return (new ErrorInterceptor(factory.CreateLogger<ErrorInterceptor>(), TimeProvider.System), logs);
    }

    /// <summary>The little of a call the interceptor reads: its method, deadline and cancellation.</summary>
    private sealed class Call(DateTime deadline, CancellationToken cancellation) : ServerCallContext
    {
        protected override string MethodCore => "/grpc.health.v1.Health/Watch";
        protected override string HostCore => "localhost";
        protected override string PeerCore => "ipv4:127.0.0.1:1";
        protected override DateTime DeadlineCore => deadline;
        protected override Metadata RequestHeadersCore => [];
        protected override CancellationToken CancellationTokenCore => cancellation;
        protected override Metadata ResponseTrailersCore => [];
        protected override Status StatusCore { get; set; }
        protected override WriteOptions? WriteOptionsCore { get; set; }
        protected override AuthContext AuthContextCore => new(null, []);

        protected override ContextPropagationToken CreatePropagationTokenCore(ContextPropagationOptions? options) => throw new NotSupportedException();

        protected override Task WriteResponseHeadersAsyncCore(Metadata responseHeaders) => Task.CompletedTask;
    }
}
