using System.Text.Json;
using System.Text.Json.Serialization;

namespace EPoomasi.Exchange;

/// <summary>How the exchange writes its states, events and documents: the web defaults, with enums by name so the stored JSON reads.</summary>
internal static class ExchangeJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };
}
