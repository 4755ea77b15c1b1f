using EPoomasi.LocalPostgres;
using Grpc.Health.V1;
using static Grpc.Health.V1.HealthCheckResponse.Types;

namespace EPoomasi.Gateway.Tests;

public sealed class health_follows_the_database
{
    [Fact(Timeout = TestTimeouts.Default)]
    public async Task health_turns_not_serving_while_postgres_is_stopped_and_serving_once_it_is_back()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var postgres = await PostgresCluster.StartTemporaryAsync(ct);
        var (app, channel, _) = await GatewayFixture.StartGatewayAsync(postgres.ConnectionString());
        await using var _app = app;
        using var _channel = channel;
        var health = new Health.HealthClient(channel);

        // Each state is waited for, not sampled once: on a loaded machine one check may time out.
        async Task<ServingStatus> BecomesAsync(ServingStatus wanted)
        {
            var status = ServingStatus.Unknown;
            for (var attempt = 0; attempt < 60 && status != wanted; attempt++)
            {
                status = (await health.CheckAsync(new HealthCheckRequest(), cancellationToken: ct)).Status;
                if (status != wanted) await Task.Delay(250, ct);
            }

            return status;
        }

        var before = await BecomesAsync(ServingStatus.Serving);
        await postgres.StopAsync();
        var down = await BecomesAsync(ServingStatus.NotServing);
        await postgres.RestartAsync(ct);
        var after = await BecomesAsync(ServingStatus.Serving);
        await app.StopAsync(ct);

        Assert.Equal([ServingStatus.Serving, ServingStatus.NotServing, ServingStatus.Serving], [before, down, after]);
    }
}
