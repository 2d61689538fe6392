namespace CareFleet.Fleet.Routing;

/// <summary>A planned route: nodes, the edges between them (lift rides as <c>LIFT-A:F1&gt;F2</c>) and estimated times.</summary>
public sealed record Route
{
    internal Route(int[] nodes, int[] arcs, double[] stepSeconds, NavGraph graph, IReadOnlyList<string> notes)
    {
        Nodes = nodes;
        Arcs = arcs;
        StepSecondsArray = stepSeconds;
        StepSeconds = Array.AsReadOnly(stepSeconds);
        NodeIds = Array.AsReadOnly(Array.ConvertAll(nodes, graph.NodeId));
        EdgeIds = Array.AsReadOnly(Array.ConvertAll(arcs, a => graph.ArcEdgeId[a]));
        EstimatedSeconds = stepSeconds.Sum();
        Notes = notes;
    }

    /// <summary>Node ids from start to goal.</summary>
    public IReadOnlyList<string> NodeIds { get; }

    /// <summary>Edge ids; <c>EdgeIds[i]</c> joins <c>NodeIds[i]</c> and <c>NodeIds[i + 1]</c>.</summary>
    public IReadOnlyList<string> EdgeIds { get; }

    /// <summary>Estimated seconds per edge (including lift door times and expected waits at reported blockages).</summary>
    public IReadOnlyList<double> StepSeconds { get; }

    /// <summary>Estimated total seconds.</summary>
    public double EstimatedSeconds { get; }

    /// <summary>Human-readable remarks, e.g. a blocked corridor the route waits at.</summary>
    public IReadOnlyList<string> Notes { get; }

    internal int[] Nodes { get; }

    internal int[] Arcs { get; }

    internal double[] StepSecondsArray { get; }
}

/// <summary>Ask for a route.</summary>
/// <param name="FromNodeId">Start node.</param>
/// <param name="ToNodeId">Goal node.</param>
/// <param name="Robot">The robot's speed and width.</param>
/// <param name="DepartAt">When the robot leaves; decides which quiet hours apply.</param>
public sealed record RouteRequest(string FromNodeId, string ToNodeId, RobotProfile Robot, DateTimeOffset DepartAt)
{
    /// <summary>Reported people in corridors to avoid or wait for.</summary>
    public PeopleTraffic? People { get; init; }
}

/// <summary>A route, or why there is none.</summary>
/// <param name="Route">The route when found.</param>
/// <param name="Error">Why no route was found.</param>
public sealed record RouteResult(Route? Route, string? Error)
{
    /// <summary>True when a route was found.</summary>
    [System.Diagnostics.CodeAnalysis.MemberNotNullWhen(true, nameof(Route))]
    public bool Found => Route is not null;
}
