using EPoomasi.Ledger;
using Grpc.Core;

namespace EPoomasi.Gateway.Mapping;

/// <summary>
/// Who is calling, as the ledger records it. Until authentication arrives (issue 4), callers declare
/// themselves in the <c>epoomasi-actor</c>, <c>epoomasi-on-behalf-of</c> and <c>epoomasi-channel</c>
/// headers; nothing is checked, so this is attribution, not security.
/// </summary>
public static class CallerAttribution
{
    private const int MaxLength = 128;

    public static Attribution From(ServerCallContext context)
    {
        var headers = context.RequestHeaders;
        var actor = Clean(headers.GetValue("epoomasi-actor")) ?? "anonymous";
        var onBehalfOf = Clean(headers.GetValue("epoomasi-on-behalf-of"));
        var channel = Clean(headers.GetValue("epoomasi-channel")) ?? Clean(headers.GetValue("user-agent")) ?? "grpc";
        return new Attribution(actor, onBehalfOf, channel);
    }

    private static string? Clean(string? value) =>
        string.IsNullOrWhiteSpace(value) ? null : value.Trim()[..Math.Min(value.Trim().Length, MaxLength)];
}
