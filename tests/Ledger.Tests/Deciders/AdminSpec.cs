using EPoomasi.Ledger.Accounts;
using EPoomasi.Ledger.Administration;
using EPoomasi.Ledger.Districts;
using EPoomasi.Ledger.Districts.CreatingDistrict;

namespace EPoomasi.Ledger.Tests.Deciders;

/// <summary>
/// Given what happened to districts and accounts, when an administration command arrives, then this is
/// decided: the account and district deciders' tests, without a database.
/// </summary>
internal sealed class AdminSpec : IAdminView
{
    private readonly Dictionary<string, District?> _districts = [];
    private readonly Dictionary<Guid, Account?> _accounts = [];

    public static AdminSpec Given(params object[] history)
    {
        var spec = new AdminSpec();
        foreach (var @event in history)
        {
            switch (@event)
            {
                case DistrictEvent district:
                    spec._districts[district.DistrictId] = DistrictEvolution.Evolve(spec._districts.GetValueOrDefault(district.DistrictId), district);
                    break;
                case AccountEvent account:
                    spec._accounts[account.AccountId] = AccountEvolution.Evolve(spec._accounts.GetValueOrDefault(account.AccountId), account);
                    break;
                default:
                    throw new ArgumentException($"Not an event: {@event}.", nameof(history));
            }
        }

        return spec;
    }

    /// <summary>A district as its creation leaves it, with its issuance and pot accounts.</summary>
    public static object[] District(string id, long floor = -600, long cap = 6_000, long budget = 60_000)
    {
        var created = DistrictDecider.Decide(
            new CreateDistrict(id, id, new Minutes(floor), new Minutes(cap), new Minutes(budget), Attribution.System), Given(), TransferSpec.Now.AddDays(-10));
        return [.. created.DistrictEvents, .. created.AccountEvents];
    }

    public AdminDecision When(AdminCommand command) =>
        command is AccountCommand ? AccountDecider.Decide(command, this, TransferSpec.Now) : DistrictDecider.Decide(command, this, TransferSpec.Now);

    public District? FindDistrict(string districtId) => _districts.GetValueOrDefault(districtId);

    public Account? FindAccount(Guid accountId) => _accounts.GetValueOrDefault(accountId);
}
