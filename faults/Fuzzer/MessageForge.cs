using System.Collections;
using Google.Protobuf;
using Google.Protobuf.Reflection;
using Google.Protobuf.WellKnownTypes;

namespace EPoomasi.Fuzzer;

/// <summary>Random request messages of any type, built field by field from the contract's descriptors.</summary>
public sealed class MessageForge(Values values)
{
    private const int MaxDepth = 4;

    public IMessage Build(MessageDescriptor type) => Build(type, 0);

    private IMessage Build(MessageDescriptor type, int depth)
    {
        var message = (IMessage)Activator.CreateInstance(type.ClrType)!;
        foreach (var field in type.Fields.InDeclarationOrder())
        {
            // Some fields are left out, as real requests leave out fields they do not need.
            if (values.Random.Next(6) == 0)
            {
                continue;
            }

            if (field.IsMap)
            {
                var map = (IDictionary)field.Accessor.GetValue(message);
                var key = field.MessageType.FindFieldByNumber(1);
                var value = field.MessageType.FindFieldByNumber(2);
                for (var i = values.Random.Next(3); i > 0; i--)
                {
                    if (Value(key, depth) is { } k && Value(value, depth) is { } v) map[k] = v;
                }
            }
            else if (field.IsRepeated)
            {
                // Thousands of items only at the top: nested under thousands of items they multiplied into a message
                // of gigabytes that no gateway would ever read, and the fuzzer ran out of memory writing its JSON.
                var list = (IList)field.Accessor.GetValue(message);
                for (var i = depth == 0 ? values.Count() : values.Random.Next(4); i > 0; i--)
                {
                    if (Value(field, depth) is { } item) list.Add(item);
                }
            }
            else if (Value(field, depth) is { } single)
            {
                field.Accessor.SetValue(message, single);
            }
        }

        return message;
    }

    private object? Value(FieldDescriptor field, int depth) => field.FieldType switch
    {
        FieldType.String => values.Text(),
        FieldType.Bytes => ByteString.CopyFrom(Enumerable.Range(0, values.Random.Next(8)).Select(_ => (byte)values.Random.Next(256)).ToArray()),
        FieldType.Bool => values.Random.Next(2) == 0,
        FieldType.Int32 or FieldType.SInt32 or FieldType.SFixed32 => unchecked((int)values.WholeNumber()),
        FieldType.UInt32 or FieldType.Fixed32 => unchecked((uint)values.WholeNumber()),
        FieldType.UInt64 or FieldType.Fixed64 => unchecked((ulong)values.WholeNumber()),
        FieldType.Int64 or FieldType.SInt64 or FieldType.SFixed64 => field.Name.EndsWith("_seconds", StringComparison.Ordinal) ? values.Seconds() : values.WholeNumber(),
        FieldType.Double => values.Pick([0.0, -1.5, double.NaN, double.PositiveInfinity, 1e308]),
        FieldType.Float => values.Pick([0f, -1.5f, float.NaN, float.NegativeInfinity]),
        FieldType.Enum => System.Enum.ToObject(field.EnumType.ClrType, values.EnumNumber(field.EnumType.Values.Select(v => v.Number).ToList())),
        FieldType.Message when field.MessageType.FullName == Timestamp.Descriptor.FullName => values.Timestamp(),
        FieldType.Message when field.MessageType.FullName == Duration.Descriptor.FullName => values.Duration(),
        FieldType.Message => depth < MaxDepth ? Build(field.MessageType, depth + 1) : null,
        _ => null,
    };
}
