using System.Text.Json.Serialization;

namespace CareFleet.Contracts.Vda5050;

/// <summary>The header every VDA 5050 message carries (§6.5).</summary>
public abstract record Vda5050Message
{
    /// <summary>Per-topic message counter, incremented by one with every message sent on that topic.</summary>
    [JsonPropertyOrder(-10)]
    public uint HeaderId { get; init; }

    /// <summary>Time the message was created, written as ISO 8601 UTC (<c>YYYY-MM-DDTHH:mm:ss.fffZ</c>).</summary>
    [JsonPropertyOrder(-9)]
    public DateTimeOffset Timestamp { get; init; }

    /// <summary>Protocol version <c>Major.Minor.Patch</c>, e.g. <c>2.0.0</c>.</summary>
    [JsonPropertyOrder(-8)]
    public string Version { get; init; } = Vda5050Versions.Current;

    /// <summary>Manufacturer of the AGV.</summary>
    [JsonPropertyOrder(-7)]
    public string Manufacturer { get; init; } = "";

    /// <summary>Serial number of the AGV.</summary>
    [JsonPropertyOrder(-6)]
    public string SerialNumber { get; init; } = "";
}

/// <summary>Protocol versions CareFleet speaks.</summary>
public static class Vda5050Versions
{
    /// <summary>The version CareFleet writes in messages it sends: 2.0 is the floor every robot understands.</summary>
    public const string Current = "2.0.0";

    /// <summary>The newest minor version whose fields CareFleet accepts.</summary>
    public const string Newest = "2.1.0";
}

/// <summary>An action on a node, an edge or sent as an instant action (§6.8).</summary>
public sealed record Vda5050Action
{
    /// <summary>Action type, e.g. <c>pick</c>, <c>cancelOrder</c> or a manufacturer-specific type.</summary>
    public string ActionType { get; init; } = "";

    /// <summary>Unique id of this action instance.</summary>
    public string ActionId { get; init; } = "";

    /// <summary>Optional free text.</summary>
    public string? ActionDescription { get; init; }

    /// <summary>Whether the action may run while driving and beside other actions.</summary>
    public BlockingType BlockingType { get; init; }

    /// <summary>Parameters as key/value pairs; values may be any JSON.</summary>
    public IReadOnlyList<ActionParameter>? ActionParameters { get; init; }
}

/// <summary>One key/value parameter of an action.</summary>
/// <param name="Key">Parameter name.</param>
/// <param name="Value">Parameter value: string, number, boolean, array or (2.1) object.</param>
public sealed record ActionParameter(string Key, System.Text.Json.JsonElement Value);

/// <summary>Position of a node on a map.</summary>
public sealed record NodePosition
{
    /// <summary>X in metres.</summary>
    public double X { get; init; }

    /// <summary>Y in metres.</summary>
    public double Y { get; init; }

    /// <summary>Orientation in radians, -π..π.</summary>
    public double? Theta { get; init; }

    /// <summary>
    /// Radius in metres within which the node counts as traversed. Named <c>allowedDeviationXY</c> by the spec
    /// text and the 2.1 schema; the 2.0.0 schema file spells it <c>allowedDeviationXy</c> (an erratum).
    /// </summary>
    [JsonPropertyName("allowedDeviationXY")]
    public double? AllowedDeviationXY { get; init; }

    /// <summary>Allowed orientation deviation in radians.</summary>
    public double? AllowedDeviationTheta { get; init; }

    /// <summary>Map the position refers to.</summary>
    public string MapId { get; init; } = "";

    /// <summary>Optional map description.</summary>
    public string? MapDescription { get; init; }
}

/// <summary>A NURBS trajectory of an edge.</summary>
public sealed record Trajectory
{
    /// <summary>Degree of the NURBS curve.</summary>
    public int Degree { get; init; }

    /// <summary>Knot vector, values in 0..1.</summary>
    public IReadOnlyList<double> KnotVector { get; init; } = [];

    /// <summary>Control points.</summary>
    public IReadOnlyList<ControlPoint> ControlPoints { get; init; } = [];
}

/// <summary>A NURBS control point.</summary>
public sealed record ControlPoint
{
    /// <summary>X in metres.</summary>
    public double X { get; init; }

    /// <summary>Y in metres.</summary>
    public double Y { get; init; }

    /// <summary>Weight; 1 when absent (the 2.0 schema requires it).</summary>
    public double? Weight { get; init; }
}

/// <summary>Position of the AGV.</summary>
public sealed record AgvPosition
{
    /// <summary>Whether the AGV is localized.</summary>
    public bool PositionInitialized { get; init; }

    /// <summary>X in metres.</summary>
    public double X { get; init; }

    /// <summary>Y in metres.</summary>
    public double Y { get; init; }

    /// <summary>Orientation in radians.</summary>
    public double Theta { get; init; }

    /// <summary>Map the position refers to.</summary>
    public string MapId { get; init; } = "";

    /// <summary>Optional map description.</summary>
    public string? MapDescription { get; init; }

    /// <summary>Localization quality, 0..1.</summary>
    public double? LocalizationScore { get; init; }

    /// <summary>Position deviation range in metres.</summary>
    public double? DeviationRange { get; init; }
}

/// <summary>Velocity of the AGV in its own frame.</summary>
public sealed record Velocity
{
    /// <summary>Forward speed, m/s.</summary>
    public double? Vx { get; init; }

    /// <summary>Lateral speed, m/s.</summary>
    public double? Vy { get; init; }

    /// <summary>Turn rate, rad/s.</summary>
    public double? Omega { get; init; }
}

/// <summary>A bounding box reference point of a load.</summary>
public sealed record BoundingBoxReference
{
    /// <summary>X in metres.</summary>
    public double X { get; init; }

    /// <summary>Y in metres.</summary>
    public double Y { get; init; }

    /// <summary>Z in metres.</summary>
    public double Z { get; init; }

    /// <summary>Orientation in radians.</summary>
    public double? Theta { get; init; }
}

/// <summary>Dimensions of a load.</summary>
public sealed record LoadDimensions
{
    /// <summary>Length in metres.</summary>
    public double Length { get; init; }

    /// <summary>Width in metres.</summary>
    public double Width { get; init; }

    /// <summary>Height in metres.</summary>
    public double? Height { get; init; }
}
