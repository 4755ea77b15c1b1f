namespace EPoomasi.Ledger;

/// <summary>Who caused a change: the acting identity, on whose behalf, and through which channel or app.</summary>
/// <param name="ActorId">The authenticated identity that entered the change, e.g. <c>coordinator:mapo-kim</c>.</param>
/// <param name="OnBehalfOf">The member the actor acted for, when not acting for itself.</param>
/// <param name="Channel">The app or channel it came through, e.g. <c>cli</c> or <c>partner:tool-library</c>.</param>
public sealed record Attribution(string ActorId, string? OnBehalfOf, string Channel)
{
    /// <summary>The ledger itself, for work such as expiring holds whose timeout has passed.</summary>
    public static readonly Attribution System = new("system", null, "ledger");

    /// <summary>Throws <see cref="ArgumentException"/> when the actor or channel is blank: attribution is mandatory.</summary>
    public void EnsureComplete()
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(ActorId);
        ArgumentException.ThrowIfNullOrWhiteSpace(Channel);
    }
}
