using System.Globalization;
using System.Text.Json;
using Google.Protobuf.Reflection;
using Google.Protobuf.WellKnownTypes;

namespace EPoomasi.Gateway.Input;

/// <summary>
/// Checks a JSON value against a protobuf message type as the proto3 JSON mapping defines it, naming each
/// problem by its path as the client wrote it (<c>transfers[0].amountMinutes</c>): fields the message does
/// not have, numbers that are not whole or out of range, enum names that do not exist, values of the wrong
/// kind. JSON transcoding on its own drops unknown fields silently (a misspelt <c>holdTimeoutSecs</c> once
/// made an immediate transfer instead of a hold) and reports other errors without saying where.
/// </summary>
public static class JsonFields
{
    /// <summary>Adds to <paramref name="problems"/> each problem of <paramref name="value"/> as a <paramref name="type"/>.</summary>
    public static void Check(JsonElement value, MessageDescriptor type, string path, List<(string Field, string Problem)> problems)
    {
        if (value.ValueKind == JsonValueKind.Null)
        {
            return;
        }

        if (CheckWellKnown(value, type, path, problems))
        {
            return;
        }

        if (value.ValueKind != JsonValueKind.Object)
        {
            problems.Add((path, $"Must be a JSON object ({type.Name})."));
            return;
        }

        foreach (var property in value.EnumerateObject())
        {
            var name = path.Length == 0 ? property.Name : $"{path}.{property.Name}";
            var field = Find(type, property.Name);
            if (field is null)
            {
                problems.Add((name, $"Unknown field: {type.Name} has no field '{property.Name}'. Its fields: {string.Join(", ", type.Fields.InDeclarationOrder().Select(f => f.JsonName))}."));
                continue;
            }

            CheckField(property.Value, field, name, problems);
        }
    }

    /// <summary>
    /// Adds to <paramref name="problems"/> the problem of a query-string parameter: its dotted name must lead
    /// to a field of <paramref name="type"/>, and its text must suit that field.
    /// </summary>
    public static void CheckQuery(string name, string text, MessageDescriptor type, List<(string Field, string Problem)> problems)
    {
        var segments = name.Split('.');
        FieldDescriptor? field = null;
        var current = type;
        foreach (var segment in segments)
        {
            field = current is null ? null : Find(current, segment);
            if (field is null)
            {
                problems.Add((name, $"Unknown field: {type.Name} has no field '{name}'."));
                return;
            }

            current = field.FieldType == FieldType.Message ? field.MessageType : null;
        }

        using var json = JsonDocument.Parse(field!.FieldType == FieldType.Bool && text is "true" or "false" ? text : JsonSerializer.Serialize(text));
        CheckSingle(json.RootElement, field, name, problems);
    }

    /// <summary>The field of <paramref name="type"/> named <paramref name="name"/> in JSON (lowerCamelCase) or proto (snake_case) form.</summary>
    public static FieldDescriptor? Find(MessageDescriptor type, string name) =>
        type.Fields.InDeclarationOrder().FirstOrDefault(f => f.JsonName == name || f.Name == name);

    private static void CheckField(JsonElement value, FieldDescriptor field, string path, List<(string, string)> problems)
    {
        if (value.ValueKind == JsonValueKind.Null)
        {
            return;
        }

        if (field.IsMap)
        {
            if (value.ValueKind != JsonValueKind.Object)
            {
                problems.Add((path, "Must be a JSON object (a map)."));
                return;
            }

            var valueField = field.MessageType.FindFieldByNumber(2);
            foreach (var entry in value.EnumerateObject())
            {
                CheckSingle(entry.Value, valueField, $"{path}[{entry.Name}]", problems);
            }
        }
        else if (field.IsRepeated)
        {
            if (value.ValueKind != JsonValueKind.Array)
            {
                problems.Add((path, "Must be a JSON array."));
                return;
            }

            var i = 0;
            foreach (var item in value.EnumerateArray())
            {
                var at = $"{path}[{i++}]";
                if (item.ValueKind == JsonValueKind.Null) problems.Add((at, "Must not be null."));
                else CheckSingle(item, field, at, problems);
            }
        }
        else
        {
            CheckSingle(value, field, path, problems);
        }
    }

    private static void CheckSingle(JsonElement value, FieldDescriptor field, string path, List<(string, string)> problems)
    {
        var problem = field.FieldType switch
        {
            FieldType.Message or FieldType.Group => null,
            FieldType.Enum => EnumProblem(value, field.EnumType),
            FieldType.Bool => value.ValueKind is JsonValueKind.True or JsonValueKind.False ? null : "Must be true or false.",
            FieldType.String => StringProblem(value),
            FieldType.Bytes => value.ValueKind == JsonValueKind.String && IsBase64(value.GetString()!) ? null : "Must be a base64 string.",
            FieldType.Float or FieldType.Double => NumberProblem(value),
            FieldType.Int32 or FieldType.SInt32 or FieldType.SFixed32 => WholeProblem(value, int.MinValue, int.MaxValue),
            FieldType.UInt32 or FieldType.Fixed32 => WholeProblem(value, 0, uint.MaxValue),
            FieldType.UInt64 or FieldType.Fixed64 => WholeProblem(value, 0, ulong.MaxValue),
            _ => WholeProblem(value, long.MinValue, long.MaxValue),
        };
        if (problem is not null)
        {
            problems.Add((path, problem));
        }
        else if (field.FieldType == FieldType.Message)
        {
            Check(value, field.MessageType, path, problems);
        }
    }

    // Well-known types have JSON forms of their own; returns true when it has checked one.
    private static bool CheckWellKnown(JsonElement value, MessageDescriptor type, string path, List<(string, string)> problems)
    {
        string? problem;
        if (type.FullName == Timestamp.Descriptor.FullName)
        {
            problem = value.ValueKind == JsonValueKind.String && DateTimeOffset.TryParse(value.GetString(), CultureInfo.InvariantCulture, DateTimeStyles.None, out _)
                ? null : "Must be an RFC 3339 timestamp string, e.g. \"2026-12-02T09:00:00Z\".";
        }
        else if (type.FullName == Duration.Descriptor.FullName)
        {
            problem = value.ValueKind == JsonValueKind.String && value.GetString()!.EndsWith('s')
                && decimal.TryParse(value.GetString()![..^1], NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out _)
                ? null : "Must be a duration string in seconds, e.g. \"600s\".";
        }
        else if (type.File == Struct.Descriptor.File || type.FullName == Any.Descriptor.FullName || type.FullName == FieldMask.Descriptor.FullName)
        {
            problem = null;
        }
        else if (type.File == Int64Value.Descriptor.File)
        {
            CheckSingle(value, type.FindFieldByNumber(1), path, problems);
            return true;
        }
        else
        {
            return false;
        }

        if (problem is not null)
        {
            problems.Add((path, problem));
        }

        return true;
    }

    private static string? EnumProblem(JsonElement value, EnumDescriptor type)
    {
        if (value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out _))
        {
            return null;
        }

        return value.ValueKind == JsonValueKind.String && type.FindValueByName(value.GetString()!) is not null
            ? null
            : $"Must be one of: {string.Join(", ", type.Values.Select(v => v.Name))}.";
    }

    private static string? StringProblem(JsonElement value)
    {
        if (value.ValueKind != JsonValueKind.String)
        {
            return "Must be a JSON string.";
        }

        try
        {
            value.GetString();
            return null;
        }
        catch (InvalidOperationException)
        {
            return "Must be valid Unicode text: it holds half of a surrogate pair.";
        }
    }

    private static string? NumberProblem(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Number => null,
        JsonValueKind.String when value.GetString() is "NaN" or "Infinity" or "-Infinity"
            || double.TryParse(value.GetString(), NumberStyles.Float, CultureInfo.InvariantCulture, out _) => null,
        _ => "Must be a number.",
    };

    // Proto3 JSON writes 64-bit integers as strings and accepts numbers; either must be whole and in range.
    private static string? WholeProblem(JsonElement value, decimal min, decimal max)
    {
        decimal number;
        if (value.ValueKind == JsonValueKind.Number)
        {
            if (!value.TryGetDecimal(out number)) return $"Must be a whole number from {min} to {max}.";
        }
        else if (value.ValueKind != JsonValueKind.String
            || !decimal.TryParse(value.GetString(), NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint | NumberStyles.AllowExponent, CultureInfo.InvariantCulture, out number))
        {
            return $"Must be a whole number (a JSON number or a string of digits) from {min} to {max}.";
        }

        return number != decimal.Truncate(number) || number < min || number > max ? $"Must be a whole number from {min} to {max}." : null;
    }

    private static bool IsBase64(string text) => text.Length % 4 == 0
        ? Convert.TryFromBase64String(text, new byte[text.Length], out _)
        : Convert.TryFromBase64String(text.Replace('-', '+').Replace('_', '/').PadRight(text.Length + (4 - text.Length % 4) % 4, '='), new byte[text.Length + 3], out _);
}
