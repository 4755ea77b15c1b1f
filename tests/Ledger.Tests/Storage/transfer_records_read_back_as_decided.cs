using EPoomasi.Ledger.Tests.Harness;
using EPoomasi.Ledger.Transfers;
using EPoomasi.Ledger.Transfers.CreatingTransfer;
using EPoomasi.Ledger.Transfers.PostingHold;
using EPoomasi.Ledger.Transfers.ReversingTransfer;

namespace EPoomasi.Ledger.Tests.Storage;

public sealed class transfer_records_read_back_as_decided(PostgresFixture postgres) : LedgerTest(postgres)
{
    // Records are stored column by column; a column written in one place and read from another would only
    // show on the record of the kind that uses it. Every kind and optional field is here, read back both by
    // lookup and as the original outcome of a retried command.
    [Fact(Timeout = TestTimeouts.Default)]
    public async Task every_field_of_every_kind_of_record_survives_storage()
    {
        await Ledger.CreateDistrictAsync("gangnam");
        await Ledger.LinkDistrictsAsync("mapo", "gangnam", trustHours: 50);
        var kim = await Ledger.OpenMemberAsync("mapo", startHours: 10);
        var lee = await Ledger.OpenMemberAsync("mapo");
        var park = await Ledger.OpenMemberAsync("gangnam");
        var forKim = new Attribution("coordinator:mapo", "member:kim", "tests");

        var across = new CreateTransfer(Guid.NewGuid(), kim, park, new Minutes(45), TransferCode.Goods, "텃밭 상추 — lettuce", forKim, DealId: Guid.NewGuid());
        var hold = new CreateTransfer(Guid.NewGuid(), kim, lee, new Minutes(90), TransferCode.Service, "", TestLedger.Member, TimeSpan.FromMinutes(30));
        var pay = new CreateTransfer(Guid.NewGuid(), kim, lee, new Minutes(20), TransferCode.Service, "ride", TestLedger.Member);
        var refused = new CreateTransfer(Guid.NewGuid(), lee, kim, Minutes.FromHours(100), TransferCode.Service, "too much", TestLedger.Member);
        TransferCommand[] commands = [across, hold, pay, refused];
        var first = new List<TransferOutcome>();
        foreach (var command in commands)
        {
            first.Add(await Ledger.SubmitOneAsync(command));
        }

        var post = new PostHold(Guid.NewGuid(), hold.Id, new Minutes(60), TestLedger.Member);
        var reversal = new ReverseTransfer(Guid.NewGuid(), pay.Id, "entered twice", TestLedger.Coordinator);
        first.Add(await Ledger.SubmitOneAsync(post));
        first.Add(await Ledger.SubmitOneAsync(reversal));
        Assert.Equal([true, true, true, false, true, true], first.Select(o => o.IsOk));
        Assert.Equal(2, first[0].Record!.Legs.Count);

        // Retried, each command answers with its original record, read from storage.
        foreach (var (command, original) in commands.Append(post).Append(reversal).Zip(first))
        {
            var replayed = await Ledger.SubmitOneAsync(command);
            Assert.True(replayed.Replayed);
            AssertSameRecord(Expected(original.Record!), replayed.Record!);
        }

        var looked = await Ledger.Reader.LookupTransfersAsync(first.Select(o => o.Id).ToList(), CancellationToken.None);
        Assert.Equal(first.Select(o => Expected(o.Record!)).ToList(), looked, SameRecord);

        TransferRecord Expected(TransferRecord record) =>
            record.Id == hold.Id ? record with
            {
                HoldState = HoldState.Posted, PostedAmountMinutes = new Minutes(60), ResolvedByTransferId = post.Id, ResolvedAt = first[4].Record!.At,
            }
            : record.Id == pay.Id ? record with { ReversedByTransferId = reversal.Id }
            : record;
    }

    private static void AssertSameRecord(TransferRecord expected, TransferRecord actual) =>
        Assert.True(SameRecord(expected, actual), $"Expected {expected} with legs [{string.Join(", ", expected.Legs)}], read {actual} with legs [{string.Join(", ", actual.Legs)}].");

    // Records hold a list of legs, which record equality would compare by reference.
    private static bool SameRecord(TransferRecord? a, TransferRecord? b) =>
        a is not null && b is not null && (a with { Legs = [] }) == (b with { Legs = [] }) && a.Legs.SequenceEqual(b.Legs);
}
