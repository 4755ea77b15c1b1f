namespace EPoomasi.Gateway.Security;

/// <summary>
/// What a call acts on: groups of accounts (the caller must reach at least one account of every group)
/// and districts named outright. Found by <see cref="AuthorizationMatrix"/> from the request.
/// </summary>
public sealed record Touches(IReadOnlyList<IReadOnlyList<Guid>> AccountGroups, IReadOnlyList<string> Districts)
{
    public static readonly Touches Nothing = new([], []);

    public static Touches Accounts(IEnumerable<Guid> accounts) => new(accounts.Select(a => (IReadOnlyList<Guid>)[a]).ToList(), []);

    public static Touches District(string district) => new([], [district]);
}
