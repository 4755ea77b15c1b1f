using EPoomasi.Gateway.Security;
using Grpc.Core;
using Grpc.Core.Interceptors;

namespace EPoomasi.Gateway.Resilience;

/// <summary>Sends every unary call that needs an identity (so every call that reaches the database) through <see cref="DatabaseCircuit"/>.</summary>
public sealed class CircuitInterceptor(DatabaseCircuit circuit, TimeProvider time) : Interceptor
{
    public override Task<TResponse> UnaryServerHandler<TRequest, TResponse>(
        TRequest request, ServerCallContext context, UnaryServerMethod<TRequest, TResponse> continuation)
    {
        // Health must answer while the database is down: that is what it reports.
        if (AuthorizationMatrix.For(context) is { Public: true })
        {
            return continuation(request, context);
        }

        var remaining = context.Deadline == DateTime.MaxValue ? TimeSpan.MaxValue : context.Deadline - time.GetUtcNow().UtcDateTime;
        return circuit.ExecuteAsync(_ => continuation(request, context), remaining, context.CancellationToken);
    }
}
