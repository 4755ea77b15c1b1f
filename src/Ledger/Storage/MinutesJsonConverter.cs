using System.Text.Json;
using System.Text.Json.Serialization;

namespace EPoomasi.Ledger.Storage;

/// <summary>Stores <see cref="Minutes"/> as a plain JSON number, so SQL over documents and events can sum it.</summary>
internal sealed class MinutesJsonConverter : JsonConverter<Minutes>
{
    public override Minutes Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => new(reader.GetInt64());

    public override void Write(Utf8JsonWriter writer, Minutes value, JsonSerializerOptions options) => writer.WriteNumberValue(value.Value);
}
