using Grpc.Core;

namespace EPoomasi.Gateway.Security;

/// <summary>The caller the authorization interceptor admitted for this call.</summary>
public static class CurrentCaller
{
    public static Caller Of(ServerCallContext context) =>
        context.GetHttpContext().Items[typeof(Caller)] as Caller
        ?? throw new InvalidOperationException($"{context.Method} ran without an admitted caller; check the authorization matrix.");
}
