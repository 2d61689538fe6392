using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace CareFleet.Contracts.Vda5050;

/// <summary>The one set of serializer options for VDA 5050 on the wire.</summary>
public static class Vda5050Json
{
    /// <summary>
    /// camelCase names, enums as the spec's strings, nulls omitted, timestamps as UTC ISO 8601 with a Z.
    /// Read-only: share it, do not copy and tweak it, so every module writes identical JSON.
    /// </summary>
    public static JsonSerializerOptions Options { get; } = CreateOptions();

    /// <summary>Serializes a message with <see cref="Options"/>.</summary>
    /// <typeparam name="T">Message type.</typeparam>
    /// <param name="message">The message.</param>
    /// <returns>UTF-8 JSON.</returns>
    public static byte[] Serialize<T>(T message) where T : Vda5050Message =>
        JsonSerializer.SerializeToUtf8Bytes(message, Options);

    /// <summary>
    /// Deserializes a message that has already passed <see cref="Validation.Vda5050Validator"/>. Returns null instead of
    /// throwing when the payload does not fit the record type.
    /// </summary>
    /// <typeparam name="T">Message type.</typeparam>
    /// <param name="utf8Json">The payload.</param>
    /// <returns>The message, or null.</returns>
    public static T? TryDeserialize<T>(ReadOnlySpan<byte> utf8Json) where T : Vda5050Message
    {
        try
        {
            return JsonSerializer.Deserialize<T>(utf8Json, Options);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static JsonSerializerOptions CreateOptions()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web)
        {
            DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
            NumberHandling = JsonNumberHandling.Strict,
        };
        options.Converters.Add(new JsonStringEnumConverter(allowIntegerValues: false));
        options.Converters.Add(new Vda5050TimestampConverter());
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }
}

/// <summary>Writes timestamps the way the spec shows them (<c>2026-01-01T08:00:00.000Z</c>); reads any ISO 8601.</summary>
public sealed class Vda5050TimestampConverter : JsonConverter<DateTimeOffset>
{
    /// <inheritdoc />
    public override DateTimeOffset Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        var text = reader.GetString();
        if (text is null || !DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture,
                DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var value))
        {
            throw new JsonException($"'{text}' is not an ISO 8601 timestamp.");
        }

        return value;
    }

    /// <inheritdoc />
    public override void Write(Utf8JsonWriter writer, DateTimeOffset value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStringValue(value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture));
    }
}
