using EPoomasi.Contracts.Ledger.V1;
using Grpc.Net.Client;

namespace EPoomasi.Gateway.Tests;

public sealed class with_no_database_configured_the_gateway_keeps_its_own
{
    [Fact(Timeout = TestTimeouts.Default)]
    public async Task it_starts_a_private_postgres_and_the_data_survives_a_restart()
    {
        var ct = TestContext.Current.CancellationToken;
        var dataDirectory = Path.Combine(Path.GetTempPath(), "epoomasi-embedded-" + Guid.NewGuid().ToString("N")[..8]);
        var postgresPort = GatewayFixture.FreePort();
        var grpc = new Uri($"http://127.0.0.1:{GatewayFixture.FreePort()}");
        string[] args =
        [
            "--Ledger:ConnectionString=",
            $"--Ledger:DataDirectory={dataDirectory}",
            $"--Ledger:EmbeddedPostgresPort={postgresPort}",
            $"--Kestrel:Endpoints:Grpc:Url={grpc}",
            $"--Kestrel:Endpoints:Http:Url=http://127.0.0.1:{GatewayFixture.FreePort()}",
            "--Logging:LogLevel:Default=Warning",
            .. GatewayFixture.AuthArgs,
        ];
        try
        {
            await using (var first = GatewayApp.Create(args))
            {
                await first.StartAsync(ct);
                using var channel = GrpcChannel.ForAddress(grpc);
                await new AdministrationService.AdministrationServiceClient(channel).CreateDistrictAsync(new CreateDistrictRequest
                {
                    DistrictId = "mapo", Name = "Mapo-gu", MemberFloorMinutes = -600, MemberCapMinutes = 6_000, MintBudgetMinutes = 60_000,
                }, Bearer(GatewayFixture.Administrator), cancellationToken: ct);
                await first.StopAsync(ct);
            }

            Assert.True(File.Exists(Path.Combine(dataDirectory, "PG_VERSION")));
            await using var second = GatewayApp.Create(args);
            await second.StartAsync(ct);
            using var again = GrpcChannel.ForAddress(grpc);
            var trial = await new LedgerService.LedgerServiceClient(again).GetTrialBalanceAsync(new GetTrialBalanceRequest { DistrictId = "mapo" }, Bearer(GatewayFixture.Auditor), cancellationToken: ct);
            await second.StopAsync(ct);

            Assert.Equal(2, trial.Accounts.Count);
        }
        finally
        {
            if (Directory.Exists(dataDirectory))
            {
                Directory.Delete(dataDirectory, recursive: true);
            }
        }
    }

    private static Grpc.Core.Metadata Bearer(string token) => new() { { "authorization", $"Bearer {token}" } };
}
