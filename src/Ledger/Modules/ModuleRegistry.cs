using System.Collections.Concurrent;
using System.Text.RegularExpressions;

namespace EPoomasi.Ledger.Modules;

/// <summary>The kinds of module state registered with this ledger, by name.</summary>
internal sealed partial class ModuleRegistry
{
    private readonly ConcurrentDictionary<string, IModuleKind> _kinds = new(StringComparer.Ordinal);

    public void Add(IModuleKind kind)
    {
        if (kind.Kind is null || !KindName().IsMatch(kind.Kind))
        {
            throw new ArgumentException($"'{kind.Kind}' is not a kind's name: lower-case letters, digits, dots and underscores, 1 to 64, starting with a letter.", nameof(kind));
        }

        if (!_kinds.TryAdd(kind.Kind, kind))
        {
            throw new InvalidOperationException($"A kind named '{kind.Kind}' is registered already.");
        }
    }

    /// <summary>Every kind registered, in no order.</summary>
    public IReadOnlyCollection<IModuleKind> All => [.. _kinds.Values];

    /// <summary>The kind named <paramref name="name"/>, or null when no registered kind has that name.</summary>
    public IModuleKind? Find(string name) => _kinds.GetValueOrDefault(name);

    [GeneratedRegex("^[a-z][a-z0-9_.]{0,63}$")]
    private static partial Regex KindName();
}
