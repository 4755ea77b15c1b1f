using EPoomasi.Gateway.Hosting;
using EPoomasi.Ledger.Transfers;

namespace EPoomasi.Gateway.Security;

/// <summary>What the matrix needs from the ledger to judge a call: the accounts behind records, and districts of accounts.</summary>
public sealed class ResourceLookup(LedgerRuntime ledger)
{
    /// <summary>The records of these ids that exist.</summary>
    public Task<IReadOnlyList<TransferRecord>> RecordsAsync(IReadOnlyCollection<Guid> ids, CancellationToken cancellationToken) =>
        ledger.Ledger.LookupTransfersAsync(ids, cancellationToken);

    /// <summary>Whether <paramref name="subject"/> is appointed to coordinate <paramref name="districtId"/>, as of this call.</summary>
    public async Task<bool> IsCoordinatorAsync(string districtId, string subject, CancellationToken cancellationToken) =>
        await ledger.Ledger.GetDistrictAsync(districtId, cancellationToken) is { } district && district.IsCoordinator(subject);

    /// <summary>The district of each account that exists.</summary>
    public Task<IReadOnlyDictionary<Guid, string>> DistrictsAsync(IReadOnlyCollection<Guid> accounts, CancellationToken cancellationToken) =>
        ledger.Ledger.GetDistrictsOfAsync(accounts, cancellationToken);
}
