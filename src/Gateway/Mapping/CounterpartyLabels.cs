using EPoomasi.Gateway.Hosting;
using EPoomasi.Ledger.Accounts;
using EPoomasi.Ledger.Districts;
using Proto = EPoomasi.Contracts.Ledger.V1;

namespace EPoomasi.Gateway.Mapping;

/// <summary>
/// Names the counterparties of statement lines that are a district's own accounts — issuance, community pot,
/// clearing — by their role, Korean first: a member reading "마포구 공동기금" knows where the hours went.
/// A member's account is named by its holder's display name, from their profile; an erased profile leaves it unnamed.
/// </summary>
public sealed class CounterpartyLabels(LedgerRuntime ledger)
{
    /// <summary>Sets <c>counterparty_label</c> on every entry whose counterparty is a district's own account or a named member's.</summary>
    public async Task LabelAsync(IReadOnlyList<Proto.StatementEntry> entries, CancellationToken cancellationToken)
    {
        var ids = entries.Select(e => Guid.Parse(e.CounterpartyAccountId)).Distinct().ToList();
        if (ids.Count == 0) return;
        var accounts = await ledger.Ledger.GetAccountsAsync(ids, cancellationToken);
        var own = accounts.Where(a => a.Kind != AccountKind.Member).ToList();
        var members = accounts.Where(a => a.Kind == AccountKind.Member).Select(a => a.Id).ToList();
        var labels = members.Count == 0 ? [] : (await ledger.Community.Members.NamesOfAccountsAsync(members, cancellationToken)).ToDictionary(n => n.Key.ToString(), n => n.Value);
        if (own.Count > 0)
        {
            var districts = (await ledger.Ledger.ListDistrictsAsync(cancellationToken)).ToDictionary(d => d.Id, StringComparer.Ordinal);
            foreach (var account in own) labels[account.Id.ToString()] = Label(account, districts);
        }

        foreach (var entry in entries)
        {
            if (labels.TryGetValue(entry.CounterpartyAccountId, out var label)) entry.CounterpartyLabel = label;
        }
    }

    private static string Label(Account account, Dictionary<string, District> districts)
    {
        var (korean, romanized) = Names(account.DistrictId, districts);
        return account.Kind switch
        {
            AccountKind.Issuance => $"{korean} 발행 / {romanized} issuance",
            AccountKind.CommunityPot => $"{korean} 공동기금 / {romanized} community pot",
            AccountKind.Clearing when Names(account.CounterpartDistrictId ?? "", districts) is var (toKorean, toRomanized) =>
                $"{korean} 정산({toKorean}) / {romanized} clearing with {toRomanized}",
            _ => "",
        };
    }

    private static (string Korean, string Romanized) Names(string districtId, Dictionary<string, District> districts) =>
        districts.TryGetValue(districtId, out var district) ? (district.Name, district.NameRomanized ?? district.Id) : (districtId, districtId);
}
