using EPoomasi.Ledger.Accounts.OpeningAccount;
using EPoomasi.Ledger.Administration;
using EPoomasi.Ledger.Districts.SettingTrustLimit;
using EPoomasi.Ledger.Tests.Harness;
using EPoomasi.Ledger.Transfers;
using EPoomasi.Ledger.Transfers.CreatingTransfer;

namespace EPoomasi.Ledger.Tests.Concurrency;

/// <summary>
/// After concurrent commands that PostgreSQL refused (a NUL in a district id), unrelated commands that
/// load a district sometimes failed with Npgsql's "Received unexpected backend message DataRow": a
/// pooled connection had fallen out of step with its server. Failing, succeeding and cancelled commands
/// are mixed here on the same pools, many times over; every one that should succeed must.
/// </summary>
public sealed class failed_statements_leave_pooled_connections_in_step(PostgresFixture postgres)
{
    [Fact(Timeout = TestTimeouts.Default)]
    public async Task when_refused_succeeding_and_cancelled_commands_share_the_pools()
    {
        await using var ledger = await TestLedger.CreateAsync(postgres);
        await ledger.CreateDistrictAsync("mapo");
        await ledger.CreateDistrictAsync("gangnam");
        var kim = await ledger.OpenMemberAsync("mapo", startHours: 50);
        var lee = await ledger.OpenMemberAsync("mapo");
        var unexpected = new List<Exception>();
        var random = new Random(7);

        for (var round = 0; round < 8; round++)
        {
            var work = Enumerable.Range(0, 60).Select(async i =>
            {
                try
                {
                    switch ((i + round) % 8)
                    {
                        case 0:
                            // Refused by PostgreSQL itself: text it cannot store, inside the district lock's query.
                            await Assert.ThrowsAnyAsync<Exception>(() => ledger.Admin.ExecuteAsync(
                                new SetTrustLimit("mapo", $"gang\0nam{i}", Minutes.FromHours(1), "x", TestLedger.Coordinator), CancellationToken.None));
                            break;
                        case 1:
                            Assert.Equal(AdminResult.Ok, (await ledger.Admin.ExecuteAsync(new OpenAccount(Guid.NewGuid(), "mapo", TestLedger.Coordinator), CancellationToken.None)).Result);
                            break;
                        case 2:
                            Assert.NotNull(await ledger.Reader.GetTrialBalanceAsync("mapo", CancellationToken.None));
                            break;
                        case 3:
                            var outcome = await ledger.Admin.ExecuteAsync(
                                new SetTrustLimit("mapo", "gangnam", Minutes.FromHours(10 + random.Next(5)), "pilot", TestLedger.Coordinator), CancellationToken.None);
                            Assert.Equal(AdminResult.Ok, outcome.Result);
                            break;
                        case 5:
                            // Refused by PostgreSQL on the transfer write pool: a memo it cannot store.
                            await Assert.ThrowsAnyAsync<Exception>(() => ledger.Transfers.SubmitAsync(
                                [new CreateTransfer(Guid.NewGuid(), kim, lee, new Minutes(1), TransferCode.Service, "a\0b", TestLedger.Member)], CancellationToken.None));
                            break;
                        case 6:
                            Assert.Equal(TransferResult.Ok, (await ledger.PayAsync(kim, lee, 1)).Result);
                            break;
                        case 7:
                            // A repeated id: the write pool's transaction fails on the records' key, then looks the id up.
                            var repeat = new CreateTransfer(Guid.NewGuid(), kim, lee, new Minutes(1), TransferCode.Service, "twice", TestLedger.Member);
                            Assert.Equal(TransferResult.Ok, (await ledger.SubmitOneAsync(repeat)).Result);
                            Assert.True((await ledger.SubmitOneAsync(repeat)).Replayed);
                            Assert.Single(await ledger.Reader.LookupTransfersAsync([repeat.Id], CancellationToken.None));
                            break;
                        default:
                            // Cancelled mid-flight: whatever it was doing, its connection goes back to a pool.
                            using (var soon = new CancellationTokenSource(TimeSpan.FromMilliseconds(random.Next(0, 4))))
                            {
                                try
                                {
                                    await ledger.Admin.ExecuteAsync(new OpenAccount(Guid.NewGuid(), "mapo", TestLedger.Coordinator), soon.Token);
                                    await ledger.Reader.GetTrialBalanceAsync("mapo", soon.Token);
                                }
                                catch (OperationCanceledException)
                                {
                                }
                            }

                            break;
                    }
                }
                catch (Exception exception) when (exception is not Xunit.Sdk.XunitException)
                {
                    lock (unexpected) unexpected.Add(exception);
                }
            });
            await Task.WhenAll(work);
        }

        Assert.True(unexpected.Count == 0, string.Join("\n---\n", unexpected.Take(3)));
    }
}
