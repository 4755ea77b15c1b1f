using EPoomasi.Ledger.Accounts;
using EPoomasi.Ledger.Transfers;

namespace EPoomasi.Ledger.Reading;

/// <summary>One line of a statement: a posted entry and the running balance after it.</summary>
/// <param name="Position">The entry's position in the account's stream; pass the last one seen as the next page's cursor.</param>
public sealed record StatementEntry(
    long Position,
    Guid TransferId,
    EntrySide Side,
    Minutes AmountMinutes,
    Minutes BalanceAfterMinutes,
    Guid CounterpartyAccountId,
    TransferCode Code,
    string Memo,
    Attribution By,
    DateTimeOffset At);
