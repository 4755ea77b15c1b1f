using EPoomasi.Ledger.Tests.Harness;
using EPoomasi.Ledger.Transfers;
using EPoomasi.Ledger.Transfers.CreatingTransfer;
using EPoomasi.Ledger.Writing;

namespace EPoomasi.Ledger.Tests.Concurrency;

/// <summary>
/// One member's payment with a memo PostgreSQL cannot store (a NUL) once failed every request that
/// shared its group transaction: 32 of 40 valid payments answered INTERNAL. The gateway now refuses such
/// text up front; beneath it, the ledger itself decides the other requests again without the one at fault.
/// </summary>
public sealed class a_request_the_database_refuses_fails_alone(PostgresFixture postgres)
{
    [Fact(Timeout = TestTimeouts.Default)]
    public async Task and_the_requests_that_shared_its_transaction_are_decided_without_it()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var ledger = await TestLedger.CreateAsync(postgres);
        await ledger.CreateDistrictAsync("mapo");
        var kim = await ledger.OpenMemberAsync("mapo", startHours: 1);
        var park = await ledger.OpenMemberAsync("mapo", startHours: 1);
        var lee = await ledger.OpenMemberAsync("mapo");
        await using var committer = new GroupCommitter(ledger.Transfers, writers: 1);
        CreateTransfer Pay(Guid from, string memo) => new(Guid.NewGuid(), from, lee, new Minutes(1), TransferCode.Service, memo, TestLedger.Member);

        Task<IReadOnlyList<TransferOutcome>> first;
        Task<IReadOnlyList<TransferOutcome>> refused;
        List<Task<IReadOnlyList<TransferOutcome>>> valid;
        await using (var kimsRow = await AccountRowLock.TakeAsync(ledger, kim, ct))
        {
            // The writer takes the first request and waits on Kim's row; the rest queue behind it, to share the next transaction.
            first = committer.SubmitAsync([Pay(kim, "first")], CancellationToken.None);
            await WaitUntilAsync(() => committer.WaitingItems == 0 && !first.IsCompleted);
            refused = committer.SubmitAsync([Pay(park, "a\0b")], CancellationToken.None);
            valid = Enumerable.Range(0, 10).Select(_ => committer.SubmitAsync([Pay(park, "fine")], CancellationToken.None)).ToList();
            await WaitUntilAsync(() => committer.WaitingItems == 11);
            await kimsRow.ReleaseAsync(ct);
        }

        Assert.Equal(TransferResult.Ok, (await first).Single().Result);
        await Assert.ThrowsAsync<LedgerInputException>(() => refused);
        Assert.All(await Task.WhenAll(valid), o => Assert.Equal(TransferResult.Ok, o.Single().Result));
        Assert.Equal(new Minutes(11), (await ledger.AccountAsync(lee)).Balance);
    }

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        for (var attempt = 0; attempt < 400 && !condition(); attempt++)
        {
            await Task.Delay(25, TestContext.Current.CancellationToken);
        }

        Assert.True(condition(), "The queue did not reach the expected state within 10 s.");
    }
}
