using System.Text.Json;
using System.Text.Json.Serialization;

namespace CareFleet.Contracts.Care;

/// <summary>The outcome of reading a care message: the message, or every problem found (never both).</summary>
/// <typeparam name="T">The message type.</typeparam>
/// <param name="Message">The message when valid.</param>
/// <param name="Problems">What is wrong, each naming the field.</param>
public sealed record CareMessageResult<T>(T? Message, IReadOnlyList<string> Problems)
    where T : class
{
    /// <summary>Whether the message is valid.</summary>
    public bool IsValid => Message is not null;

    /// <summary>The problems as one line, for logs and rejections.</summary>
    public string Describe() => string.Join(" ", Problems);
}

/// <summary>
/// Reads care-topic payloads: strict JSON (camelCase, no unknown fields, enums as their documented strings)
/// followed by the structural rules of <c>docs/schemas</c>. Never throws on bad input.
/// </summary>
public static class CareMessageJson
{
    private static readonly string[] ConsciousnessLevels = ["A", "C", "V", "P", "U"];

    /// <summary>The serializer options for care messages (also for publishers in .NET).</summary>
    public static JsonSerializerOptions Options { get; } = CreateOptions();

    /// <summary>Reads a vital-signs payload.</summary>
    /// <param name="utf8Json">The payload.</param>
    /// <returns>The message or the problems.</returns>
    public static CareMessageResult<VitalSignsMessage> ReadVitals(ReadOnlySpan<byte> utf8Json)
    {
        var (message, problem) = Deserialize<VitalSignsMessage>(utf8Json);
        if (message is null)
        {
            return new(null, [problem!]);
        }

        var problems = new List<string>();
        CheckHeader(message.HeaderId, message.Timestamp, problems);
        CheckId("residentId", message.ResidentId, required: true, problems);
        CheckId("deviceId", message.DeviceId, required: false, problems);
        var quantities = new (string Name, CareQuantity? Value)[]
        {
            ("respiratoryRate", message.RespiratoryRate), ("spO2", message.SpO2), ("oxygenFlow", message.OxygenFlow),
            ("systolic", message.Systolic), ("diastolic", message.Diastolic), ("heartRate", message.HeartRate), ("temperature", message.Temperature),
        };
        foreach (var (name, value) in quantities)
        {
            if (value is not null && string.IsNullOrWhiteSpace(value.Unit))
            {
                problems.Add($"/{name}/unit: a UCUM unit is required.");
            }
        }

        if (message.Consciousness is { } level && !ConsciousnessLevels.Contains(level, StringComparer.Ordinal))
        {
            problems.Add($"/consciousness: '{level}' is not an ACVPU level (A, C, V, P or U).");
        }

        if (quantities.All(q => q.Value is null) && message.Consciousness is null && message.SupplementalOxygen is null)
        {
            problems.Add("/: the message carries no vital sign.");
        }

        return problems.Count == 0 ? new(message, []) : new(null, problems);
    }

    /// <summary>Reads a bed-event payload.</summary>
    /// <param name="utf8Json">The payload.</param>
    /// <returns>The message or the problems.</returns>
    public static CareMessageResult<BedEventMessage> ReadBedEvent(ReadOnlySpan<byte> utf8Json)
    {
        var (message, problem) = Deserialize<BedEventMessage>(utf8Json);
        if (message is null)
        {
            return new(null, [problem!]);
        }

        var problems = new List<string>();
        CheckHeader(message.HeaderId, message.Timestamp, problems);
        CheckId("residentId", message.ResidentId, required: true, problems);
        CheckId("deviceId", message.DeviceId, required: false, problems);
        if (!Enum.IsDefined(message.Event))
        {
            problems.Add($"/event: {(int)message.Event} is not a bed event.");
        }

        if (message.Event == BedEventType.Turn && message.TurnAngleDegrees is null)
        {
            problems.Add("/turnAngleDegrees: required for a turn.");
        }

        if (message.TurnAngleDegrees is { } angle && (double.IsNaN(angle) || angle < 0 || angle > 180))
        {
            problems.Add($"/turnAngleDegrees: {angle} is outside 0–180.");
        }

        return problems.Count == 0 ? new(message, []) : new(null, problems);
    }

    /// <summary>Reads a patrol-finding payload.</summary>
    /// <param name="utf8Json">The payload.</param>
    /// <returns>The message or the problems.</returns>
    public static CareMessageResult<PatrolFindingMessage> ReadFinding(ReadOnlySpan<byte> utf8Json)
    {
        var (message, problem) = Deserialize<PatrolFindingMessage>(utf8Json);
        if (message is null)
        {
            return new(null, [problem!]);
        }

        var problems = new List<string>();
        CheckHeader(message.HeaderId, message.Timestamp, problems);
        CheckId("residentId", message.ResidentId, required: false, problems);
        if (!Enum.IsDefined(message.Finding))
        {
            problems.Add($"/finding: {(int)message.Finding} is not a patrol finding.");
        }

        var location = message.Location;
        if (location is null)
        {
            problems.Add("/location: required.");
        }
        else
        {
            CheckId("location/roomId", location.RoomId, required: false, problems);
            CheckId("location/areaId", location.AreaId, required: false, problems);
            if (location.RoomId is null && location.AreaId is null && (location.X is null || location.Y is null))
            {
                problems.Add("/location: give a roomId, an areaId or both x and y.");
            }

            if (location.X is { } x && !double.IsFinite(x) || location.Y is { } y && !double.IsFinite(y))
            {
                problems.Add("/location: x and y must be finite numbers.");
            }
        }

        return problems.Count == 0 ? new(message, []) : new(null, problems);
    }

    private static (T? Message, string? Problem) Deserialize<T>(ReadOnlySpan<byte> utf8Json)
        where T : class
    {
        if (utf8Json.Trim(" \t\r\n"u8).IsEmpty)
        {
            return (null, "/: the payload is empty.");
        }

        try
        {
            var message = JsonSerializer.Deserialize<T>(utf8Json, Options);
            return message is null ? (null, "/: the payload is the JSON literal null.") : (message, null);
        }
        catch (JsonException e)
        {
            // The serializer's message names the path (e.g. "$.heartRate.value") and the expected type.
            return (null, $"{e.Path ?? "$"}: {FirstSentence(e.Message)}");
        }
    }

    private static string FirstSentence(string message)
    {
        var cut = message.IndexOf(". Path:", StringComparison.Ordinal);
        return cut > 0 ? message[..(cut + 1)] : message;
    }

    private static void CheckHeader(long headerId, DateTimeOffset timestamp, List<string> problems)
    {
        if (headerId < 0)
        {
            problems.Add($"/headerId: {headerId} is negative.");
        }

        if (timestamp == default)
        {
            problems.Add("/timestamp: required.");
        }
    }

    private static void CheckId(string name, string? value, bool required, List<string> problems)
    {
        if (value is null)
        {
            if (required)
            {
                problems.Add($"/{name}: required.");
            }

            return;
        }

        if (string.IsNullOrWhiteSpace(value) || value.Length > 64 || value.Any(char.IsControl))
        {
            problems.Add($"/{name}: must be 1–64 printable characters.");
        }
    }

    private static JsonSerializerOptions CreateOptions()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web)
        {
            DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
            UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
            NumberHandling = JsonNumberHandling.Strict,
            MaxDepth = 16,
        };
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }
}
