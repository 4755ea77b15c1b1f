using EPoomasi.Ledger;
using EPoomasi.Ledger.Accounts;
using EPoomasi.Ledger.Accounts.ClosingAccount;
using EPoomasi.Ledger.Administration;
using EPoomasi.Ledger.Modules;
using EPoomasi.Ledger.Transfers;
using EPoomasi.Ledger.Transfers.CreatingTransfer;

namespace EPoomasi.Community.Closing;

/// <summary>What closing a member's account came to.</summary>
public enum ClosingCode
{
    /// <summary>Settled (when it had a balance) and closed.</summary>
    Closed,

    /// <summary>It was closed already.</summary>
    AlreadyClosed,
    NotFound,

    /// <summary>The account belongs to another district than the one named.</summary>
    OtherDistrict,

    /// <summary>Only members' accounts are closed this way.</summary>
    NotAMember,

    /// <summary>A hold on the account is still pending: post or void it first.</summary>
    HoldsPending,

    /// <summary>Closing needs a reason of 1 to 512 characters.</summary>
    ReasonRequired,

    /// <summary>The ledger refused the settlement (a frozen account, say); nothing changed.</summary>
    SettlementRefused,

    /// <summary>Payments kept arriving between settling and closing; try again.</summary>
    Busy,
}

/// <summary>The answer to closing an account.</summary>
/// <param name="Settled">What was settled: positive when the balance went to the pot, negative when issuance covered it.</param>
/// <param name="LedgerRefusal">The ledger's result, for <see cref="ClosingCode.SettlementRefused"/>.</param>
public sealed record ClosingResult(ClosingCode Code, Minutes Settled, string? LedgerRefusal = null);

/// <summary>
/// Closes a member's account for good, settling its balance first: a positive balance goes to the district's
/// community pot, a negative one is covered from issuance, each with the reason. The ledger closes an account only
/// at zero with no pending hold, under the account's row lock; should a payment land between the settlement and the
/// close, the close is refused and the new balance settled again. The settlement's id derives from the request and
/// the account's version, so a repeated request settles once.
/// </summary>
internal sealed class AccountClosing(LedgerModule ledger)
{
    private const int Attempts = 3;

    public async Task<ClosingResult> CloseAsync(Guid requestId, string districtId, Guid accountId, string reason, Attribution by, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(reason) || reason.Length > LedgerLimits.ReasonMaxLength) return new ClosingResult(ClosingCode.ReasonRequired, Minutes.Zero);
        var settled = Minutes.Zero;
        for (var attempt = 0; attempt < Attempts; attempt++)
        {
            var account = await ledger.GetAccountAsync(accountId, cancellationToken);
            if (Refusal(account, districtId) is { } refusal) return new ClosingResult(refusal, settled);
            if (account!.DebitsPending != Minutes.Zero || account.CreditsPending != Minutes.Zero) return new ClosingResult(ClosingCode.HoldsPending, settled);
            if (account.Balance != Minutes.Zero)
            {
                var district = await ledger.GetDistrictAsync(districtId, cancellationToken);
                var outcome = (await ledger.SubmitAsync([Settlement(requestId, account, district!.CommunityPotAccountId, district.IssuanceAccountId, reason, by)], cancellationToken)).Single();
                if (!outcome.IsOk) return new ClosingResult(ClosingCode.SettlementRefused, settled, outcome.Result.ToString());
                settled += account.Balance;
            }

            var closed = await ledger.ExecuteAsync(new CloseAccount(accountId, reason.Trim(), by), cancellationToken);
            switch (closed.Result)
            {
                case AdminResult.Ok: return new ClosingResult(ClosingCode.Closed, settled);
                case AdminResult.AccountClosed: return new ClosingResult(ClosingCode.AlreadyClosed, settled);
                case AdminResult.BalanceNotZero or AdminResult.HoldsPending: continue;
                default: return new ClosingResult(ClosingCode.SettlementRefused, settled, closed.Result.ToString());
            }
        }

        return new ClosingResult(ClosingCode.Busy, settled);
    }

    private static ClosingCode? Refusal(Account? account, string districtId) => account switch
    {
        null => ClosingCode.NotFound,
        { } a when a.DistrictId != districtId => ClosingCode.OtherDistrict,
        { Kind: not AccountKind.Member } => ClosingCode.NotAMember,
        { Status: AccountStatus.Closed } => ClosingCode.AlreadyClosed,
        _ => null,
    };

    // One settlement per account version: a repeat of the request at the same version is the same transfer.
    private static CreateTransfer Settlement(Guid requestId, Account account, Guid pot, Guid issuance, string reason, Attribution by)
    {
        var id = DerivedIds.From(requestId, $"settle:{account.Version}");
        var memo = $"계정 해지 정산 / closing settlement: {reason.Trim()}";
        if (memo.Length > LedgerLimits.MemoMaxLength) memo = memo[..LedgerLimits.MemoMaxLength];
        return account.Balance > Minutes.Zero
            ? new CreateTransfer(id, account.Id, pot, account.Balance, TransferCode.Donation, memo, by)
            : new CreateTransfer(id, issuance, account.Id, -account.Balance, TransferCode.Mint, memo, by);
    }
}
