using EPoomasi.Gateway.Hosting;
using JasperFx;
using Marten;

namespace EPoomasi.Gateway.Partners;

/// <summary>
/// Partner apps, their keys and members' grants, kept in the gateway's own schema of the ledger's
/// database. Every check reads the database, so a revoked key is refused at once by every process.
/// </summary>
public sealed class PartnerRegistry(LedgerRuntime ledger, TimeProvider time) : IHostedService, IAsyncDisposable
{
    private DocumentStore? _store;

    private DocumentStore Store => _store ?? throw new InvalidOperationException("The partner registry has not started.");

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        _store = DocumentStore.For(options =>
        {
            options.Connection(ledger.ConnectionString);
            options.DatabaseSchemaName = "gateway";
            options.AutoCreateSchemaObjects = AutoCreate.None;
            options.Schema.For<PartnerApp>().Identity(a => a.Id);
            options.Schema.For<ApiKeyRecord>().Identity(k => k.Id);
            options.Schema.For<AccessGrant>().Identity(g => g.Id).Duplicate(g => g.AppId);
        });
        await _store.Storage.ApplyAllConfiguredChangesToDatabaseAsync(AutoCreate.CreateOrUpdate);
    }

    public Task StopAsync(CancellationToken cancellationToken) => DisposeAsync().AsTask();

    public async ValueTask DisposeAsync()
    {
        if (_store is not null)
        {
            await _store.DisposeAsync();
            _store = null;
        }
    }

    /// <summary>Registers an app and issues its first key; null when the id is taken.</summary>
    public async Task<(string Key, Guid KeyId)?> RegisterAsync(string appId, string name, IReadOnlyList<string> scopes, string by, CancellationToken cancellationToken)
    {
        await using var session = Store.LightweightSession();
        if (await session.LoadAsync<PartnerApp>(appId, cancellationToken) is not null)
        {
            return null;
        }

        session.Insert(new PartnerApp { Id = appId, Name = name, Scopes = scopes, RegisteredBy = by, RegisteredAt = time.GetUtcNow() });
        var key = NewKey(session, appId);
        await session.SaveChangesAsync(cancellationToken);
        return key;
    }

    /// <summary>Issues another key; null when there is no such app.</summary>
    public async Task<(string Key, Guid KeyId)?> IssueKeyAsync(string appId, CancellationToken cancellationToken)
    {
        await using var session = Store.LightweightSession();
        if (await session.LoadAsync<PartnerApp>(appId, cancellationToken) is null)
        {
            return null;
        }

        var key = NewKey(session, appId);
        await session.SaveChangesAsync(cancellationToken);
        return key;
    }

    /// <summary>Revokes a key: true if it was active, false if already revoked, null if unknown.</summary>
    public async Task<bool?> RevokeKeyAsync(string appId, Guid keyId, CancellationToken cancellationToken)
    {
        await using var session = Store.LightweightSession();
        var key = await session.LoadAsync<ApiKeyRecord>(keyId, cancellationToken);
        if (key is null || key.AppId != appId) return null;
        if (key.RevokedAt is not null) return false;
        session.Update(key with { RevokedAt = time.GetUtcNow() });
        await session.SaveChangesAsync(cancellationToken);
        return true;
    }

    /// <summary>The app a presented key belongs to, or null for an unknown, malformed or revoked key.</summary>
    public async Task<PartnerApp?> AuthenticateAsync(string? presented, CancellationToken cancellationToken)
    {
        if (ApiKey.Parse(presented) is not var (keyId, secret))
        {
            return null;
        }

        await using var session = Store.QuerySession();
        var key = await session.LoadAsync<ApiKeyRecord>(keyId, cancellationToken);
        if (key is null || key.RevokedAt is not null || !ApiKey.Matches(secret, key.SecretHash))
        {
            return null;
        }

        return await session.LoadAsync<PartnerApp>(key.AppId, cancellationToken);
    }

    public async Task<PartnerApp?> FindAsync(string appId, CancellationToken cancellationToken)
    {
        await using var session = Store.QuerySession();
        return await session.LoadAsync<PartnerApp>(appId, cancellationToken);
    }

    /// <summary>Grants or changes access; false when exactly this grant already stood.</summary>
    public async Task<bool> GrantAsync(string appId, Guid accountId, IReadOnlyList<string> scopes, string by, CancellationToken cancellationToken)
    {
        await using var session = Store.LightweightSession();
        var id = AccessGrant.IdOf(appId, accountId);
        var existing = await session.LoadAsync<AccessGrant>(id, cancellationToken);
        if (existing is not null && existing.Scopes.Order().SequenceEqual(scopes.Order()))
        {
            return false;
        }

        session.Store(new AccessGrant { Id = id, AppId = appId, AccountId = accountId, Scopes = scopes, GrantedBy = by, GrantedAt = time.GetUtcNow() });
        await session.SaveChangesAsync(cancellationToken);
        return true;
    }

    /// <summary>Withdraws access; false when there was none.</summary>
    public async Task<bool> RevokeGrantAsync(string appId, Guid accountId, CancellationToken cancellationToken)
    {
        await using var session = Store.LightweightSession();
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
    public async Task<IReadOnlyList<AccessGrant>> GrantsOfAsync(string appId, CancellationToken cancellationToken)
    {
        await using var session = Store.QuerySession();
        return await session.Query<AccessGrant>().Where(g => g.AppId == appId).ToListAsync(cancellationToken);
    }

    private (string Key, Guid KeyId) NewKey(IDocumentSession session, string appId)
    {
        var (text, keyId, hash) = ApiKey.Create();
        session.Insert(new ApiKeyRecord { Id = keyId, AppId = appId, SecretHash = hash, IssuedAt = time.GetUtcNow() });
        return (text, keyId);
    }
}
