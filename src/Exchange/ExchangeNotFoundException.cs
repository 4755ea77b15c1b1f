namespace EPoomasi.Exchange;

/// <summary>What a request names does not exist, or is not the caller's to see; the message says which, Korean first.</summary>
public sealed class ExchangeNotFoundException : Exception
{
    public ExchangeNotFoundException()
    {
    }

    public ExchangeNotFoundException(string message)
        : base(message)
    {
    }

    public ExchangeNotFoundException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
