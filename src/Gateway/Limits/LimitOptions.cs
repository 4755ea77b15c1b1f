namespace EPoomasi.Gateway.Limits;

/// <summary>The <c>Limits</c> configuration section: how much each kind of caller may ask.</summary>
public sealed class LimitOptions
{
    /// <summary>Requests per second a member may make (a token bucket; bursts up to twice this).</summary>
    public int MemberRequestsPerSecond { get; set; } = 20;

    /// <summary>Requests per second one partner app may make, across all the members it acts for.</summary>
    public int PartnerAppRequestsPerSecond { get; set; } = 200;

    /// <summary>Requests per second a coordinator, auditor or administrator may make.</summary>
    public int OfficialRequestsPerSecond { get; set; } = 100;

    /// <summary>Requests per second from one address without an identity (they are refused anyway, but cost work).</summary>
    public int AnonymousRequestsPerSecond { get; set; } = 10;

    /// <summary>Deadline given to calls whose client set none, in seconds.</summary>
    public int DefaultDeadlineSeconds { get; set; } = 30;

    /// <summary>Largest request message, in bytes.</summary>
    public int MaxRequestBytes { get; set; } = 4 * 1024 * 1024;

    /// <summary>
    /// Most bytes of request messages being worked on at once, across all callers; past it a request is
    /// refused unread with RESOURCE_EXHAUSTED. At least <see cref="MaxRequestBytes"/>.
    /// </summary>
    public int MaxRequestBytesInFlight { get; set; } = 8 * 1024 * 1024;
}
