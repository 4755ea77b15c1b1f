using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using EPoomasi.Ledger.Accounts;

namespace EPoomasi.Ledger.Storage;

/// <summary>
/// How a list of <see cref="AccountEvent"/>s (a journal, <see cref="AccountEventsJournaled"/>) says which
/// kind each event is: a <c>$type</c> field, named as the event log names the same event when it stands alone.
/// An event serialized as itself, as Marten does for a stream, carries no such field.
/// </summary>
internal static class AccountEventKinds
{
    private static readonly (Type Type, string Name)[] Kinds =
    [
        (typeof(AccountOpened), "account_opened"), (typeof(AccountLimitsChanged), "account_limits_changed"),
        (typeof(AccountFrozen), "account_frozen"), (typeof(AccountUnfrozen), "account_unfrozen"),
        (typeof(AccountClosed), "account_closed"), (typeof(EntryPosted), "entry_posted"),
        (typeof(HoldReserved), "hold_reserved"), (typeof(HoldReleased), "hold_released"),
    ];

    /// <summary>Every kind of account event, as the event store must know them.</summary>
    public static IEnumerable<Type> Types => Kinds.Select(kind => kind.Type);

    public static DefaultJsonTypeInfoResolver Resolver() => new() { Modifiers = { MarkKinds } };

    private static void MarkKinds(JsonTypeInfo info)
    {
        if (info.Type != typeof(AccountEvent))
        {
            return;
        }

        info.PolymorphismOptions = new JsonPolymorphismOptions { UnknownDerivedTypeHandling = JsonUnknownDerivedTypeHandling.FailSerialization };
        foreach (var (type, name) in Kinds)
        {
            info.PolymorphismOptions.DerivedTypes.Add(new JsonDerivedType(type, name));
        }
    }
}
