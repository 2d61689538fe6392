namespace CareFleet.Contracts.Vda5050;

/// <summary>An order from master control to AGV: a node list and an edge list, base then horizon (§6.6).</summary>
public sealed record Order : Vda5050Message
{
    /// <summary>Order id; stays the same across updates.</summary>
    public string OrderId { get; init; } = "";

    /// <summary>Update counter; an update carries the previous value plus one.</summary>
    public uint OrderUpdateId { get; init; }

    /// <summary>Zone set to use (optional).</summary>
    public string? ZoneSetId { get; init; }

    /// <summary>Nodes; sequence ids are even.</summary>
    public IReadOnlyList<OrderNode> Nodes { get; init; } = [];

    /// <summary>Edges; one fewer than nodes, sequence ids are odd.</summary>
    public IReadOnlyList<OrderEdge> Edges { get; init; } = [];
}

/// <summary>A node of an order.</summary>
public sealed record OrderNode
{
    /// <summary>Node id on the map.</summary>
    public string NodeId { get; init; } = "";

    /// <summary>Position in the order (even: 0, 2, 4, …).</summary>
    public uint SequenceId { get; init; }

    /// <summary>Optional free text.</summary>
    public string? NodeDescription { get; init; }

    /// <summary>True for base (may be driven), false for horizon.</summary>
    public bool Released { get; init; }

    /// <summary>Where the node is; optional for line-guided vehicles.</summary>
    public NodePosition? NodePosition { get; init; }

    /// <summary>Actions to run on reaching the node.</summary>
    public IReadOnlyList<Vda5050Action> Actions { get; init; } = [];
}

/// <summary>An edge of an order.</summary>
public sealed record OrderEdge
{
    /// <summary>Edge id on the map.</summary>
    public string EdgeId { get; init; } = "";

    /// <summary>Position in the order (odd: 1, 3, 5, …).</summary>
    public uint SequenceId { get; init; }

    /// <summary>Optional free text.</summary>
    public string? EdgeDescription { get; init; }

    /// <summary>True for base, false for horizon.</summary>
    public bool Released { get; init; }

    /// <summary>Node the edge starts at.</summary>
    public string StartNodeId { get; init; } = "";

    /// <summary>Node the edge ends at.</summary>
    public string EndNodeId { get; init; } = "";

    /// <summary>Speed limit on the edge, m/s.</summary>
    public double? MaxSpeed { get; init; }

    /// <summary>Maximum height of vehicle and load, metres.</summary>
    public double? MaxHeight { get; init; }

    /// <summary>Minimum height of the load handling device, metres.</summary>
    public double? MinHeight { get; init; }

    /// <summary>Orientation of the AGV on the edge, radians.</summary>
    public double? Orientation { get; init; }

    /// <summary>How <see cref="Orientation"/> is interpreted.</summary>
    public OrientationType? OrientationType { get; init; }

    /// <summary>Direction at a junction (e.g. for line-guided vehicles).</summary>
    public string? Direction { get; init; }

    /// <summary>Whether rotation is allowed on the edge.</summary>
    public bool? RotationAllowed { get; init; }

    /// <summary>Maximum rotation speed, rad/s.</summary>
    public double? MaxRotationSpeed { get; init; }

    /// <summary>Length in metres, to the next node.</summary>
    public double? Length { get; init; }

    /// <summary>Optional NURBS trajectory.</summary>
    public Trajectory? Trajectory { get; init; }

    /// <summary>Corridor the AGV may deviate within (2.1).</summary>
    public Corridor? Corridor { get; init; }

    /// <summary>Actions to run while on the edge.</summary>
    public IReadOnlyList<Vda5050Action> Actions { get; init; } = [];
}

/// <summary>Corridor around an edge (2.1).</summary>
public sealed record Corridor
{
    /// <summary>Width to the left of the edge, metres.</summary>
    public double LeftWidth { get; init; }

    /// <summary>Width to the right of the edge, metres.</summary>
    public double RightWidth { get; init; }

    /// <summary>Which point must stay inside.</summary>
    public CorridorReferencePoint? CorridorRefPoint { get; init; }
}

/// <summary>Actions the AGV must run at once, outside any order (§6.9).</summary>
public sealed record InstantActions : Vda5050Message
{
    /// <summary>The actions.</summary>
    public IReadOnlyList<Vda5050Action> Actions { get; init; } = [];
}

/// <summary>Connection state, retained; the broker publishes CONNECTIONBROKEN as the AGV's last will (§6.14).</summary>
public sealed record Connection : Vda5050Message
{
    /// <summary>The connection state.</summary>
    public ConnectionState ConnectionState { get; init; }
}

/// <summary>Position and velocity at a higher rate, for display only.</summary>
public sealed record Visualization : Vda5050Message
{
    /// <summary>Position of the AGV.</summary>
    public AgvPosition? AgvPosition { get; init; }

    /// <summary>Velocity of the AGV.</summary>
    public Velocity? Velocity { get; init; }
}
