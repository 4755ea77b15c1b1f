using Grpc.Core;
using Microsoft.Extensions.Localization;

namespace EPoomasi.WebConsole.Components;

/// <summary>What a page shows when the gateway said no: its own words for a refusal, and a plain notice when it is away.</summary>
public static class Refusals
{
    public static string Describe(RpcException failure, IStringLocalizer<Texts> texts) =>
        OutcomeUnknown(failure) ? texts["Unavailable"] : texts["Refused", failure.Status.Detail];

    /// <summary>No answer came: the step may or may not have happened, and is safe to send again under the same id.</summary>
    public static bool OutcomeUnknown(RpcException failure) =>
        failure.StatusCode is StatusCode.Unavailable or StatusCode.DeadlineExceeded or StatusCode.Cancelled;
}
