namespace EPoomasi.Community;

/// <summary>A request the community module cannot take as it is; the message says why, for a person, Korean first.</summary>
public sealed class CommunityInputException : ArgumentException
{
    public CommunityInputException()
    {
    }

    public CommunityInputException(string message)
        : base(message)
    {
    }

    public CommunityInputException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
