namespace CareFleet.Contracts.Vda5050;

/// <summary>The AGV's full state on the <c>state</c> topic (§6.10).</summary>
public sealed record AgvState : Vda5050Message
{
    /// <summary>Maps on the AGV (2.1).</summary>
    public IReadOnlyList<AgvMap>? Maps { get; init; }

    /// <summary>Current or last order id; empty when the AGV never had an order.</summary>
    public string OrderId { get; init; } = "";

    /// <summary>Current or last order update id.</summary>
    public uint OrderUpdateId { get; init; }

    /// <summary>Zone set in use (optional).</summary>
    public string? ZoneSetId { get; init; }

    /// <summary>Last node reached or passed.</summary>
    public string LastNodeId { get; init; } = "";

    /// <summary>Sequence id of <see cref="LastNodeId"/> in the order.</summary>
    public uint LastNodeSequenceId { get; init; }

    /// <summary>Nodes still to traverse.</summary>
    public IReadOnlyList<NodeState> NodeStates { get; init; } = [];

    /// <summary>Edges still to traverse.</summary>
    public IReadOnlyList<EdgeState> EdgeStates { get; init; } = [];

    /// <summary>Current position, when known.</summary>
    public AgvPosition? AgvPosition { get; init; }

    /// <summary>Current velocity.</summary>
    public Velocity? Velocity { get; init; }

    /// <summary>Loads carried.</summary>
    public IReadOnlyList<Load>? Loads { get; init; }

    /// <summary>Whether the AGV is driving or rotating.</summary>
    public bool Driving { get; init; }

    /// <summary>Whether the AGV is paused (by instant action or button).</summary>
    public bool? Paused { get; init; }

    /// <summary>The AGV is nearing the decision point and asks for the base to be extended.</summary>
    public bool? NewBaseRequest { get; init; }

    /// <summary>Distance driven since the last node, metres.</summary>
    public double? DistanceSinceLastNode { get; init; }

    /// <summary>States of order actions and of instant actions received since the last order.</summary>
    public IReadOnlyList<ActionState> ActionStates { get; init; } = [];

    /// <summary>Battery.</summary>
    public BatteryState BatteryState { get; init; } = new();

    /// <summary>Who is in control.</summary>
    public OperatingMode OperatingMode { get; init; }

    /// <summary>Errors; WARNING clears itself, FATAL needs a person.</summary>
    public IReadOnlyList<AgvError> Errors { get; init; } = [];

    /// <summary>Information for visualisation and debugging only.</summary>
    public IReadOnlyList<AgvInformation>? Information { get; init; }

    /// <summary>Safety state.</summary>
    public SafetyState SafetyState { get; init; } = new();
}

/// <summary>A map stored on the AGV (2.1).</summary>
public sealed record AgvMap
{
    /// <summary>Map id.</summary>
    public string MapId { get; init; } = "";

    /// <summary>Map version.</summary>
    public string MapVersion { get; init; } = "";

    /// <summary>Optional description.</summary>
    public string? MapDescription { get; init; }

    /// <summary>Whether the map is in use.</summary>
    public MapStatus MapStatus { get; init; }
}

/// <summary>A node still to traverse.</summary>
public sealed record NodeState
{
    /// <summary>Node id.</summary>
    public string NodeId { get; init; } = "";

    /// <summary>Sequence id in the order.</summary>
    public uint SequenceId { get; init; }

    /// <summary>Optional description.</summary>
    public string? NodeDescription { get; init; }

    /// <summary>Whether the node is in the base.</summary>
    public bool Released { get; init; }

    /// <summary>Node position.</summary>
    public NodePosition? NodePosition { get; init; }
}

/// <summary>An edge still to traverse.</summary>
public sealed record EdgeState
{
    /// <summary>Edge id.</summary>
    public string EdgeId { get; init; } = "";

    /// <summary>Sequence id in the order.</summary>
    public uint SequenceId { get; init; }

    /// <summary>Optional description.</summary>
    public string? EdgeDescription { get; init; }

    /// <summary>Whether the edge is in the base.</summary>
    public bool Released { get; init; }

    /// <summary>Trajectory the AGV computed.</summary>
    public Trajectory? Trajectory { get; init; }
}

/// <summary>A load on the AGV.</summary>
public sealed record Load
{
    /// <summary>Load id.</summary>
    public string? LoadId { get; init; }

    /// <summary>Load type.</summary>
    public string? LoadType { get; init; }

    /// <summary>Where on the AGV the load sits.</summary>
    public string? LoadPosition { get; init; }

    /// <summary>Bounding box reference point.</summary>
    public BoundingBoxReference? BoundingBoxReference { get; init; }

    /// <summary>Dimensions.</summary>
    public LoadDimensions? LoadDimensions { get; init; }

    /// <summary>Weight in kg.</summary>
    public double? Weight { get; init; }
}

/// <summary>The state of one action.</summary>
public sealed record ActionState
{
    /// <summary>Action id.</summary>
    public string ActionId { get; init; } = "";

    /// <summary>Action type.</summary>
    public string? ActionType { get; init; }

    /// <summary>Optional description.</summary>
    public string? ActionDescription { get; init; }

    /// <summary>Status.</summary>
    public ActionStatus ActionStatus { get; init; }

    /// <summary>Result text; care actions use the conventions in <c>CareActionResults</c>.</summary>
    public string? ResultDescription { get; init; }
}

/// <summary>Battery state.</summary>
public sealed record BatteryState
{
    /// <summary>State of charge in percent.</summary>
    public double BatteryCharge { get; init; }

    /// <summary>Voltage.</summary>
    public double? BatteryVoltage { get; init; }

    /// <summary>State of health in percent (the 2.0 schema demands an integer, 2.1 any number).</summary>
    public double? BatteryHealth { get; init; }

    /// <summary>Whether charging.</summary>
    public bool Charging { get; init; }

    /// <summary>Estimated reach in metres.</summary>
    public double? Reach { get; init; }
}

/// <summary>An error reported by the AGV.</summary>
public sealed record AgvError
{
    /// <summary>Error type, e.g. <c>orderUpdateError</c>.</summary>
    public string ErrorType { get; init; } = "";

    /// <summary>References (headerId, topic, orderId, actionId, …).</summary>
    public IReadOnlyList<ErrorReference>? ErrorReferences { get; init; }

    /// <summary>Description.</summary>
    public string? ErrorDescription { get; init; }

    /// <summary>Hint for resolution (2.1).</summary>
    public string? ErrorHint { get; init; }

    /// <summary>WARNING or FATAL.</summary>
    public ErrorLevel ErrorLevel { get; init; }
}

/// <summary>A key/value reference of an error or information entry.</summary>
/// <param name="ReferenceKey">Key, e.g. <c>orderId</c>.</param>
/// <param name="ReferenceValue">Value.</param>
public sealed record ErrorReference(string ReferenceKey, string ReferenceValue);

/// <summary>An information entry.</summary>
public sealed record AgvInformation
{
    /// <summary>Info type.</summary>
    public string InfoType { get; init; } = "";

    /// <summary>References.</summary>
    public IReadOnlyList<ErrorReference>? InfoReferences { get; init; }

    /// <summary>Description.</summary>
    public string? InfoDescription { get; init; }

    /// <summary>INFO or DEBUG.</summary>
    public InfoLevel InfoLevel { get; init; }
}

/// <summary>Safety state.</summary>
public sealed record SafetyState
{
    /// <summary>Emergency-stop state.</summary>
    public EStop EStop { get; init; } = EStop.None;

    /// <summary>Whether a protective field is violated.</summary>
    public bool FieldViolation { get; init; }
}
