using System.Text.Json;
using System.Text.Json.Serialization;

namespace CareFleet.Contracts.Vda5050;

/// <summary>What an AGV type is and can do; retained, resent on <c>factsheetRequest</c> (§6.15).</summary>
public sealed record Factsheet : Vda5050Message
{
    /// <summary>Type of the AGV series.</summary>
    public TypeSpecification TypeSpecification { get; init; } = new();

    /// <summary>Speeds, accelerations and dimensions.</summary>
    public PhysicalParameters PhysicalParameters { get; init; } = new();

    /// <summary>Limits of the AGV's protocol implementation.</summary>
    public ProtocolLimits ProtocolLimits { get; init; } = new();

    /// <summary>Supported optional parameters and actions.</summary>
    public ProtocolFeatures ProtocolFeatures { get; init; } = new();

    /// <summary>Geometry: wheels and envelopes.</summary>
    public AgvGeometry AgvGeometry { get; init; } = new();

    /// <summary>Load handling.</summary>
    public LoadSpecification LoadSpecification { get; init; } = new();

    /// <summary>Software versions and network settings (2.1).</summary>
    public VehicleConfig? VehicleConfig { get; init; }
}

/// <summary>Type of an AGV series.</summary>
public sealed record TypeSpecification
{
    /// <summary>Series name.</summary>
    public string SeriesName { get; init; } = "";

    /// <summary>Series description.</summary>
    public string? SeriesDescription { get; init; }

    /// <summary>Kinematics.</summary>
    public AgvKinematic AgvKinematic { get; init; }

    /// <summary>Class.</summary>
    public AgvClass AgvClass { get; init; }

    /// <summary>Maximum load mass in kg.</summary>
    public double MaxLoadMass { get; init; }

    /// <summary>Localization types.</summary>
    public IReadOnlyList<LocalizationType> LocalizationTypes { get; init; } = [];

    /// <summary>Navigation types.</summary>
    public IReadOnlyList<NavigationType> NavigationTypes { get; init; } = [];
}

/// <summary>Physical parameters.</summary>
public sealed record PhysicalParameters
{
    /// <summary>Minimum controlled speed, m/s.</summary>
    public double SpeedMin { get; init; }

    /// <summary>Maximum speed, m/s.</summary>
    public double SpeedMax { get; init; }

    /// <summary>Maximum acceleration, m/s².</summary>
    public double AccelerationMax { get; init; }

    /// <summary>Maximum deceleration, m/s².</summary>
    public double DecelerationMax { get; init; }

    /// <summary>Minimum height, metres.</summary>
    public double? HeightMin { get; init; }

    /// <summary>Maximum height, metres.</summary>
    public double HeightMax { get; init; }

    /// <summary>Width, metres.</summary>
    public double Width { get; init; }

    /// <summary>Length, metres.</summary>
    public double Length { get; init; }
}

/// <summary>Protocol limits.</summary>
public sealed record ProtocolLimits
{
    /// <summary>Maximum string lengths.</summary>
    public MaxStringLens MaxStringLens { get; init; } = new();

    /// <summary>Maximum array lengths.</summary>
    public MaxArrayLens MaxArrayLens { get; init; } = new();

    /// <summary>Timing limits.</summary>
    public ProtocolTiming Timing { get; init; } = new();
}

/// <summary>Maximum string lengths.</summary>
public sealed record MaxStringLens
{
    /// <summary>Maximum MQTT message length.</summary>
    public int? MsgLen { get; init; }

    /// <summary>Maximum serial number length in topics.</summary>
    public int? TopicSerialLen { get; init; }

    /// <summary>Maximum topic element length.</summary>
    public int? TopicElemLen { get; init; }

    /// <summary>Maximum id length.</summary>
    public int? IdLen { get; init; }

    /// <summary>Whether ids must be numerical.</summary>
    public bool? IdNumericalOnly { get; init; }

    /// <summary>Maximum enum length.</summary>
    public int? EnumLen { get; init; }

    /// <summary>Maximum load id length.</summary>
    public int? LoadIdLen { get; init; }
}

/// <summary>Maximum array lengths; the wire names contain dots.</summary>
public sealed record MaxArrayLens
{
    /// <summary>Maximum nodes per order.</summary>
    [JsonPropertyName("order.nodes")]
    public int? OrderNodes { get; init; }

    /// <summary>Maximum edges per order.</summary>
    [JsonPropertyName("order.edges")]
    public int? OrderEdges { get; init; }

    /// <summary>Maximum actions per node.</summary>
    [JsonPropertyName("node.actions")]
    public int? NodeActions { get; init; }

    /// <summary>Maximum actions per edge.</summary>
    [JsonPropertyName("edge.actions")]
    public int? EdgeActions { get; init; }

    /// <summary>Maximum parameters per action.</summary>
    [JsonPropertyName("actions.actionsParameters")]
    public int? ActionsActionsParameters { get; init; }

    /// <summary>Maximum instant actions per message.</summary>
    [JsonPropertyName("instantActions")]
    public int? InstantActions { get; init; }

    /// <summary>Maximum knots.</summary>
    [JsonPropertyName("trajectory.knotVector")]
    public int? TrajectoryKnotVector { get; init; }

    /// <summary>Maximum control points.</summary>
    [JsonPropertyName("trajectory.controlPoints")]
    public int? TrajectoryControlPoints { get; init; }

    /// <summary>Maximum node states.</summary>
    [JsonPropertyName("state.nodeStates")]
    public int? StateNodeStates { get; init; }

    /// <summary>Maximum edge states.</summary>
    [JsonPropertyName("state.edgeStates")]
    public int? StateEdgeStates { get; init; }

    /// <summary>Maximum loads.</summary>
    [JsonPropertyName("state.loads")]
    public int? StateLoads { get; init; }

    /// <summary>Maximum action states.</summary>
    [JsonPropertyName("state.actionStates")]
    public int? StateActionStates { get; init; }

    /// <summary>Maximum errors.</summary>
    [JsonPropertyName("state.errors")]
    public int? StateErrors { get; init; }

    /// <summary>Maximum information entries.</summary>
    [JsonPropertyName("state.information")]
    public int? StateInformation { get; init; }

    /// <summary>Maximum error references.</summary>
    [JsonPropertyName("error.errorReferences")]
    public int? ErrorErrorReferences { get; init; }

    /// <summary>Maximum info references.</summary>
    [JsonPropertyName("information.infoReferences")]
    public int? InformationInfoReferences { get; init; }
}

/// <summary>Timing limits, seconds.</summary>
public sealed record ProtocolTiming
{
    /// <summary>Minimum interval between orders.</summary>
    public double MinOrderInterval { get; init; }

    /// <summary>Minimum interval between states.</summary>
    public double MinStateInterval { get; init; }

    /// <summary>Default state interval.</summary>
    public double? DefaultStateInterval { get; init; }

    /// <summary>Visualization interval.</summary>
    public double? VisualizationInterval { get; init; }
}

/// <summary>Protocol features.</summary>
public sealed record ProtocolFeatures
{
    /// <summary>Optional parameters supported or required.</summary>
    public IReadOnlyList<OptionalParameter> OptionalParameters { get; init; } = [];

    /// <summary>Actions the AGV can run, including manufacturer-specific ones such as the care actions.</summary>
    public IReadOnlyList<AgvActionDefinition> AgvActions { get; init; } = [];
}

/// <summary>An optional protocol parameter.</summary>
public sealed record OptionalParameter
{
    /// <summary>Full name, e.g. <c>order.nodes.nodePosition.allowedDeviationTheta</c>.</summary>
    public string Parameter { get; init; } = "";

    /// <summary>Support level.</summary>
    public ParameterSupport Support { get; init; }

    /// <summary>Description.</summary>
    public string? Description { get; init; }
}

/// <summary>An action declared in the factsheet.</summary>
public sealed record AgvActionDefinition
{
    /// <summary>Action type.</summary>
    public string ActionType { get; init; } = "";

    /// <summary>Description.</summary>
    public string? ActionDescription { get; init; }

    /// <summary>Where the action may be used.</summary>
    public IReadOnlyList<ActionScope> ActionScopes { get; init; } = [];

    /// <summary>Parameters.</summary>
    public IReadOnlyList<ActionParameterDefinition>? ActionParameters { get; init; }

    /// <summary>Description of the result.</summary>
    public string? ResultDescription { get; init; }

    /// <summary>Allowed blocking types.</summary>
    public IReadOnlyList<BlockingType>? BlockingTypes { get; init; }
}

/// <summary>A declared action parameter.</summary>
public sealed record ActionParameterDefinition
{
    /// <summary>Key.</summary>
    public string Key { get; init; } = "";

    /// <summary>Data type.</summary>
    public ValueDataType ValueDataType { get; init; }

    /// <summary>Description.</summary>
    public string? Description { get; init; }

    /// <summary>Whether the parameter may be omitted.</summary>
    public bool? IsOptional { get; init; }
}

/// <summary>AGV geometry.</summary>
public sealed record AgvGeometry
{
    /// <summary>Wheels.</summary>
    public IReadOnlyList<WheelDefinition>? WheelDefinitions { get; init; }

    /// <summary>2D envelopes.</summary>
    public IReadOnlyList<Envelope2d>? Envelopes2d { get; init; }

    /// <summary>3D envelopes.</summary>
    public IReadOnlyList<Envelope3d>? Envelopes3d { get; init; }
}

/// <summary>A wheel.</summary>
public sealed record WheelDefinition
{
    /// <summary>Wheel type.</summary>
    public WheelType Type { get; init; }

    /// <summary>Whether driven.</summary>
    public bool IsActiveDriven { get; init; }

    /// <summary>Whether steered.</summary>
    public bool IsActiveSteered { get; init; }

    /// <summary>Position relative to the AGV.</summary>
    public WheelPosition Position { get; init; } = new();

    /// <summary>Diameter, metres.</summary>
    public double Diameter { get; init; }

    /// <summary>Width, metres.</summary>
    public double Width { get; init; }

    /// <summary>Caster displacement, metres.</summary>
    public double? CenterDisplacement { get; init; }

    /// <summary>Free-text constraints.</summary>
    public string? Constraints { get; init; }
}

/// <summary>Wheel position.</summary>
public sealed record WheelPosition
{
    /// <summary>X in metres.</summary>
    public double X { get; init; }

    /// <summary>Y in metres.</summary>
    public double Y { get; init; }

    /// <summary>Orientation in radians.</summary>
    public double? Theta { get; init; }
}

/// <summary>A 2D envelope.</summary>
public sealed record Envelope2d
{
    /// <summary>Envelope set name.</summary>
    public string Set { get; init; } = "";

    /// <summary>Polygon points.</summary>
    public IReadOnlyList<PolygonPoint> PolygonPoints { get; init; } = [];

    /// <summary>Description.</summary>
    public string? Description { get; init; }
}

/// <summary>A polygon point.</summary>
/// <param name="X">X in metres.</param>
/// <param name="Y">Y in metres.</param>
public sealed record PolygonPoint(double X, double Y);

/// <summary>A 3D envelope.</summary>
public sealed record Envelope3d
{
    /// <summary>Envelope set name.</summary>
    public string Set { get; init; } = "";

    /// <summary>Data format, e.g. DXF.</summary>
    public string Format { get; init; } = "";

    /// <summary>Inline data.</summary>
    public JsonElement? Data { get; init; }

    /// <summary>Where to download the data.</summary>
    public string? Url { get; init; }

    /// <summary>Description (the 2.1 schema types it as integer, an erratum; kept as raw JSON).</summary>
    public JsonElement? Description { get; init; }
}

/// <summary>Load specification.</summary>
public sealed record LoadSpecification
{
    /// <summary>Load positions on the AGV.</summary>
    public IReadOnlyList<string>? LoadPositions { get; init; }

    /// <summary>Load sets the AGV can handle.</summary>
    public IReadOnlyList<LoadSet>? LoadSets { get; init; }
}

/// <summary>A set of loads the AGV can handle.</summary>
public sealed record LoadSet
{
    /// <summary>Set name.</summary>
    public string SetName { get; init; } = "";

    /// <summary>Load type.</summary>
    public string LoadType { get; init; } = "";

    /// <summary>Positions.</summary>
    public IReadOnlyList<string>? LoadPositions { get; init; }

    /// <summary>Bounding box reference.</summary>
    public BoundingBoxReference? BoundingBoxReference { get; init; }

    /// <summary>Dimensions.</summary>
    public LoadDimensions? LoadDimensions { get; init; }

    /// <summary>Maximum weight, kg.</summary>
    public double? MaxWeight { get; init; }

    /// <summary>Minimum handling height, metres.</summary>
    public double? MinLoadhandlingHeight { get; init; }

    /// <summary>Maximum handling height, metres.</summary>
    public double? MaxLoadhandlingHeight { get; init; }

    /// <summary>Minimum handling depth, metres.</summary>
    public double? MinLoadhandlingDepth { get; init; }

    /// <summary>Maximum handling depth, metres.</summary>
    public double? MaxLoadhandlingDepth { get; init; }

    /// <summary>Minimum tilt, radians.</summary>
    public double? MinLoadhandlingTilt { get; init; }

    /// <summary>Maximum tilt, radians.</summary>
    public double? MaxLoadhandlingTilt { get; init; }

    /// <summary>Speed limit with this load, m/s.</summary>
    public double? AgvSpeedLimit { get; init; }

    /// <summary>Acceleration limit with this load.</summary>
    public double? AgvAccelerationLimit { get; init; }

    /// <summary>Deceleration limit with this load.</summary>
    public double? AgvDecelerationLimit { get; init; }

    /// <summary>Time to pick, seconds.</summary>
    public double? PickTime { get; init; }

    /// <summary>Time to drop, seconds.</summary>
    public double? DropTime { get; init; }

    /// <summary>Description.</summary>
    public string? Description { get; init; }
}

/// <summary>Vehicle configuration (2.1).</summary>
public sealed record VehicleConfig
{
    /// <summary>Software and hardware versions.</summary>
    public IReadOnlyList<VersionInfo>? Versions { get; init; }

    /// <summary>Network settings.</summary>
    public NetworkInfo? Network { get; init; }
}

/// <summary>A version entry.</summary>
/// <param name="Key">Component.</param>
/// <param name="Value">Version.</param>
public sealed record VersionInfo(string Key, string Value);

/// <summary>Network settings.</summary>
public sealed record NetworkInfo
{
    /// <summary>DNS servers.</summary>
    public IReadOnlyList<string>? DnsServers { get; init; }

    /// <summary>Local IP address.</summary>
    public string? LocalIpAddress { get; init; }

    /// <summary>NTP servers.</summary>
    public IReadOnlyList<string>? NtpServers { get; init; }

    /// <summary>Netmask.</summary>
    public string? Netmask { get; init; }

    /// <summary>Default gateway.</summary>
    public string? DefaultGateway { get; init; }
}
