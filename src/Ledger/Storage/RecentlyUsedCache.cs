using System.Collections.Concurrent;

namespace EPoomasi.Ledger.Storage;

/// <summary>
/// A cache for values that never change once known, bounded in entries. Entries go into a young
/// generation; when that holds half the capacity it becomes the old generation and the previous old
/// one is dropped. An entry found in the old generation moves back to the young one, so entries in
/// use stay and the rest age out. Thread-safe: a lookup racing a change of generation may miss, and
/// the caller loads the value again, which is all a miss ever costs.
/// </summary>
internal sealed class RecentlyUsedCache<TKey, TValue>
    where TKey : notnull
{
    private readonly int _generationSize;
    private readonly Lock _aging = new();
    private ConcurrentDictionary<TKey, TValue> _young = new();
    private ConcurrentDictionary<TKey, TValue> _old = new();
    private int _youngCount;

    /// <param name="capacity">Most entries held, at least 2.</param>
    public RecentlyUsedCache(int capacity)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 2);
        _generationSize = capacity / 2;
    }

    /// <summary>Entries held now (never more than the capacity).</summary>
    public int Count => _young.Count + _old.Count;

    public bool TryGet(TKey key, out TValue value)
    {
        if (_young.TryGetValue(key, out value!))
        {
            return true;
        }

        if (_old.TryGetValue(key, out value!))
        {
            value = Add(key, value);
            return true;
        }

        return false;
    }

    /// <summary>The value already cached for <paramref name="key"/>, else <paramref name="value"/>, now cached.</summary>
    public TValue GetOrAdd(TKey key, TValue value)
    {
        if (TryGet(key, out var known))
        {
            return known;
        }

        return Add(key, value);
    }

    private TValue Add(TKey key, TValue value)
    {
        var young = _young;
        if (!young.TryAdd(key, value))
        {
            return young.TryGetValue(key, out var first) ? first : value;
        }

        if (Interlocked.Increment(ref _youngCount) >= _generationSize)
        {
            lock (_aging)
            {
                if (ReferenceEquals(young, _young))
                {
                    _old = young;
                    _young = new ConcurrentDictionary<TKey, TValue>();
                    _youngCount = 0;
                }
            }
        }

        return value;
    }
}
