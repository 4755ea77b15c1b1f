using EPoomasi.Contracts.Ledger.V1;

namespace EPoomasi.Gateway.Tests;

[Collection(ConsoleOutput.Name)]
public sealed class a_coordinator_runs_the_ledger_from_the_cli(GatewayFixture gateway)
{
    private const string Nobody = "11111111-1111-1111-1111-111111111111";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private string Address => gateway.GrpcAddress.ToString();

    [Theory(Timeout = TestTimeouts.Default)]
    [InlineData("'abc'", "pay", Nobody, Nobody, "abc")]
    [InlineData("너무 큽니다 / is too large", "pay", Nobody, Nobody, "99999999999999999999h")]
    [InlineData("needs its scheme", "--gateway", "127.0.0.1:5080", "balance", Nobody)]
    [InlineData("is not an id", "balance", "not-a-uuid")]
    [InlineData("is not between 1 and 1,000", "statement", Nobody, "--page-size", "0")]
    [InlineData("is not an instant", "balance-at", Nobody, "yesterday")]
    [InlineData("'--reason' is required", "freeze", Nobody)]
    public async Task input_it_cannot_read_is_one_clear_line_and_exit_code_2(string says, params string[] args)
    {
        // Each fails as it is read: no gateway is asked.
        var (exit, output) = await CliRun.RawAsync([.. args, "--token", "any"]);

        Assert.Equal(2, exit);
        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.Equal(2, lines.Length);
        Assert.Contains(says, lines[0], StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", output, StringComparison.Ordinal);
    }

    [Fact(Timeout = TestTimeouts.Default)]
    public async Task help_lists_every_command_a_coordinator_or_auditor_uses_and_exits_0()
    {
        var (exit, output) = await CliRun.RunAsync(Address, null, "--help");

        Assert.Equal(0, exit);
        foreach (var command in new[] { "pay", "hold", "post", "void", "reverse", "statement", "lookup", "balance-at", "trial-balance", "watch",
            "create-district", "open-account", "limits", "freeze", "unfreeze", "close", "budget", "trust", "verify-journal", "rebuild-projections" })
        {
            Assert.Contains($"  {command} ", output, StringComparison.Ordinal);
        }
    }

    [Fact(Timeout = TestTimeouts.Default)]
    public async Task limits_freeze_reverse_budget_trust_and_the_books_from_the_command_line()
    {
        var district = await Seed.DistrictAsync(gateway);
        var other = await Seed.DistrictAsync(gateway);
        var kim = await Seed.MemberAsync(gateway, district, welcomeMinutes: 180);
        var lee = await Seed.MemberAsync(gateway, district);
        var coordinator = GatewayFixture.Coordinator(district);

        var (limited, _) = await CliRun.RunAsync(Address, coordinator, "limits", lee, "-1h 30m", "10h", "--reason", "새 회원 / new member");
        var (frozen, _) = await CliRun.RunAsync(Address, coordinator, "freeze", kim, "--reason", "분실 신고 / card reported lost");
        var (refused, refusal) = await CliRun.RunAsync(Address, coordinator, "pay", kim, lee, "1h 30m");
        var (unfrozen, _) = await CliRun.RunAsync(Address, coordinator, "unfreeze", kim, "--reason", "찾음 / found");
        var (paid, payment) = await CliRun.RunAsync(Address, coordinator, "pay", kim, lee, "1h 30m", "--memo", "장보기");
        var transferId = payment.Trim().Split(' ')[0];
        var (reversed, _) = await CliRun.RunAsync(Address, coordinator, "reverse", transferId, "--reason", "두 번 입력 / entered twice");
        var (budgeted, _) = await CliRun.RunAsync(Address, GatewayFixture.Administrator, "budget", district, "500h", "--reason", "연간 / yearly");
        var (trusted, _) = await CliRun.RunAsync(Address, GatewayFixture.Administrator, "trust", district, other, "20h", "--reason", "협약 / pilot");
        var (books, trial) = await CliRun.RunAsync(Address, GatewayFixture.Auditor, "trial-balance", district, "--page-size", "1", "--all");
        var (read, statement) = await CliRun.RunAsync(Address, coordinator, "statement", lee, "--all", "--page-size", "1");

        Assert.Equal([0, 0, 1, 0, 0, 0, 0, 0, 0, 0], new[] { limited, frozen, refused, unfrozen, paid, reversed, budgeted, trusted, books, read });
        Assert.Contains("debit account frozen", refusal, StringComparison.Ordinal);
        Assert.Contains("합계 / sum of all balances 0h 00m", trial, StringComparison.Ordinal);
        Assert.Contains(kim, trial, StringComparison.Ordinal);
        Assert.Contains(lee, trial, StringComparison.Ordinal);
        Assert.Contains($"정산 / clearing with {other}: 0h 00m", trial, StringComparison.Ordinal);
        Assert.Contains("1h 30m", statement, StringComparison.Ordinal);
        Assert.Contains("-1h 30m", statement, StringComparison.Ordinal);
        Assert.Contains("(Seoul)", statement, StringComparison.Ordinal);

        var account = await gateway.Ledger(GatewayFixture.Auditor).GetAccountAsync(new GetAccountRequest { AccountId = lee }, cancellationToken: Ct);
        Assert.Equal((0L, -90L, 600L), (account.Account.BalanceMinutes, account.Account.FloorMinutes, account.Account.CapMinutes));
    }

    [Fact(Timeout = TestTimeouts.Default)]
    public async Task the_districts_are_listed_in_korean_first_with_their_defaults()
    {
        var (exit, output) = await CliRun.RunAsync(Address, GatewayFixture.Auditor, "districts");

        Assert.Equal(0, exit);
        Assert.Contains("마포구 Mapo-gu", output, StringComparison.Ordinal);
        Assert.Contains("강남구 Gangnam-gu", output, StringComparison.Ordinal);
        Assert.Contains("-10h 00m", output, StringComparison.Ordinal);
        Assert.Contains("5h 00m", output, StringComparison.Ordinal);
    }

    [Fact(Timeout = TestTimeouts.Default)]
    public async Task the_city_changes_a_districts_defaults_and_the_welcome_grant()
    {
        var district = await Seed.DistrictAsync(gateway);

        var (changed, _) = await CliRun.RunAsync(Address, GatewayFixture.Administrator, "defaults", district, "-5h", "50h", "--welcome", "3h", "--reason", "예산 / budget");
        var (again, repeat) = await CliRun.RunAsync(Address, GatewayFixture.Administrator, "defaults", district, "-5h", "50h", "--reason", "예산 / budget");
        var (denied, refusal) = await CliRun.RunAsync(Address, GatewayFixture.Coordinator(district), "defaults", district, "-1h", "50h", "--reason", "mine");

        Assert.Equal((0, 0, 1), (changed, again, denied));
        Assert.Contains("nothing changed", repeat, StringComparison.Ordinal);
        Assert.Contains("PermissionDenied", refusal, StringComparison.Ordinal);
        var listed = (await gateway.Ledger(GatewayFixture.Auditor).ListDistrictsAsync(new ListDistrictsRequest(), cancellationToken: Ct)).Districts.Single(d => d.DistrictId == district);
        Assert.Equal((-300L, 3_000L, 180L), (listed.MemberFloorMinutes, listed.MemberCapMinutes, listed.WelcomeGrantMinutes));
    }
}
