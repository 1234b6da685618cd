using System.Text.Json;
using System.Text.Json.Serialization;
using PowerService.Domain.WorkOrders;

namespace PowerService.Web.Features.WorkOrders.Import;

/// <summary>A source's mapping as stored: JSON with the enums by name, so a reordered enum never changes a saved mapping.</summary>
public static class MappingJson
{
    private static readonly JsonSerializerOptions Options = new()
    {
        Converters = { new JsonStringEnumConverter() },
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    private sealed record Stored(Dictionary<string, ImportField>? Columns, ImportDefaults? Defaults);

    public static string Write(ColumnMapping mapping) =>
        JsonSerializer.Serialize(new Stored(mapping.Columns.ToDictionary(), mapping.Defaults), Options);

    public static ColumnMapping Read(string json)
    {
        var stored = JsonSerializer.Deserialize<Stored>(json, Options);
        return new ColumnMapping(stored?.Columns ?? [], stored?.Defaults ?? new ImportDefaults());
    }
}
