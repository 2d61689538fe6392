using System.Text.Json;
using System.Text.Json.Serialization;

namespace CareFleet.Alarms;

/// <summary>
/// The stored form of alarm events: JSON with a "type" discriminator, camelCase names and enums as
/// strings, so a stored history stays readable in an audit and survives enum reordering.
/// </summary>
public static class AlarmEventJson
{
    /// <summary>The serializer options for alarm events.</summary>
    public static JsonSerializerOptions Options { get; } = CreateOptions();

    /// <summary>Serializes one event.</summary>
    public static string Serialize(AlarmEvent alarmEvent) => JsonSerializer.Serialize(alarmEvent, Options);

    /// <summary>Reads one stored event.</summary>
    /// <exception cref="JsonException">The text is not a stored alarm event; the message says where it failed.</exception>
    public static AlarmEvent Deserialize(string json) =>
        JsonSerializer.Deserialize<AlarmEvent>(json, Options) ?? throw new JsonException("A stored alarm event was the JSON literal null.");

    private static JsonSerializerOptions CreateOptions()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web)
        {
            DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        };
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase, allowIntegerValues: false));
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }
}
