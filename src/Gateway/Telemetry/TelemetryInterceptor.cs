using Grpc.Core;
using Grpc.Core.Interceptors;

namespace EPoomasi.Gateway.Telemetry;

/// <summary>
/// Counts every call by method and the status it left with, outermost of the interceptors, so that refusals by
/// authorization, input checks and the circuit are counted as the caller saw them.
/// </summary>
public sealed class TelemetryInterceptor : Interceptor
{
    public override async Task<TResponse> UnaryServerHandler<TRequest, TResponse>(TRequest request, ServerCallContext context, UnaryServerMethod<TRequest, TResponse> continuation)
    {
        try
        {
            var response = await continuation(request, context);
            GatewayTelemetry.Answered(context.Method, context.Status.StatusCode);
            return response;
        }
        catch (Exception failure)
        {
            GatewayTelemetry.Answered(context.Method, StatusOf(failure));
            throw;
        }
    }

    public override async Task ServerStreamingServerHandler<TRequest, TResponse>(
        TRequest request, IServerStreamWriter<TResponse> responseStream, ServerCallContext context, ServerStreamingServerMethod<TRequest, TResponse> continuation)
    {
        try
        {
            await continuation(request, responseStream, context);
            GatewayTelemetry.Answered(context.Method, context.Status.StatusCode);
        }
        catch (Exception failure)
        {
            GatewayTelemetry.Answered(context.Method, StatusOf(failure));
            throw;
        }
    }

    public override async Task<TResponse> ClientStreamingServerHandler<TRequest, TResponse>(
        IAsyncStreamReader<TRequest> requestStream, ServerCallContext context, ClientStreamingServerMethod<TRequest, TResponse> continuation)
    {
        try
        {
            var response = await continuation(requestStream, context);
            GatewayTelemetry.Answered(context.Method, context.Status.StatusCode);
            return response;
        }
        catch (Exception failure)
        {
            GatewayTelemetry.Answered(context.Method, StatusOf(failure));
            throw;
        }
    }

    public override async Task DuplexStreamingServerHandler<TRequest, TResponse>(
        IAsyncStreamReader<TRequest> requestStream, IServerStreamWriter<TResponse> responseStream, ServerCallContext context, DuplexStreamingServerMethod<TRequest, TResponse> continuation)
    {
        try
        {
            await continuation(requestStream, responseStream, context);
            GatewayTelemetry.Answered(context.Method, context.Status.StatusCode);
        }
        catch (Exception failure)
        {
            GatewayTelemetry.Answered(context.Method, StatusOf(failure));
            throw;
        }
    }

    // Inside the error interceptor every failure is already an RpcException; a caller that went away is CANCELLED.
    private static StatusCode StatusOf(Exception failure) => failure switch
    {
        RpcException rpc => rpc.StatusCode,
        OperationCanceledException => StatusCode.Cancelled,
        _ => StatusCode.Unknown,
    };
}
