namespace EPoomasi.Gateway.Limits;

/// <summary>Calls that stay open for as long as the client listens: the live feed, health watches, reflection.</summary>
public static class LongLivedCalls
{
    private static readonly HashSet<string> Paths = new(StringComparer.Ordinal)
    {
        "/epoomasi.ledger.v1.LedgerService/WatchAccount",
        "/epoomasi.exchange.v1.ExchangeService/WatchMemberEvents",
        "/grpc.health.v1.Health/Watch",
        "/grpc.reflection.v1alpha.ServerReflection/ServerReflectionInfo",
        "/grpc.reflection.v1.ServerReflection/ServerReflectionInfo",
    };

    public static bool Contains(PathString path) => path.Value is { } value && Paths.Contains(value);
}
