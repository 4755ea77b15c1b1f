using EPoomasi.Gateway.Errors;
using Google.Protobuf;
using Google.Protobuf.Reflection;
using Google.Protobuf.WellKnownTypes;

namespace EPoomasi.Gateway.Input;

/// <summary>
/// Checks every field of a request message, whatever the RPC, for values that nothing behind the
/// gateway can hold: text with a NUL character (PostgreSQL cannot store it) or half of a UTF-16
/// surrogate pair (it cannot be encoded as UTF-8), and Timestamps and Durations outside the ranges
/// their types document. Such a value is the caller's error, named by its field; left to reach the
/// database it failed the whole shared transaction, other callers' items included.
/// </summary>
public static class RequestFields
{
    // google.protobuf.Timestamp: 0001-01-01T00:00:00Z to 9999-12-31T23:59:59.999999999Z.
    private const long MinTimestampSeconds = -62_135_596_800;
    private const long MaxTimestampSeconds = 253_402_300_799;

    // google.protobuf.Duration: about ±10,000 years.
    private const long MaxDurationSeconds = 315_576_000_000;
    private const int MaxNanos = 999_999_999;

    /// <summary>Notes in <paramref name="violations"/> every field of <paramref name="message"/> that holds such a value.</summary>
    public static void Check(IMessage message, FieldViolations violations) => CheckMessage(message, "", violations);

    private static void CheckMessage(IMessage message, string path, FieldViolations violations)
    {
        foreach (var field in message.Descriptor.Fields.InFieldNumberOrder())
        {
            if (field.FieldType is not (FieldType.String or FieldType.Message))
            {
                continue;
            }

            var name = path.Length == 0 ? field.Name : $"{path}.{field.Name}";
            var value = field.Accessor.GetValue(message);
            if (field.IsMap)
            {
                var entry = field.MessageType;
                foreach (System.Collections.DictionaryEntry pair in (System.Collections.IDictionary)value)
                {
                    var at = $"{name}[{pair.Key}]";
                    CheckValue(entry.FindFieldByNumber(1), pair.Key, $"{name} (a key)", violations);
                    CheckValue(entry.FindFieldByNumber(2), pair.Value, at, violations);
                }
            }
            else if (field.IsRepeated)
            {
                var i = 0;
                foreach (var item in (System.Collections.IList)value)
                {
                    CheckValue(field, item, $"{name}[{i++}]", violations);
                }
            }
            else
            {
                CheckValue(field, value, name, violations);
            }
        }
    }

    private static void CheckValue(FieldDescriptor field, object? value, string name, FieldViolations violations)
    {
        switch (value)
        {
            case string text when Unstorable(text) is { } problem:
                violations.Add(name, problem);
                break;
            case Timestamp timestamp when !IsValid(timestamp):
                violations.Add(name, "Outside the range of a Timestamp: seconds from -62135596800 (0001-01-01) to 253402300799 (9999-12-31), nanos from 0 to 999999999.");
                break;
            case Duration duration when !IsValid(duration):
                violations.Add(name, "Outside the range of a Duration: seconds within ±315576000000, nanos within ±999999999 and of the same sign as seconds.");
                break;
            case IMessage nested when field.FieldType == FieldType.Message && nested is not Timestamp and not Duration:
                CheckMessage(nested, name, violations);
                break;
        }
    }

    private static string? Unstorable(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '\0')
            {
                return "Must not contain the NUL character (U+0000).";
            }

            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
            }
            else if (char.IsSurrogate(c))
            {
                return $"Must be valid Unicode text: character {i} is half of a surrogate pair (U+{(int)c:X4}).";
            }
        }

        return null;
    }

    private static bool IsValid(Timestamp timestamp) =>
        timestamp.Seconds is >= MinTimestampSeconds and <= MaxTimestampSeconds && timestamp.Nanos is >= 0 and <= MaxNanos;

    private static bool IsValid(Duration duration) =>
        duration.Seconds is >= -MaxDurationSeconds and <= MaxDurationSeconds
        && duration.Nanos is >= -MaxNanos and <= MaxNanos
        && (duration.Seconds == 0 || duration.Nanos == 0 || (duration.Seconds > 0) == (duration.Nanos > 0));
}
