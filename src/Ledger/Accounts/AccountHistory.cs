namespace EPoomasi.Ledger.Accounts;

/// <summary>
/// Every account's events, numbered as <see cref="Account.Version"/> counts them, from the event log read
/// in sequence order: an account's administrative events sit in its own stream, its movements in the
/// journals of the transactions that made them (<see cref="AccountEventsJournaled"/>). Every writer holds
/// the account's row lock while it takes its place in the log, so log order is the order of decision.
/// </summary>
public static class AccountHistory
{
    /// <summary>Each account event of <paramref name="logInOrder"/> (event data, oldest first) with its account's version after it.</summary>
    public static IEnumerable<(long Version, AccountEvent Event)> Number(IEnumerable<object> logInOrder)
    {
        var versions = new Dictionary<Guid, long>();
        foreach (var data in logInOrder)
        {
            IReadOnlyList<AccountEvent> events = data switch
            {
                AccountEvent single => [single],
                AccountEventsJournaled journal => journal.Events,
                _ => [],
            };
            foreach (var @event in events)
            {
                var version = versions.GetValueOrDefault(@event.AccountId) + 1;
                versions[@event.AccountId] = version;
                yield return (version, @event);
            }
        }
    }
}
