using Google.Rpc;
using Grpc.Core;

namespace EPoomasi.Gateway.Tests;

/// <summary>What an error status says, as a client reads it.</summary>
public static class RpcErrors
{
    /// <summary>The one field an INVALID_ARGUMENT names.</summary>
    public static string FieldOf(this RpcException error) =>
        error.GetRpcStatus()!.GetDetail<BadRequest>().FieldViolations.Single().Field;

    /// <summary>Every field an INVALID_ARGUMENT names, in order.</summary>
    public static List<string> FieldsOf(this RpcException error) =>
        [.. error.GetRpcStatus()!.GetDetail<BadRequest>().FieldViolations.Select(v => v.Field)];
}
