using System.Collections.Concurrent;
using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Json.Schema;

namespace CareFleet.Contracts.Vda5050.Validation;

/// <summary>
/// Validates inbound VDA 5050 JSON against the official schemas (2.0.0 and 2.1.0, embedded) and then against
/// rules the schemas cannot express. Never throws on bad input.
/// </summary>
public static class Vda5050Validator
{
    private static readonly ConcurrentDictionary<(string Version, Vda5050Topic Topic), JsonSchema> Schemas = new();
    private static readonly EvaluationOptions Evaluation = new() { OutputFormat = OutputFormat.List, RequireFormatValidation = true };

    /// <summary>Validates a payload received on a topic.</summary>
    /// <param name="topic">The topic the payload arrived on.</param>
    /// <param name="utf8Json">The raw payload.</param>
    /// <returns>Valid, or every error found with its JSON pointer.</returns>
    public static Vda5050ValidationResult Validate(Vda5050Topic topic, ReadOnlySpan<byte> utf8Json)
    {
        if (utf8Json.IsEmpty || utf8Json.Trim(" \t\r\n"u8).IsEmpty)
        {
            return Fail(null, "", "Payload is empty.");
        }

        if (!System.Text.Unicode.Utf8.IsValid(utf8Json))
        {
            return Fail(null, "", "Payload is not valid UTF-8.");
        }

        JsonDocument document;
        try
        {
            var reader = new Utf8JsonReader(utf8Json, new JsonReaderOptions { MaxDepth = 64 });
            document = JsonDocument.ParseValue(ref reader);
            if (reader.Read())
            {
                return Fail(null, "", "Payload has data after the JSON value.");
            }
        }
        catch (JsonException ex)
        {
            return Fail(null, "", $"Payload is not valid JSON: line {ex.LineNumber + 1}, byte {ex.BytePositionInLine}.");
        }

        using (document)
        {
            return Validate(topic, document.RootElement);
        }
    }

    /// <summary>Validates a payload given as text.</summary>
    /// <param name="topic">The topic the payload arrived on.</param>
    /// <param name="json">The payload.</param>
    /// <returns>Valid, or every error found with its JSON pointer.</returns>
    public static Vda5050ValidationResult Validate(Vda5050Topic topic, string? json) =>
        Validate(topic, json is null ? [] : Encoding.UTF8.GetBytes(json));

    /// <summary>Validates an already parsed payload.</summary>
    /// <param name="topic">The topic the payload arrived on.</param>
    /// <param name="root">The root element.</param>
    /// <returns>Valid, or every error found with its JSON pointer.</returns>
    public static Vda5050ValidationResult Validate(Vda5050Topic topic, JsonElement root)
    {
        if (root.ValueKind != JsonValueKind.Object)
        {
            return Fail(null, "", $"Expected a JSON object, got {root.ValueKind}.");
        }

        if (!root.TryGetProperty("version", out var versionElement) || versionElement.ValueKind != JsonValueKind.String)
        {
            return Fail(null, "/version", "Missing or not a string; the schema version cannot be chosen.");
        }

        var schemaVersion = SchemaVersionFor(versionElement.GetString()!, out var versionError);
        if (schemaVersion is null)
        {
            return Fail(null, "/version", versionError!);
        }

        var errors = new List<Vda5050ValidationError>();
        var results = SchemaFor(schemaVersion, topic).Evaluate(root, Evaluation);
        if (!results.IsValid)
        {
            CollectSchemaErrors(results, errors);
            if (errors.Count == 0)
            {
                errors.Add(new Vda5050ValidationError("", "Does not match the schema."));
            }
        }
        else
        {
            Vda5050SemanticRules.Check(topic, root, errors);
        }

        return new Vda5050ValidationResult { Errors = errors, SchemaVersion = schemaVersion };
    }

    /// <summary>Chooses the schema for a protocol version: 2.0.x uses 2.0, 2.1.x uses 2.1; anything else is refused.</summary>
    /// <param name="version">The message's <c>version</c> field.</param>
    /// <param name="error">Why the version is refused.</param>
    /// <returns><c>2.0</c>, <c>2.1</c> or null.</returns>
    public static string? SchemaVersionFor(string version, out string? error)
    {
        ArgumentNullException.ThrowIfNull(version);
        var parts = version.Split('.');
        if (parts.Length != 3 || !parts.All(p => p.Length > 0 && p.All(char.IsAsciiDigit)))
        {
            error = $"'{version}' is not a Major.Minor.Patch version.";
            return null;
        }

        error = null;
        switch (parts[0], parts[1])
        {
            case ("2", "0"):
                return "2.0";
            case ("2", "1"):
                return "2.1";
            case ("2", _):
                error = $"Version '{version}' is not supported; CareFleet accepts 2.0.x and 2.1.x.";
                return null;
            default:
                error = $"Major version {parts[0]} is not supported; CareFleet speaks VDA 5050 major version 2.";
                return null;
        }
    }

    private static void CollectSchemaErrors(EvaluationResults results, List<Vda5050ValidationError> errors)
    {
        if (results.Errors is { Count: > 0 })
        {
            var pointer = results.InstanceLocation.ToString();
            foreach (var (keyword, message) in results.Errors)
            {
                var error = new Vda5050ValidationError(pointer, $"{message} ({keyword})");
                if (!errors.Contains(error))
                {
                    errors.Add(error);
                }
            }
        }

        if (results.Details is { } details)
        {
            foreach (var detail in details)
            {
                CollectSchemaErrors(detail, errors);
            }
        }
    }

    private static JsonSchema SchemaFor(string version, Vda5050Topic topic) =>
        Schemas.GetOrAdd((version, topic), static key => LoadSchema(key.Version, key.Topic));

    private static JsonSchema LoadSchema(string version, Vda5050Topic topic)
    {
        // The 2.0.0 instantActions schema requires "actionName" where the 2.0 spec text (§6.9) and every
        // implementation use "actionType" (fixed in 2.1.0); validating against it would reject every correct
        // 2.0 message, so 2.0 instantActions are checked with the 2.1 schema.
        var folder = version == "2.0" && topic == Vda5050Topic.InstantActions ? "v2_1" : version == "2.0" ? "v2_0" : "v2_1";
        var file = topic == Vda5050Topic.Factsheet && folder == "v2_0" ? "factsheet.json" : Vda5050Topics.Name(topic) + ".schema";
        var resource = $"vda5050/{folder}/{file}";
        using var stream = typeof(Vda5050Validator).Assembly.GetManifestResourceStream(resource)
            ?? throw new InvalidOperationException($"Embedded schema '{resource}' is missing from the build.");
        using var reader = new StreamReader(stream);
        var text = reader.ReadToEnd();

        // The official files use draft-07 "definitions" with "$ref": "#/definitions/…" under a 2020-12 dialect;
        // renaming to "$defs" keeps their meaning while letting a strict 2020-12 evaluator resolve the references.
        text = text.Replace("\"definitions\"", "\"$defs\"", StringComparison.Ordinal)
            .Replace("#/definitions/", "#/$defs/", StringComparison.Ordinal);

        if (folder == "v2_1" && topic == Vda5050Topic.Factsheet)
        {
            text = FixFactsheetBlockingTypes(text);
        }

        var options = new BuildOptions { SchemaRegistry = new SchemaRegistry() };
        var baseUri = new Uri(string.Create(CultureInfo.InvariantCulture, $"https://carefleet.invalid/vda5050/{folder}/{file}"));
        return JsonSchema.FromText(text, options, baseUri);
    }

    private static string FixFactsheetBlockingTypes(string text)
    {
        // The 2.1.0 factsheet schema puts the NONE/SOFT/HARD enum on the blockingTypes array itself instead of on
        // its items, so every factsheet that declares blocking types would fail; move the enum to the items.
        var root = JsonNode.Parse(text)!;
        var blocking = root["properties"]?["protocolFeatures"]?["properties"]?["agvActions"]?["items"]?["properties"]?["blockingTypes"]?.AsObject();
        if (blocking is not null && blocking["enum"] is JsonArray values)
        {
            blocking.Remove("enum");
            blocking["items"] = new JsonObject { ["type"] = "string", ["enum"] = values };
        }

        return root.ToJsonString();
    }

    private static Vda5050ValidationResult Fail(string? schemaVersion, string pointer, string message) =>
        new() { Errors = [new Vda5050ValidationError(pointer, message)], SchemaVersion = schemaVersion };
}
