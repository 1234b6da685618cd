using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace PowerService.Web.Data.Configurations;

/// <summary>
/// Stores a step's immutable record (findings, resolution, revisits…) as one JSON text column.
/// The records are read and written whole, never queried inside, and JSON text works the same on
/// SQLite and PostgreSQL; EF's owned-JSON mapping would need settable properties on domain records.
/// </summary>
internal static class JsonColumn
{
    private static readonly JsonSerializerOptions Options = new()
    {
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Converters = { new JsonStringEnumConverter() },
        // Computed properties (a clock's IsRunning, …) cannot be read back and are derived again on
        // load: not writing them saves about 90 bytes per complaint's clocks alone.
        IgnoreReadOnlyProperties = true,
    };

    public static PropertyBuilder<T> AsJson<T>(this PropertyBuilder<T> property)
    {
        property.HasConversion(
            v => JsonSerializer.Serialize(v, Options),
            s => JsonSerializer.Deserialize<T>(s, Options)!,
            new ValueComparer<T>(
                (a, b) => JsonSerializer.Serialize(a, Options) == JsonSerializer.Serialize(b, Options),
                v => JsonSerializer.Serialize(v, Options).GetHashCode(),
                v => JsonSerializer.Deserialize<T>(JsonSerializer.Serialize(v, Options), Options)!));
        return property;
    }
}
