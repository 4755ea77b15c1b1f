using EPoomasi.Gateway.Hosting;
using EPoomasi.Ledger.Transfers;

namespace EPoomasi.Gateway.Security;

/// <summary>What the matrix needs from the ledger to judge a call: the accounts behind records, and districts of accounts.</summary>
public sealed class ResourceLookup(LedgerRuntime ledger)
{
    /// <summary>The records of these ids that exist.</summary>
    public Task<IReadOnlyList<TransferRecord>> RecordsAsync(IReadOnlyCollection<Guid> ids, CancellationToken cancellationToken) =>
        ledger.Ledger.LookupTransfersAsync(ids, cancellationToken);

    /// <summary>The district of each account that exists.</summary>
    public Task<IReadOnlyDictionary<Guid, string>> DistrictsAsync(IReadOnlyCollection<Guid> accounts, CancellationToken cancellationToken) =>
        ledger.Ledger.GetDistrictsOfAsync(accounts, cancellationToken);
}
