using Google.Protobuf.WellKnownTypes;

namespace EPoomasi.Fuzzer;

/// <summary>
/// Values a hostile or careless client sends: real ids of this world and of strangers, boundaries,
/// text PostgreSQL cannot store, numbers out of range, enum numbers the contract does not define.
/// </summary>
public sealed class Values(Random random, FuzzWorld world)
{
    /// <summary>Stands for text that is not valid UTF-8; <see cref="Mutations"/> swaps in the bad bytes after encoding.</summary>
    public const string InvalidUtf8Marker = "\u2603INVALID\u2603";

    private static readonly string[] Texts =
    [
        "", "x", "서울 마포구에서 아이 돌보기", "bike repair", "a\0b", "\0", "\u0001\u001f\u007f", "\u202Eevil", "😀👍",
        "' or 1=1 --", "%s%n", "../../etc/passwd", "mapo", "gangnam", "1h 30m", "-1", "NaN", InvalidUtf8Marker,
    ];

    public Random Random { get; } = random;

    public string Text()
    {
        return Random.Next(20) switch
        {
            < 6 => Pick(world.Accounts),
            < 8 => Pick(world.Districts),
            8 => Guid.NewGuid().ToString(),
            9 => Pick(world.Holds.Concat(world.Transfers).ToList()),
            10 => new string('x', Random.Next(1, 3) == 1 ? 513 : 70_000),
            _ => Pick(Texts),
        };
    }

    public long WholeNumber() => Random.Next(16) switch
    {
        0 => 0,
        1 => -1,
        2 => long.MaxValue,
        3 => long.MinValue,
        4 => int.MaxValue,
        5 => int.MinValue,
        6 => 60,
        7 => 6_000_001,
        _ => Random.Next(1, 200),
    };

    public int EnumNumber(IReadOnlyList<int> defined) => Random.Next(8) switch
    {
        0 => 99,
        1 => -1,
        2 => int.MaxValue,
        _ => defined[Random.Next(defined.Count)],
    };

    public Timestamp Timestamp() => Random.Next(8) switch
    {
        0 => new Timestamp { Seconds = 253_402_300_800 },
        1 => new Timestamp { Seconds = 1_000, Nanos = 1_000_000_000 },
        2 => new Timestamp { Seconds = 1_000, Nanos = -1 },
        3 => new Timestamp { Seconds = -62_135_596_801 },
        4 => new Timestamp(),
        _ => Google.Protobuf.WellKnownTypes.Timestamp.FromDateTimeOffset(DateTimeOffset.UtcNow.AddMinutes(Random.Next(-100_000, 100))),
    };

    public Duration Duration() => Random.Next(6) switch
    {
        0 => new Duration { Seconds = 315_576_000_001 },
        1 => new Duration { Seconds = 5, Nanos = -5 },
        2 => new Duration { Nanos = 1_000_000_000 },
        _ => new Duration { Seconds = Random.Next(0, 100_000) },
    };

    /// <summary>How many items a repeated field gets: mostly a few, now and then more than any limit allows.</summary>
    public int Count() => Random.Next(200) switch
    {
        0 => 8_001,
        < 5 => 1_001,
        < 40 => 0,
        _ => Random.Next(1, 4),
    };

    /// <summary>
    /// A number of seconds: a timeout. Positive ones are long, so that a hold the fuzzer places never
    /// expires while it runs and changes the books under a request it is checking.
    /// </summary>
    public long Seconds() => Random.Next(6) switch
    {
        0 => -1,
        1 => long.MaxValue,
        2 => Random.Next(3_600, 864_000),
        _ => 0,
    };

    public T Pick<T>(IReadOnlyList<T> items) => items[Random.Next(items.Count)];
}
