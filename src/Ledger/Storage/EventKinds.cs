using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using EPoomasi.Ledger.Accounts;
using EPoomasi.Ledger.Transfers;

namespace EPoomasi.Ledger.Storage;

/// <summary>
/// How a list of events in a journal (<see cref="AccountEventsJournaled"/>, <see cref="TransfersJournaled"/>)
/// says which kind each event is: a <c>$type</c> field, named as the event log names the same event when it
/// stands alone. An event serialized as itself, as Marten does for a stream, carries no such field.
/// </summary>
internal static class EventKinds
{
    private static readonly (Type Type, string Name)[] AccountKinds =
    [
        (typeof(AccountOpened), "account_opened"), (typeof(AccountLimitsChanged), "account_limits_changed"),
        (typeof(AccountFrozen), "account_frozen"), (typeof(AccountUnfrozen), "account_unfrozen"),
        (typeof(AccountClosed), "account_closed"), (typeof(EntryPosted), "entry_posted"),
        (typeof(HoldReserved), "hold_reserved"), (typeof(HoldReleased), "hold_released"),
    ];

    private static readonly (Type Type, string Name)[] TransferKinds =
    [
        (typeof(TransferDecided), "transfer_decided"), (typeof(HoldResolved), "hold_resolved"), (typeof(TransferReversed), "transfer_reversed"),
    ];

    /// <summary>Every kind of account event, as the event store must know them.</summary>
    public static IEnumerable<Type> AccountEventTypes => AccountKinds.Select(kind => kind.Type);

    public static DefaultJsonTypeInfoResolver Resolver() => new() { Modifiers = { MarkKinds } };

    private static void MarkKinds(JsonTypeInfo info)
    {
        var kinds = info.Type == typeof(AccountEvent) ? AccountKinds : info.Type == typeof(TransferEvent) ? TransferKinds : null;
        if (kinds is null)
        {
            return;
        }

        info.PolymorphismOptions = new JsonPolymorphismOptions { UnknownDerivedTypeHandling = JsonUnknownDerivedTypeHandling.FailSerialization };
        foreach (var (type, name) in kinds)
        {
            info.PolymorphismOptions.DerivedTypes.Add(new JsonDerivedType(type, name));
        }
    }
}
