namespace EPoomasi.Ledger.Partners;

/// <summary>A member's permission for an app to act for one of their accounts.</summary>
public sealed record AccessGrant
{
    /// <summary><c>{app id}/{account id}</c>.</summary>
    public required string Id { get; init; }

    public required string AppId { get; init; }

    public required Guid AccountId { get; init; }

    public required IReadOnlyList<string> Scopes { get; init; }

    public required string GrantedBy { get; init; }

    public required DateTimeOffset GrantedAt { get; init; }

    public static string IdOf(string appId, Guid accountId) => $"{appId}/{accountId}";
}
