using EPoomasi.Community.Members;
using EPoomasi.Ledger;
using EPoomasi.Ledger.Accounts.OpeningAccount;
using EPoomasi.Ledger.Administration;
using EPoomasi.Ledger.Districts;
using EPoomasi.Ledger.Modules;
using EPoomasi.Ledger.Transfers;
using EPoomasi.Ledger.Transfers.CreatingTransfer;

namespace EPoomasi.Community.Importing;

/// <summary>
/// Moves members in from another time bank. Every id is derived from the district and the row's external id, so
/// importing the same file again opens nothing new and moves no minute twice: the profile is written again, the
/// account opening is a repeat, and the opening balance's transfer id answers its first outcome. A positive balance
/// comes from the district's issuance, a negative one goes back to it, as <see cref="TransferCode.OpeningBalance"/>.
/// </summary>
internal sealed class MemberImport(LedgerModule ledger, MemberDirectory members)
{
    /// <summary>Most rows in one call.</summary>
    public const int MaxRows = 1_000;

    public const int MaxExternalIdLength = 100;

    public static Guid MemberOf(District district, string externalId) => DerivedIds.From(district.IssuanceAccountId, $"import:{externalId}");

    public static Guid AccountOf(Guid memberId) => DerivedIds.From(memberId, "account");

    private static Guid OpeningBalanceOf(Guid memberId) => DerivedIds.From(memberId, "opening-balance");

    public async Task<IReadOnlyList<ImportRowResult>> RunAsync(District district, IReadOnlyList<ImportRow> rows, bool dryRun, Attribution by, CancellationToken cancellationToken)
    {
        var results = Check(district, rows);
        if (dryRun) return results;

        var transfers = new List<(int Index, CreateTransfer Transfer)>();
        for (var index = 0; index < rows.Count; index++)
        {
            if (results[index].Code != ImportCode.Ok) continue;
            var row = rows[index];
            var memberId = MemberOf(district, row.ExternalId);
            var accountId = AccountOf(memberId);
            // Added, not replaced: importing the file again never undoes a correction made since.
            await members.AddAsync(memberId, row.Profile with { DistrictId = district.Id }, by, cancellationToken);
            await members.AddHolderAsync(accountId, memberId, by, cancellationToken);
            var opened = await ledger.ExecuteAsync(new OpenAccount(accountId, district.Id, by), cancellationToken);
            if (opened.Result != AdminResult.Ok)
            {
                results[index] = new ImportRowResult(row.Line, ImportCode.BalanceRefused, $"계정을 열 수 없습니다 / the account could not be opened: {opened.Result}", memberId);
                continue;
            }

            results[index] = new ImportRowResult(row.Line, opened.Changed ? ImportCode.Ok : ImportCode.AlreadyImported, null, memberId, accountId);
            if (row.OpeningBalance == Minutes.Zero) continue;
            var positive = row.OpeningBalance > Minutes.Zero;
            var amount = positive ? row.OpeningBalance : -row.OpeningBalance;
            transfers.Add((index, new CreateTransfer(
                OpeningBalanceOf(memberId), positive ? district.IssuanceAccountId : accountId, positive ? accountId : district.IssuanceAccountId, amount,
                TransferCode.OpeningBalance, $"이전 잔액 / imported opening balance ({row.ExternalId})", by)));
        }

        // Independent transfers, submitted together: the ledger groups them into few transactions. Positive balances
        // first: what a negative balance gives back to issuance must have been issued (issuance never holds more).
        foreach (var chunk in transfers.OrderBy(t => t.Transfer.DebitAccountId == district.IssuanceAccountId ? 0 : 1).Chunk(LedgerLimits.MaxBatchItems))
        {
            var outcomes = await ledger.SubmitAsync(chunk.Select(t => (TransferCommand)t.Transfer).ToList(), cancellationToken);
            foreach (var ((index, _), outcome) in chunk.Zip(outcomes))
            {
                var result = results[index];
                results[index] = outcome switch
                {
                    { IsOk: true, Replayed: true } => result with { Code = ImportCode.AlreadyImported },
                    { IsOk: true } => result with { Code = ImportCode.Ok },
                    _ => result with { Code = ImportCode.BalanceRefused, Problem = $"원장이 이전 잔액을 거절했습니다 / the ledger refused the opening balance: {outcome.Result}" },
                };
            }
        }

        return results;
    }

    // Every rule a row must meet, checked before anything is written, the same for a dry run and an import.
    private static List<ImportRowResult> Check(District district, IReadOnlyList<ImportRow> rows)
    {
        var seen = rows.GroupBy(r => r.ExternalId, StringComparer.Ordinal).Where(g => g.Count() > 1).ToDictionary(g => g.Key, g => g.First().Line, StringComparer.Ordinal);
        return rows.Select(row =>
        {
            var problem = string.IsNullOrWhiteSpace(row.ExternalId) || row.ExternalId.Length > MaxExternalIdLength || row.ExternalId.Any(char.IsControl)
                ? $"번호(id)는 1~{MaxExternalIdLength}자입니다 / the id has 1 to {MaxExternalIdLength} characters"
                : seen.TryGetValue(row.ExternalId, out var first) && first != row.Line
                    ? $"번호 '{row.ExternalId}'가 {first}번째 줄에도 있습니다 / the id '{row.ExternalId}' is also on line {first}"
                    : (row.Profile with { DistrictId = district.Id }).Problem()
                      ?? (row.OpeningBalance < district.MemberFloor || row.OpeningBalance > district.MemberCap
                          ? $"잔액이 구의 하한과 상한 밖입니다 / the balance is outside the district's floor and cap ({district.MemberFloor.Value} to {district.MemberCap.Value} minutes)"
                          : null);
            return new ImportRowResult(row.Line, problem is null ? ImportCode.Ok : ImportCode.Invalid, problem, problem is null ? MemberOf(district, row.ExternalId) : null);
        }).ToList();
    }
}
