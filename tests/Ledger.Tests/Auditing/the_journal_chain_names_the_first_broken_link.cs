using System.Security.Cryptography;
using System.Text;
using EPoomasi.Ledger.Auditing.Journal;
using EPoomasi.Ledger.Tests.Harness;
using EPoomasi.Ledger.Transfers;
using EPoomasi.Ledger.Transfers.CreatingTransfer;
using EPoomasi.Ledger.Transfers.PostingHold;
using Npgsql;

namespace EPoomasi.Ledger.Tests.Auditing;

/// <summary>
/// The hash chain over the event log: once sealed, any change made to the log in SQL — a column of a row, a
/// row deleted or inserted, two payloads swapped — is found and named by its sequence number, while an
/// untouched log verifies, in full or from a link written down earlier.
/// </summary>
public sealed class the_journal_chain_names_the_first_broken_link(PostgresFixture postgres) : LedgerTest(postgres)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact(Timeout = TestTimeouts.Default)]
    public async Task an_untouched_log_verifies_in_full_and_from_a_link_written_down()
    {
        await TradeAsync();
        var first = await new JournalSealer(Ledger.Store).SealAsync(Ct);
        await TradeAsync();
        var unsealed = await new JournalVerifier(Ledger.Store).VerifyAsync(null, Ct);
        var second = await new JournalSealer(Ledger.Store).SealAsync(Ct);

        var whole = await new JournalVerifier(Ledger.Store).VerifyAsync(null, Ct);
        var onwards = await new JournalVerifier(Ledger.Store).VerifyAsync(first.Head, Ct);
        var forged = await new JournalVerifier(Ledger.Store).VerifyAsync(first.Head! with { Hash = new byte[32] }, Ct);

        Assert.True(first.SealedRows > 5);
        Assert.True(unsealed.Holds);
        Assert.True(unsealed.UnsealedRows > 0);
        Assert.Equal(await CountAsync("mt_events"), whole.VerifiedRows);
        Assert.Equal((true, 0L, second.Head), (whole.Holds, whole.UnsealedRows, whole.Head));
        Assert.Equal((true, second.SealedRows), (onwards.Holds, onwards.VerifiedRows));
        Assert.Equal(new JournalBreak(first.Head!.Sequence, JournalBreakKind.UnknownStart), forged.FirstBreak);
    }

    [Fact(Timeout = TestTimeouts.Default)]
    public async Task the_first_two_links_are_what_docs_journal_md_says()
    {
        await TradeAsync();
        await new JournalSealer(Ledger.Store).SealAsync(Ct);
        var rows = new List<(long Sequence, string Encoding)>();
        await using (var connection = new NpgsqlConnection(Ledger.ConnectionString))
        {
            await connection.OpenAsync(Ct);
            await using var command = new NpgsqlCommand("set timezone = 'UTC'; select seq_id, to_jsonb(e)::text from ledger.mt_events e order by seq_id limit 2", connection);
            await using var reader = await command.ExecuteReaderAsync(Ct);
            while (await reader.ReadAsync(Ct)) rows.Add((reader.GetInt64(0), reader.GetString(1)));
        }

        // link(n) = SHA-256(link(n-1) || SHA-256(UTF-8 of the row's jsonb text)), link(0) = 32 zero bytes.
        var first = SHA256.HashData([.. new byte[32], .. SHA256.HashData(Encoding.UTF8.GetBytes(rows[0].Encoding))]);
        var second = SHA256.HashData([.. first, .. SHA256.HashData(Encoding.UTF8.GetBytes(rows[1].Encoding))]);
        Assert.Equal(Convert.ToHexStringLower(first), Convert.ToHexStringLower(await ScalarAsync<byte[]>($"select hash from ledger.journal_links where seq_id = {rows[0].Sequence}")));
        Assert.Equal(Convert.ToHexStringLower(second), Convert.ToHexStringLower(await ScalarAsync<byte[]>($"select hash from ledger.journal_links where seq_id = {rows[1].Sequence}")));
    }

    public static TheoryData<string> EventColumns() =>
        ["seq_id", "id", "stream_id", "version", "data", "bdata", "type", "timestamp", "tenant_id", "mt_dotnet_type", "is_archived"];

    [Theory(Timeout = TestTimeouts.Default)]
    [MemberData(nameof(EventColumns))]
    public async Task a_column_changed_in_sql_is_caught_at_its_row(string column)
    {
        await TradeAsync();
        await new JournalSealer(Ledger.Store).SealAsync(Ct);
        var target = await ScalarAsync<long>("select seq_id from ledger.mt_events order by seq_id offset 3 limit 1");
        var change = column switch
        {
            "seq_id" => "seq_id = seq_id + 1000000",
            "id" => "id = gen_random_uuid()",
            // Moved to another stream that exists and has no event of its version (a foreign key and a unique key).
            "stream_id" => "stream_id = (select s.id from ledger.mt_streams s where not exists (select 1 from ledger.mt_events o " +
                $"where o.stream_id = s.id and o.version = (select version from ledger.mt_events where seq_id = {target})) limit 1)",
            "bdata" => "bdata = '\\x01'::bytea",
            "version" => "version = version + 7",
            "data" => "data = jsonb_set(data, '{forged}', 'true')",
            "timestamp" => "timestamp = timestamp + interval '1 second'",
            "is_archived" => "is_archived = not is_archived",
            _ => $"{column} = {column} || 'x'",
        };
        await ExecuteAsync($"update ledger.mt_events set {change} where seq_id = {target}");

        var verification = await new JournalVerifier(Ledger.Store).VerifyAsync(null, Ct);

        var expected = column == "seq_id" ? JournalBreakKind.Missing : JournalBreakKind.Altered;
        Assert.Equal(new JournalBreak(target, expected), verification.FirstBreak);
    }

    [Fact(Timeout = TestTimeouts.Default)]
    public async Task every_column_of_the_event_table_is_covered()
    {
        var columns = new List<string>();
        await using var connection = new NpgsqlConnection(Ledger.ConnectionString);
        await connection.OpenAsync(Ct);
        await using var command = new NpgsqlCommand("select column_name from information_schema.columns where table_schema = 'ledger' and table_name = 'mt_events'", connection);
        await using var reader = await command.ExecuteReaderAsync(Ct);
        while (await reader.ReadAsync(Ct)) columns.Add(reader.GetString(0));

        // A column Marten adds is chained (the encoding is the whole row); this list names the ones the test above changes.
        Assert.Equal(EventColumns().Select(c => (string)c.Data).Order(), columns.Order());
    }

    [Fact(Timeout = TestTimeouts.Default)]
    public async Task a_deleted_row_is_caught()
    {
        await TradeAsync();
        await new JournalSealer(Ledger.Store).SealAsync(Ct);
        var target = await ScalarAsync<long>("select seq_id from ledger.mt_events order by seq_id offset 4 limit 1");
        await ExecuteAsync($"delete from ledger.mt_events where seq_id = {target}");

        Assert.Equal(new JournalBreak(target, JournalBreakKind.Missing), (await new JournalVerifier(Ledger.Store).VerifyAsync(null, Ct)).FirstBreak);
    }

    [Fact(Timeout = TestTimeouts.Default)]
    public async Task a_row_inserted_where_none_was_is_caught()
    {
        // A number handed out and never used, as a rolled-back transaction leaves one.
        var gap = await ScalarAsync<long>("select nextval('ledger.mt_events_sequence')");
        await TradeAsync();
        await new JournalSealer(Ledger.Store).SealAsync(Ct);
        await ExecuteAsync(
            "insert into ledger.mt_events (seq_id, id, stream_id, version, data, type, tenant_id, timestamp, mt_dotnet_type, is_archived) " +
            $"select {gap}, gen_random_uuid(), stream_id, version + 100, data, type, tenant_id, timestamp, mt_dotnet_type, is_archived " +
            "from ledger.mt_events order by seq_id desc limit 1");

        Assert.Equal(new JournalBreak(gap, JournalBreakKind.Inserted), (await new JournalVerifier(Ledger.Store).VerifyAsync(null, Ct)).FirstBreak);
    }

    [Fact(Timeout = TestTimeouts.Default)]
    public async Task two_rows_with_their_payloads_swapped_are_caught()
    {
        await TradeAsync();
        await new JournalSealer(Ledger.Store).SealAsync(Ct);
        var (a, b) = (await ScalarAsync<long>("select min(seq_id) from ledger.mt_events where type = 'account_events_journaled'"),
            await ScalarAsync<long>("select max(seq_id) from ledger.mt_events where type = 'account_events_journaled'"));
        await ExecuteAsync(
            $"update ledger.mt_events e set data = o.data from ledger.mt_events o " +
            $"where (e.seq_id, o.seq_id) in (({a}, {b}), ({b}, {a}))");

        Assert.Equal(new JournalBreak(a, JournalBreakKind.Altered), (await new JournalVerifier(Ledger.Store).VerifyAsync(null, Ct)).FirstBreak);
    }

    [Fact(Timeout = TestTimeouts.Lengthy)]
    public async Task two_processes_writing_and_sealing_at_once_leave_one_chain_without_a_gap()
    {
        var members = new List<Guid>();
        for (var i = 0; i < 6; i++) members.Add(await Ledger.OpenMemberAsync("mapo", startHours: 50));
        await using var second = Ledger.SecondProcess();
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(Ct);

        async Task WriteAsync(TestLedger process, int seed)
        {
            var random = new Random(seed);
            for (var i = 0; i < 60; i++)
            {
                var (from, to) = (members[random.Next(members.Count)], members[random.Next(members.Count)]);
                var batch = Enumerable.Range(0, random.Next(1, 20))
                    .Select(_ => (TransferCommand)new CreateTransfer(Guid.NewGuid(), from, to, new Minutes(1), TransferCode.Service, "", TestLedger.Member))
                    .ToList();
                await process.Transfers.SubmitAsync(batch, Ct);
            }
        }

        async Task SealAsync(TestLedger process)
        {
            var sealer = new JournalSealer(process.Store);
            while (!stop.IsCancellationRequested)
            {
                await sealer.SealAsync(Ct);
            }
        }

        var sealers = new[] { SealAsync(Ledger), SealAsync(second) };
        await Task.WhenAll(WriteAsync(Ledger, 1), WriteAsync(second, 2), WriteAsync(Ledger, 3), WriteAsync(second, 4));
        await stop.CancelAsync();
        await Task.WhenAll(sealers);
        await new JournalSealer(second.Store).SealAsync(Ct);

        var verification = await new JournalVerifier(Ledger.Store).VerifyAsync(null, Ct);
        Assert.Equal(new JournalVerification(await CountAsync("mt_events"), verification.Head, 0, null), verification);
        Assert.Equal(await CountAsync("mt_events"), await CountAsync("journal_links"));
    }

    private async Task TradeAsync()
    {
        var kim = await Ledger.OpenMemberAsync("mapo", startHours: 5);
        var lee = await Ledger.OpenMemberAsync("mapo");
        Assert.Equal(TransferResult.Ok, (await Ledger.PayAsync(kim, lee, 30)).Result);
        var hold = new CreateTransfer(Guid.NewGuid(), kim, lee, new Minutes(20), TransferCode.Service, "", TestLedger.Member, TimeSpan.FromHours(1));
        Assert.Equal(TransferResult.Ok, (await Ledger.SubmitOneAsync(hold)).Result);
        Assert.Equal(TransferResult.Ok, (await Ledger.SubmitOneAsync(new PostHold(Guid.NewGuid(), hold.Id, null, TestLedger.Member))).Result);
    }

    private Task<long> CountAsync(string table) => ScalarAsync<long>($"select count(*) from ledger.{table}");

    private async Task<T> ScalarAsync<T>(string sql)
    {
        await using var connection = new NpgsqlConnection(Ledger.ConnectionString);
        await connection.OpenAsync(Ct);
        await using var command = new NpgsqlCommand(sql, connection);
        return (T)(await command.ExecuteScalarAsync(Ct))!;
    }

    private async Task ExecuteAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(Ledger.ConnectionString);
        await connection.OpenAsync(Ct);
        await using var command = new NpgsqlCommand(sql, connection);
        Assert.True(await command.ExecuteNonQueryAsync(Ct) > 0, sql);
    }
}
