using EPoomasi.Ledger.Storage;
using JasperFx;
using Marten;

namespace EPoomasi.Ledger.Partners;

/// <summary>
/// Partner apps, their keys and members' grants, kept in a schema of their own (<c>gateway</c>) in the
/// ledger's database. Every check reads the database, so a revoked key is refused at once by every process.
/// Reached through <see cref="LedgerModule.Partners"/>; its failures are the ledger's.
/// </summary>
public sealed class PartnerRegistry : IAsyncDisposable
{
    private readonly DocumentStore _store;
    private readonly TimeProvider _time;

    private PartnerRegistry(DocumentStore store, TimeProvider time)
    {
        _store = store;
        _time = time;
    }

    internal static async Task<PartnerRegistry> OpenAsync(string connectionString, TimeProvider time)
    {
        var store = DocumentStore.For(options =>
        {
            options.Connection(FixedSizePools.Of(connectionString));
            options.DatabaseSchemaName = "gateway";
            options.AutoCreateSchemaObjects = AutoCreate.None;
            options.Schema.For<PartnerApp>().Identity(a => a.Id);
            options.Schema.For<ApiKeyRecord>().Identity(k => k.Id);
            options.Schema.For<AccessGrant>().Identity(g => g.Id).Duplicate(g => g.AppId);
        });
        try
        {
            await store.Storage.ApplyAllConfiguredChangesToDatabaseAsync(AutoCreate.CreateOrUpdate);
            return new PartnerRegistry(store, time);
        }
        catch
        {
            await store.DisposeAsync();
            throw;
        }
    }

    public ValueTask DisposeAsync() => _store.DisposeAsync();

    /// <summary>The key id of a well-formed API key, without checking it: enough to count a caller's requests before it is authenticated.</summary>
    public static Guid? KeyIdOf(string? presented) => ApiKey.Parse(presented)?.KeyId;

    /// <summary>Registers an app and issues its first key; null when the id is taken.</summary>
    public Task<(string Key, Guid KeyId)?> RegisterAsync(string appId, string name, IReadOnlyList<string> scopes, string by, CancellationToken cancellationToken) =>
        LedgerFailures.Guarded(RegisterCoreAsync(appId, name, scopes, by, cancellationToken));

    private async Task<(string Key, Guid KeyId)?> RegisterCoreAsync(string appId, string name, IReadOnlyList<string> scopes, string by, CancellationToken cancellationToken)
    {
        await using var session = _store.LightweightSession();
        if (await session.LoadAsync<PartnerApp>(appId, cancellationToken) is not null)
        {
            return null;
        }

        session.Insert(new PartnerApp { Id = appId, Name = name, Scopes = scopes, RegisteredBy = by, RegisteredAt = _time.GetUtcNow() });
        var key = NewKey(session, appId);
        await session.SaveChangesAsync(cancellationToken);
        return key;
    }

    /// <summary>Issues another key; null when there is no such app.</summary>
    public Task<(string Key, Guid KeyId)?> IssueKeyAsync(string appId, CancellationToken cancellationToken) =>
        LedgerFailures.Guarded(IssueKeyCoreAsync(appId, cancellationToken));

    private async Task<(string Key, Guid KeyId)?> IssueKeyCoreAsync(string appId, CancellationToken cancellationToken)
    {
        await using var session = _store.LightweightSession();
        if (await session.LoadAsync<PartnerApp>(appId, cancellationToken) is null)
        {
            return null;
        }

        var key = NewKey(session, appId);
        await session.SaveChangesAsync(cancellationToken);
        return key;
    }

    /// <summary>Revokes a key: true if it was active, false if already revoked, null if unknown.</summary>
    public Task<bool?> RevokeKeyAsync(string appId, Guid keyId, CancellationToken cancellationToken) =>
        LedgerFailures.Guarded(RevokeKeyCoreAsync(appId, keyId, cancellationToken));

    private async Task<bool?> RevokeKeyCoreAsync(string appId, Guid keyId, CancellationToken cancellationToken)
    {
        await using var session = _store.LightweightSession();
        var key = await session.LoadAsync<ApiKeyRecord>(keyId, cancellationToken);
        if (key is null || key.AppId != appId) return null;
        if (key.RevokedAt is not null) return false;
        session.Update(key with { RevokedAt = _time.GetUtcNow() });
        await session.SaveChangesAsync(cancellationToken);
        return true;
    }

    /// <summary>The app a presented key belongs to, or null for an unknown, malformed or revoked key.</summary>
    public Task<PartnerApp?> AuthenticateAsync(string? presented, CancellationToken cancellationToken) =>
        LedgerFailures.Guarded(AuthenticateCoreAsync(presented, cancellationToken));

    private async Task<PartnerApp?> AuthenticateCoreAsync(string? presented, CancellationToken cancellationToken)
    {
        if (ApiKey.Parse(presented) is not var (keyId, secret))
        {
            return null;
        }

        await using var session = _store.QuerySession();
        var key = await session.LoadAsync<ApiKeyRecord>(keyId, cancellationToken);
        if (key is null || key.RevokedAt is not null || !ApiKey.Matches(secret, key.SecretHash))
        {
            return null;
        }

        return await session.LoadAsync<PartnerApp>(key.AppId, cancellationToken);
    }

    public Task<PartnerApp?> FindAsync(string appId, CancellationToken cancellationToken) =>
        LedgerFailures.Guarded(FindCoreAsync(appId, cancellationToken));

    private async Task<PartnerApp?> FindCoreAsync(string appId, CancellationToken cancellationToken)
    {
        await using var session = _store.QuerySession();
        return await session.LoadAsync<PartnerApp>(appId, cancellationToken);
    }

    /// <summary>Grants or changes access; false when exactly this grant already stood.</summary>
    public Task<bool> GrantAsync(string appId, Guid accountId, IReadOnlyList<string> scopes, string by, CancellationToken cancellationToken) =>
        LedgerFailures.Guarded(GrantCoreAsync(appId, accountId, scopes, by, cancellationToken));

    private async Task<bool> GrantCoreAsync(string appId, Guid accountId, IReadOnlyList<string> scopes, string by, CancellationToken cancellationToken)
    {
        await using var session = _store.LightweightSession();
        var id = AccessGrant.IdOf(appId, accountId);
        var existing = await session.LoadAsync<AccessGrant>(id, cancellationToken);
        if (existing is not null && existing.Scopes.Order().SequenceEqual(scopes.Order()))
        {
            return false;
        }

        session.Store(new AccessGrant { Id = id, AppId = appId, AccountId = accountId, Scopes = scopes, GrantedBy = by, GrantedAt = _time.GetUtcNow() });
        await session.SaveChangesAsync(cancellationToken);
        return true;
    }

    /// <summary>Withdraws access; false when there was none.</summary>
    public Task<bool> RevokeGrantAsync(string appId, Guid accountId, CancellationToken cancellationToken) =>
        LedgerFailures.Guarded(RevokeGrantCoreAsync(appId, accountId, cancellationToken));

    private async Task<bool> RevokeGrantCoreAsync(string appId, Guid accountId, CancellationToken cancellationToken)
    {
        await using var session = _store.LightweightSession();
        var id = AccessGrant.IdOf(appId, accountId);
        if (await session.LoadAsync<AccessGrant>(id, cancellationToken) is null)
        {
            return false;
        }

        session.Delete<AccessGrant>(id);
        await session.SaveChangesAsync(cancellationToken);
        return true;
    }

    /// <summary>Every account members have granted the app, with the scopes granted for it.</summary>
    public Task<IReadOnlyList<AccessGrant>> GrantsOfAsync(string appId, CancellationToken cancellationToken) =>
        LedgerFailures.Guarded(GrantsOfCoreAsync(appId, cancellationToken));

    private async Task<IReadOnlyList<AccessGrant>> GrantsOfCoreAsync(string appId, CancellationToken cancellationToken)
    {
        await using var session = _store.QuerySession();
        return await session.Query<AccessGrant>().Where(g => g.AppId == appId).ToListAsync(cancellationToken);
    }

    private (string Key, Guid KeyId) NewKey(IDocumentSession session, string appId)
    {
        var (text, keyId, hash) = ApiKey.Create();
        session.Insert(new ApiKeyRecord { Id = keyId, AppId = appId, SecretHash = hash, IssuedAt = _time.GetUtcNow() });
        return (text, keyId);
    }
}
