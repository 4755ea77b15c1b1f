using EPoomasi.Gateway.Security;
using EPoomasi.Ledger;
using Grpc.Core;

namespace EPoomasi.Gateway.Mapping;

/// <summary>
/// Who is calling, as the ledger records it: the authenticated subject, the member a coordinator acts
/// for (<c>epoomasi-on-behalf-of</c>, honoured for coordinators only) and the app or channel
/// (<c>epoomasi-channel</c>, else the user agent).
/// </summary>
public static class CallerAttribution
{
    private const int MaxLength = 128;

    public static Attribution From(ServerCallContext context)
    {
        var caller = CurrentCaller.Of(context);
        var headers = context.RequestHeaders;
        var onBehalfOf = caller.Role == Role.Coordinator ? Clean(headers.GetValue("epoomasi-on-behalf-of")) : null;
        var channel = Clean(headers.GetValue("epoomasi-channel")) ?? Clean(headers.GetValue("user-agent")) ?? "grpc";
        return new Attribution(caller.Subject, onBehalfOf, channel);
    }

    private static string? Clean(string? value) =>
        string.IsNullOrWhiteSpace(value) ? null : value.Trim()[..Math.Min(value.Trim().Length, MaxLength)];
}
