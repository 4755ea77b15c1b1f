namespace EPoomasi.Ledger.Partners;

/// <summary>A registered partner app.</summary>
public sealed record PartnerApp
{
    public required string Id { get; init; }

    public required string Name { get; init; }

    public required IReadOnlyList<string> Scopes { get; init; }

    public required string RegisteredBy { get; init; }

    public required DateTimeOffset RegisteredAt { get; init; }
}
