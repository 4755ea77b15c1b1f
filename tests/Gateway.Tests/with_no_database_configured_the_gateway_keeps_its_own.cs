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
            GatewayFixture.QuietConsole,
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
                    DistrictId = "gaepo-test", Name = "개포 시범", NameRomanized = "Gaepo pilot", MemberFloorMinutes = -600, MemberCapMinutes = 6_000, MintBudgetMinutes = 60_000,
                }, Bearer(GatewayFixture.Administrator), cancellationToken: ct);
                await first.StopAsync(ct);
            }

            Assert.True(File.Exists(Path.Combine(dataDirectory, "PG_VERSION")));
            await using var second = GatewayApp.Create(args);
            await second.StartAsync(ct);
            using var again = GrpcChannel.ForAddress(grpc);
            var ledger = new LedgerService.LedgerServiceClient(again);
            var trial = await ledger.GetTrialBalanceAsync(new GetTrialBalanceRequest { DistrictId = "gaepo-test" }, Bearer(GatewayFixture.Auditor), cancellationToken: ct);
            var districts = await ledger.ListDistrictsAsync(new ListDistrictsRequest(), Bearer(GatewayFixture.Auditor), cancellationToken: ct);
            await second.StopAsync(ct);

            // Seoul's 25, seeded by the first start alone, and the one added.
            Assert.Equal(2, trial.Accounts.Count);
            Assert.Equal(26, districts.Districts.Count);
            Assert.Contains(districts.Districts, d => d is { DistrictId: "mapo", Name: "마포구", NameRomanized: "Mapo-gu" });
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
