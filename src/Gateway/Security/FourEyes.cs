using EPoomasi.Gateway.Errors;
using EPoomasi.Gateway.Hosting;
using EPoomasi.Ledger.Transfers;
using EPoomasi.Ledger.Transfers.CreatingTransfer;
using Grpc.Core;

namespace EPoomasi.Gateway.Security;

/// <summary>
/// Keeps a district's four-eyes rule from being walked around: a transfer out of issuance (a mint or a welcome
/// grant) above the district's threshold, sent as a plain transfer, is refused, because it would need no second
/// coordinator. Such mints go through <c>CommunityService.RequestMint</c>. Only transfers with the codes that may
/// debit issuance cost a look at the districts; members' payments pass untouched.
/// </summary>
public sealed class FourEyes(LedgerRuntime ledger)
{
    /// <exception cref="RpcException">FAILED_PRECONDITION with reason MINT_APPROVAL_REQUIRED.</exception>
    public async Task EnsureAsync(IReadOnlyList<TransferCommand> commands, CancellationToken cancellationToken)
    {
        var fromIssuance = commands.OfType<CreateTransfer>().Where(c => c.Code is TransferCode.Mint or TransferCode.Welcome or TransferCode.OpeningBalance).ToList();
        if (fromIssuance.Count == 0) return;
        var districts = (await ledger.Ledger.ListDistrictsAsync(cancellationToken)).Where(d => d.MintApprovalAbove is not null).ToDictionary(d => d.IssuanceAccountId);
        foreach (var transfer in fromIssuance)
        {
            if (districts.TryGetValue(transfer.DebitAccountId, out var district) && transfer.AmountMinutes > district.MintApprovalAbove!.Value)
            {
                throw LedgerErrors.Precondition(
                    "MINT_APPROVAL_REQUIRED",
                    $"{district.Name}에서 {district.MintApprovalAbove.Value.Value}분을 넘는 발행은 두 번째 코디네이터의 승인이 필요합니다 (RequestMint). / " +
                    $"In {district.NameRomanized ?? district.Id}, a mint above {district.MintApprovalAbove.Value.Value} minutes needs a second coordinator's approval: use CommunityService.RequestMint.",
                    transfer.Id);
            }
        }
    }
}
