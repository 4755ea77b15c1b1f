using EPoomasi.Ledger.Accounts;
using EPoomasi.Ledger.Accounts.ClosingAccount;
using EPoomasi.Ledger.Accounts.OpeningAccount;
using EPoomasi.Ledger.Administration;
using EPoomasi.Ledger.Tests.Harness;

namespace EPoomasi.Ledger.Tests.Model;

/// <summary>
/// The fixed cast of a scenario: three districts (alpha and beta trust each other up to 3 h, gamma
/// trusts nobody), a handful of members with tight limits, and one closed account — set up identically
/// in the real ledger and the reference model.
/// </summary>
public sealed class World
{
    public const long FloorMinutes = -120;
    public const long CapMinutes = 300;
    public const long BudgetMinutes = 1_800;
    public const long TrustMinutes = 180;

    public static readonly Guid[] Members = Enumerable.Range(1, 6).Select(i => new Guid($"00000000-0000-0000-0000-00000000000{i}")).ToArray();
    public static readonly Guid Closed = new("00000000-0000-0000-0000-0000000000c1");
    public static readonly Guid Unknown = new("00000000-0000-0000-0000-0000000000ff");

    /// <summary>Accounts a scenario may open along the way; until then, payments to them find no account.</summary>
    public static readonly Guid[] Late = Enumerable.Range(1, 3).Select(i => new Guid($"00000000-0000-0000-0000-0000000000a{i}")).ToArray();
    private static readonly string[] MemberDistricts = ["alpha", "alpha", "alpha", "beta", "beta", "gamma"];

    /// <summary>Every account a generated command may name, real or not.</summary>
    public static readonly Guid[] AccountPool =
    [
        .. Members, .. Late, Closed, Unknown,
        WellKnownAccounts.Issuance("alpha"), WellKnownAccounts.Issuance("beta"),
        WellKnownAccounts.CommunityPot("alpha"), WellKnownAccounts.CommunityPot("beta"),
        WellKnownAccounts.Clearing("alpha", "beta"), WellKnownAccounts.Clearing("alpha", "gamma"),
    ];

    public static async Task<ReferenceLedger> BuildAsync(TestLedger ledger)
    {
        var model = new ReferenceLedger();
        foreach (var district in new[] { "alpha", "beta", "gamma" })
        {
            await ledger.CreateDistrictAsync(district, FloorMinutes / 60, CapMinutes / 60, BudgetMinutes / 60);
            model.AddDistrict(district, FloorMinutes, CapMinutes, BudgetMinutes);
            model.AddAccount(WellKnownAccounts.Issuance(district), district, AccountKind.Issuance, -BudgetMinutes, 0);
            model.AddAccount(WellKnownAccounts.CommunityPot(district), district, AccountKind.CommunityPot, 0, LedgerLimits.MaxLimitMinutes.Value);
        }

        await ledger.LinkDistrictsAsync("alpha", "beta", TrustMinutes / 60);
        Assert.Equal(AdminResult.Ok, model.SetTrust("alpha", "beta", TrustMinutes, "pilot"));

        for (var i = 0; i < Members.Length; i++)
        {
            await Open(ledger, Members[i], MemberDistricts[i]);
            model.AddAccount(Members[i], MemberDistricts[i], AccountKind.Member, FloorMinutes, CapMinutes);
        }

        await Open(ledger, Closed, "alpha");
        Assert.Equal(AdminResult.Ok, (await ledger.Admin.ExecuteAsync(new CloseAccount(Closed, "moved away", TestLedger.Coordinator), CancellationToken.None)).Result);
        model.AddAccount(Closed, "alpha", AccountKind.Member, FloorMinutes, CapMinutes, AccountStatus.Closed);
        return model;
    }

    private static async Task Open(TestLedger ledger, Guid id, string district) =>
        Assert.Equal(AdminResult.Ok, (await ledger.Admin.ExecuteAsync(new OpenAccount(id, district, TestLedger.Coordinator), CancellationToken.None)).Result);
}
