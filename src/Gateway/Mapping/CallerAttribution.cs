using EPoomasi.Gateway.Security;
using EPoomasi.Ledger;
using Grpc.Core;

namespace EPoomasi.Gateway.Mapping;

/// <summary>
/// Who is calling, as the ledger writes it into every event: the authenticated subject (a partner app's is
/// <c>partner:{app}</c>), the member acted for (a partner's member token, or a coordinator's
/// <c>epoomasi-on-behalf-of</c> header) and the channel (the partner app, else <c>epoomasi-channel</c>,
/// else the user agent).
/// </summary>
public static class CallerAttribution
{
    private const int MaxLength = 128;

    public static Attribution From(ServerCallContext context)
    {
        var caller = CurrentCaller.Of(context);
        var headers = context.RequestHeaders;
        var onBehalfOf = caller.Role == Role.Coordinator ? Clean(headers.GetValue("epoomasi-on-behalf-of")) : caller.OnBehalfOf;
        var channel = caller.Role == Role.PartnerApp
            ? caller.Subject
            : Clean(headers.GetValue("epoomasi-channel")) ?? Clean(headers.GetValue("user-agent")) ?? "grpc";
        return new Attribution(caller.Subject, onBehalfOf, channel);
    }

    private static string? Clean(string? value) =>
        string.IsNullOrWhiteSpace(value) ? null : value.Trim()[..Math.Min(value.Trim().Length, MaxLength)];
}
