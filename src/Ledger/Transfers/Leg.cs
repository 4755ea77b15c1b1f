namespace EPoomasi.Ledger.Transfers;

/// <summary>
/// One debit and one credit of the same amount. A transfer within a district has one leg; a
/// cross-district transfer has two: payer → home clearing, and counterpart clearing → payee.
/// </summary>
public sealed record Leg(Guid DebitAccountId, Guid CreditAccountId);
