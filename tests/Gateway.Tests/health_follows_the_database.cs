using EPoomasi.LocalPostgres;
using Grpc.Health.V1;

namespace EPoomasi.Gateway.Tests;

public sealed class health_follows_the_database
{
    [Fact]
    public async Task health_turns_not_serving_while_postgres_is_stopped_and_serving_once_it_is_back()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var postgres = await PostgresCluster.StartTemporaryAsync(ct);
        var (app, channel, _) = await GatewayFixture.StartGatewayAsync(postgres.ConnectionString());
        await using var _app = app;
        using var _channel = channel;
        var health = new Health.HealthClient(channel);

        var before = (await health.CheckAsync(new HealthCheckRequest(), cancellationToken: ct)).Status;
        await postgres.StopAsync();
        var down = (await health.CheckAsync(new HealthCheckRequest(), cancellationToken: ct)).Status;
        await postgres.RestartAsync(ct);
        var after = (await health.CheckAsync(new HealthCheckRequest(), cancellationToken: ct)).Status;
        await app.StopAsync(ct);

        Assert.Equal(
            [HealthCheckResponse.Types.ServingStatus.Serving, HealthCheckResponse.Types.ServingStatus.NotServing, HealthCheckResponse.Types.ServingStatus.Serving],
            [before, down, after]);
    }
}
