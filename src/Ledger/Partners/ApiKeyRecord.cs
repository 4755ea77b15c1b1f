namespace EPoomasi.Ledger.Partners;

/// <summary>One API key of an app: only the hash of its secret is kept.</summary>
public sealed record ApiKeyRecord
{
    public required Guid Id { get; init; }

    public required string AppId { get; init; }

    /// <summary>SHA-256 of the secret part, hex.</summary>
    public required string SecretHash { get; init; }

    public required DateTimeOffset IssuedAt { get; init; }

    public DateTimeOffset? RevokedAt { get; init; }
}
