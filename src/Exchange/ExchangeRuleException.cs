namespace EPoomasi.Exchange;

/// <summary>
/// A request the exchange understood but its rules refuse as things stand (rating before the deal settled, proposing on
/// a paused listing or one's own); <see cref="Reason"/> is a stable code, the message says why, Korean first.
/// </summary>
public sealed class ExchangeRuleException : Exception
{
    public ExchangeRuleException()
    {
        Reason = "EXCHANGE_RULE";
    }

    public ExchangeRuleException(string message)
        : base(message)
    {
        Reason = "EXCHANGE_RULE";
    }

    public ExchangeRuleException(string message, Exception innerException)
        : base(message, innerException)
    {
        Reason = "EXCHANGE_RULE";
    }

    public ExchangeRuleException(string reason, string message)
        : base(message)
    {
        Reason = reason;
    }

    /// <summary>The refusal's code, e.g. LISTING_NOT_OPEN.</summary>
    public string Reason { get; }
}
