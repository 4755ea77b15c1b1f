namespace EPoomasi.Exchange;

/// <summary>A request the exchange cannot take as it is; the message says why, for a person, Korean first.</summary>
public sealed class ExchangeInputException : ArgumentException
{
    public ExchangeInputException()
    {
    }

    public ExchangeInputException(string message)
        : base(message)
    {
    }

    public ExchangeInputException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
