namespace EPoomasi.Ledger.Administration;

/// <summary>A command on one account, decided by <see cref="Accounts.AccountDecider"/>.</summary>
public abstract record AccountCommand(Attribution By) : AdminCommand(By);
