using EPoomasi.Contracts.Ledger.V1;
using EPoomasi.Ledger;
using Npgsql;

namespace EPoomasi.Gateway.Tests;

/// <summary>
/// A database of an older storage layout (the layout-3 fixture): a gateway told not to migrate at start
/// refuses it with what to do, the gateway's <c>migrate</c> command carries it forward, and then the gateway
/// serves it and its books prove out.
/// </summary>
public sealed class an_operator_migrates_explicitly_or_at_start(GatewayFixture gateway)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact(Timeout = TestTimeouts.Lengthy)]
    public async Task a_gateway_that_does_not_migrate_at_start_says_so_and_migrate_does_it()
    {
        var name = $"layout3_{Guid.NewGuid():N}";
        await gateway.Postgres.CreateDatabaseAsync(name, null, Ct);
        var connectionString = gateway.Postgres.ConnectionString(name);
        await using (var connection = new NpgsqlConnection(connectionString))
        {
            await connection.OpenAsync(Ct);
            await using var restore = new NpgsqlCommand(await File.ReadAllTextAsync(Path.Combine(AppContext.BaseDirectory, "Fixtures", "Layout3", "ledger.sql"), Ct), connection);
            await restore.ExecuteNonQueryAsync(Ct);
        }

        var refusal = await Assert.ThrowsAsync<StorageLayoutException>(() => GatewayFixture.StartGatewayAsync(connectionString, "--Ledger:MigrateAtStart=false"));
        Assert.Contains("migrate", refusal.Message, StringComparison.Ordinal);

        Assert.Equal(0, GatewayApp.Run(["migrate", $"--Ledger:ConnectionString={connectionString}", "--Logging:LogLevel:Default=Critical"]));

        var (app, channel, _) = await GatewayFixture.StartGatewayAsync(connectionString, "--Ledger:MigrateAtStart=false");
        await using (app)
        using (channel)
        {
            var audit = new AuditService.AuditServiceClient(GatewayFixture.As(channel, GatewayFixture.Auditor));
            var rebuilt = await audit.RebuildProjectionsAsync(new RebuildProjectionsRequest(), cancellationToken: Ct);
            Assert.True(rebuilt.Agrees, rebuilt.FirstDifference?.ToString());
            Assert.True(rebuilt.RowsCompared["transfers"] > 20);
            await app.StopAsync(Ct);
        }
    }
}
