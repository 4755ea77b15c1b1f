using EPoomasi.Ledger.Accounts;

namespace EPoomasi.Ledger.Transfers.Deciding;

/// <summary>What a decision may read: the accounts and records its transaction holds.</summary>
public interface ILedgerView
{
    /// <summary>The account, or null when it does not exist.</summary>
    Account? FindAccount(Guid accountId);

    /// <summary>The record of a transfer id, or null when the id was never decided.</summary>
    TransferRecord? FindRecord(Guid transferId);
}
