using EPoomasi.Ledger.Storage;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace EPoomasi.Ledger.Tests.Storage;

/// <summary>
/// The bounded cache behind the account directory: whatever is added and looked up, it never holds
/// more than its capacity, never answers a value other than the first one cached for a key, and keeps
/// an entry that is looked up at least once per half of its capacity of new entries.
/// </summary>
public sealed class RecentlyUsedCacheProperties
{
    private const int Capacity = 20;

    public static Arbitrary<int[]> Keys() => Gen.ArrayOf(Gen.Choose(0, 60)).ToArbitrary();

    [Property(Arbitrary = [typeof(RecentlyUsedCacheProperties)])]
    public bool It_never_holds_more_than_its_capacity_and_a_hit_answers_the_value_cached(int[] keys)
    {
        var cache = new RecentlyUsedCache<int, string>(Capacity);
        var lastAnswers = new Dictionary<int, string>();
        for (var i = 0; i < keys.Length; i++)
        {
            var offered = $"{keys[i]} at {i}";
            var isHit = cache.TryGet(keys[i], out var found);
            var answered = cache.GetOrAdd(keys[i], offered);
            var expected = isHit ? found : offered;
            if ((isHit && found != lastAnswers.GetValueOrDefault(keys[i])) || answered != expected || cache.Count > Capacity)
            {
                return false;
            }

            lastAnswers[keys[i]] = answered;
        }

        return true;
    }

    [Fact]
    public void An_entry_in_use_stays_while_the_rest_age_out()
    {
        var cache = new RecentlyUsedCache<int, string>(Capacity);
        cache.GetOrAdd(-1, "in use");
        cache.GetOrAdd(-2, "forgotten");

        for (var i = 0; i < 10 * Capacity; i++)
        {
            cache.GetOrAdd(i, $"value {i}");
            if (i % (Capacity / 2 - 1) == 0)
            {
                Assert.True(cache.TryGet(-1, out var inUse), $"The entry in use was dropped after {i + 1} new entries.");
                Assert.Equal("in use", inUse);
                Assert.Equal("in use", cache.GetOrAdd(-1, "replaced"));
            }
        }

        Assert.False(cache.TryGet(-2, out _));
        Assert.InRange(cache.Count, Capacity / 2, Capacity);
    }
}
