using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace CareFleet.Contracts.Maps;

/// <summary>Reads and writes home map files.</summary>
public static class HomeMapJson
{
    /// <summary>camelCase, enums as camelCase strings, nulls omitted, indented.</summary>
    public static JsonSerializerOptions Options { get; } = CreateOptions();

    /// <summary>Writes a map document.</summary>
    /// <param name="document">The map.</param>
    /// <returns>JSON text.</returns>
    public static string Serialize(HomeMapDocument document) => JsonSerializer.Serialize(document, Options);

    /// <summary>Reads a map document without throwing on bad input.</summary>
    /// <param name="json">The file content.</param>
    /// <param name="document">The map when readable.</param>
    /// <param name="error">Where and why reading failed.</param>
    /// <returns>True when read.</returns>
    public static bool TryDeserialize(string? json, [NotNullWhen(true)] out HomeMapDocument? document, [NotNullWhen(false)] out string? error)
    {
        document = null;
        if (string.IsNullOrWhiteSpace(json))
        {
            error = "Map file is empty.";
            return false;
        }

        try
        {
            document = JsonSerializer.Deserialize<HomeMapDocument>(json, Options);
        }
        catch (JsonException ex)
        {
            var where = ex.Path is { Length: > 0 } path ? $" at {path}" : "";
            error = $"Map file is not valid map JSON{where} (line {(ex.LineNumber ?? 0) + 1}): {FirstLine(ex.Message)}";
            return false;
        }

        if (document is null)
        {
            error = "Map file holds JSON null, not a map.";
            return false;
        }

        error = null;
        return true;
    }

    private static string FirstLine(string message)
    {
        var cut = message.IndexOf(" Path:", StringComparison.Ordinal);
        return cut > 0 ? message[..cut] : message;
    }

    private static JsonSerializerOptions CreateOptions()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web)
        {
            DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
            WriteIndented = true,
            ReadCommentHandling = JsonCommentHandling.Skip,
            AllowTrailingCommas = true,
        };
        options.Converters.Add(new JsonStringEnumConverter(allowIntegerValues: false));
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }
}

/// <summary>Reads and writes a time of day as <c>HH:mm</c>.</summary>
public sealed class HourMinuteConverter : JsonConverter<TimeOnly>
{
    /// <inheritdoc />
    public override TimeOnly Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        var text = reader.TokenType == JsonTokenType.String ? reader.GetString() : null;
        if (text is null || !TimeOnly.TryParseExact(text, ["HH:mm", "HH:mm:ss"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var value))
        {
            throw new JsonException($"'{text}' is not a time of day in HH:mm form.");
        }

        return value;
    }

    /// <inheritdoc />
    public override void Write(Utf8JsonWriter writer, TimeOnly value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStringValue(value.ToString("HH:mm", CultureInfo.InvariantCulture));
    }
}
