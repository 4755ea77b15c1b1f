namespace EPoomasi.Gateway.Feed;

/// <summary>Response headers of an established WatchAccount stream.</summary>
public static class WatchHeaders
{
    /// <summary>The statement position the watch sends entries after: where a client resumes from, if no entry arrives first.</summary>
    public const string AfterPosition = "epoomasi-after-position";
}
