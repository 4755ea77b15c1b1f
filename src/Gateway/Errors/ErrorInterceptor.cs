using EPoomasi.Ledger;
using EPoomasi.Gateway.Hosting;
using Grpc.Core;
using Grpc.Core.Interceptors;

namespace EPoomasi.Gateway.Errors;

/// <summary>
/// The last line: whatever a handler throws leaves as a status a client can act on, never UNKNOWN.
/// Database unreachable → UNAVAILABLE (safe to retry with the same ids); lost races after the ledger's
/// own retries → ABORTED; deadline or cancellation → DEADLINE_EXCEEDED or CANCELLED; a bug → INTERNAL,
/// logged with the correlation id and never described to the client.
/// </summary>
public sealed class ErrorInterceptor(ILogger<ErrorInterceptor> logger, TimeProvider time) : Interceptor
{
    public override async Task<TResponse> UnaryServerHandler<TRequest, TResponse>(
        TRequest request, ServerCallContext context, UnaryServerMethod<TRequest, TResponse> continuation)
    {
        try
        {
            return await continuation(request, context);
        }
        catch (Exception exception) when (exception is not RpcException)
        {
            throw Translate(exception, context);
        }
    }

    public override async Task ServerStreamingServerHandler<TRequest, TResponse>(
        TRequest request, IServerStreamWriter<TResponse> responseStream, ServerCallContext context, ServerStreamingServerMethod<TRequest, TResponse> continuation)
    {
        try
        {
            await continuation(request, responseStream, context);
        }
        catch (Exception exception) when (exception is not RpcException)
        {
            throw Translate(exception, context);
        }
    }

    private static RpcException RetryLater(StatusCode code, string message, TimeSpan retryAfter) => new Google.Rpc.Status
    {
        Code = (int)code,
        Message = message,
        Details = { Google.Protobuf.WellKnownTypes.Any.Pack(new Google.Rpc.RetryInfo { RetryDelay = Google.Protobuf.WellKnownTypes.Duration.FromTimeSpan(retryAfter) }) },
    }.ToRpcException();

    private RpcException Translate(Exception exception, ServerCallContext context)
    {
        // Once the caller has gone (deadline passed, call cancelled, connection reset), whatever fails next fails
        // because of it — a command cancelled, a health update written to a stream already completed — and
        // nobody reads the answer: not a bug to page anyone about.
        if (context.CancellationToken.IsCancellationRequested)
        {
            if (exception is not OperationCanceledException) logger.FailedAfterCallerLeft(exception, context.Method);
            return context.Deadline <= time.GetUtcNow().UtcDateTime.AddMilliseconds(50)
                ? new RpcException(new Status(StatusCode.DeadlineExceeded, "The deadline passed before the ledger answered; look the ids up before retrying with new ones."))
                : new RpcException(new Status(StatusCode.Cancelled, "The call was cancelled."));
        }

        if (exception is Polly.CircuitBreaker.BrokenCircuitException broken)
        {
            var retryAfter = broken.RetryAfter ?? TimeSpan.FromSeconds(1);
            return RetryLater(StatusCode.Unavailable, $"The ledger database is unavailable and the gateway has stopped calling it for now (circuit open). Retry with the same ids in {Math.Ceiling(retryAfter.TotalSeconds)} s.", retryAfter);
        }

        if (exception is Polly.Timeout.TimeoutRejectedException)
        {
            return new RpcException(new Status(StatusCode.DeadlineExceeded, "The call ran out of time inside the gateway; look the ids up before retrying with new ones."));
        }

        if (exception is LedgerUnavailableException unavailable)
        {
            logger.DatabaseUnavailable(exception, context.Method);
            return RetryLater(StatusCode.Unavailable, unavailable.Message, TimeSpan.FromSeconds(1));
        }

        if (exception is LedgerBusyException busy)
        {
            return RetryLater(StatusCode.ResourceExhausted, busy.Message, TimeSpan.FromSeconds(1));
        }

        if (exception is ArgumentException argument)
        {
            return new RpcException(new Status(StatusCode.InvalidArgument, ErrorText.Clip(argument.Message, 1000)));
        }

        if (exception is Exchange.ExchangeRuleException rule)
        {
            return LedgerErrors.Refused(rule.Reason, ErrorText.Clip(rule.Message, 1000));
        }

        if (exception is Exchange.ExchangeNotFoundException notFound)
        {
            return new RpcException(new Status(StatusCode.NotFound, ErrorText.Clip(notFound.Message, 1000)));
        }

        if (exception is Ledger.ModuleIdReusedException)
        {
            return new RpcException(new Status(StatusCode.AlreadyExists, "This request_id was used before for a different request; use a new id for a new request, or repeat the first request unchanged."));
        }

        if (exception is LedgerConflictException conflict)
        {
            return new RpcException(new Status(StatusCode.Aborted, conflict.Message));
        }

        logger.UnexpectedFailure(exception, context.Method);
        var detail = exception is LedgerInvariantException ? "The ledger refused an operation that would break its invariants." : "An unexpected error occurred.";
        return new RpcException(new Status(StatusCode.Internal, $"{detail} It has been logged."));
    }
}
