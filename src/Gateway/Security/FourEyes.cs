using System.Collections.Concurrent;
using EPoomasi.Gateway.Errors;
using EPoomasi.Gateway.Hosting;
using EPoomasi.Ledger.Districts;
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
/// <remarks>
/// A district read is remembered for <see cref="Remembered"/>, as <see cref="Appointments"/> remembers an appointment:
/// reading the district on every mint call was one more query per call, and halved the transfers a second into one
/// account. A threshold changed through this gateway counts at once (<see cref="Forget"/>); one changed through another
/// gateway counts here within <see cref="Remembered"/>.
/// </remarks>
public sealed class FourEyes(LedgerRuntime ledger, TimeProvider time)
{
    /// <summary>How long a district's threshold, once read, is taken as still standing.</summary>
    public static readonly TimeSpan Remembered = TimeSpan.FromSeconds(1);

    // One entry per district that mints: tens in a city.
    private readonly ConcurrentDictionary<string, (District? District, DateTimeOffset Until)> _read = new();
    private long _forgotten;

    /// <exception cref="RpcException">FAILED_PRECONDITION with reason MINT_APPROVAL_REQUIRED.</exception>
    public async Task EnsureAsync(IReadOnlyList<TransferCommand> commands, CancellationToken cancellationToken)
    {
        var fromIssuance = commands.OfType<CreateTransfer>().Where(c => c.Code is TransferCode.Mint or TransferCode.Welcome or TransferCode.OpeningBalance).ToList();
        if (fromIssuance.Count == 0) return;
        // The district of an account is cached by the ledger; only the debited accounts' districts are looked at.
        var debited = fromIssuance.Select(t => t.DebitAccountId).Distinct().ToList();
        foreach (var districtId in (await ledger.Ledger.GetDistrictsOfAsync(debited, cancellationToken)).Values.Distinct())
        {
            if (await DistrictAsync(districtId, cancellationToken) is not { MintApprovalAbove: { } above } district) continue;
            if (fromIssuance.FirstOrDefault(t => t.DebitAccountId == district.IssuanceAccountId && t.AmountMinutes > above) is { } transfer)
            {
                throw LedgerErrors.Precondition(
                    "MINT_APPROVAL_REQUIRED",
                    $"{district.Name}에서 {above.Value}분을 넘는 발행은 두 번째 코디네이터의 승인이 필요합니다 (RequestMint). / " +
                    $"In {district.NameRomanized ?? district.Id}, a mint above {above.Value} minutes needs a second coordinator's approval: use CommunityService.RequestMint.",
                    transfer.Id);
            }
        }
    }

    /// <summary>Drops what this gateway remembers of a district, once it has changed the district's settings.</summary>
    public void Forget(string districtId)
    {
        Interlocked.Increment(ref _forgotten);
        _read.TryRemove(districtId, out _);
    }

    private async Task<District?> DistrictAsync(string districtId, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        if (_read.TryGetValue(districtId, out var known) && known.Until > now) return known.District;
        // A read that began before a change was forgotten may hold the old settings: it is used once, not remembered.
        var forgotten = Interlocked.Read(ref _forgotten);
        var district = await ledger.Ledger.GetDistrictAsync(districtId, cancellationToken);
        if (Interlocked.Read(ref _forgotten) == forgotten) _read[districtId] = (district, now + Remembered);
        return district;
    }
}
