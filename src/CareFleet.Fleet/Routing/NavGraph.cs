using CareFleet.Contracts.Maps;

namespace CareFleet.Fleet.Routing;

/// <summary>
/// The navigation graph of a home in compact arrays: nodes, directed arcs (two per two-way edge, one per
/// one-way edge, and one per ordered pair of lift landings), zones and exclusive resources.
/// Resources are numbered nodes first, then edges, then lifts, so a reservation table is one array.
/// </summary>
public sealed class NavGraph
{
    private readonly Dictionary<string, int> _nodeIndex;
    private readonly Dictionary<string, int> _edgeIndex;

    internal NavGraph(
        string[] nodeIds, double[] x, double[] y, int[] nodeLevel, string[] nodeFloor, bool[] noParking, string?[] nodeLabel,
        string[] edgeIds, string?[] edgeLabel, string[] liftIds,
        int[] arcOffsets, int[] arcTo, int[] arcFrom, double[] arcLength, double[] arcMaxSpeed, WidthClass[] arcWidth,
        int[] arcResource, double[] arcFixedSeconds, string[] arcEdgeId, int[][] arcQuietZones, QuietHours[] zoneQuietHours, double minLiftSecondsPerLevel)
    {
        NodeIds = nodeIds;
        X = x;
        Y = y;
        NodeLevel = nodeLevel;
        NodeFloor = nodeFloor;
        NoParking = noParking;
        NodeLabel = nodeLabel;
        EdgeIds = edgeIds;
        EdgeLabel = edgeLabel;
        LiftIds = liftIds;
        ArcOffsets = arcOffsets;
        ArcTo = arcTo;
        ArcFrom = arcFrom;
        ArcLength = arcLength;
        ArcMaxSpeed = arcMaxSpeed;
        ArcWidth = arcWidth;
        ArcResource = arcResource;
        ArcFixedSeconds = arcFixedSeconds;
        ArcEdgeId = arcEdgeId;
        ArcQuietZones = arcQuietZones;
        ZoneQuietHours = zoneQuietHours;
        MinLiftSecondsPerLevel = minLiftSecondsPerLevel;
        _nodeIndex = new Dictionary<string, int>(nodeIds.Length, StringComparer.Ordinal);
        for (var i = 0; i < nodeIds.Length; i++)
        {
            _nodeIndex[nodeIds[i]] = i;
        }

        _edgeIndex = new Dictionary<string, int>(edgeIds.Length, StringComparer.Ordinal);
        for (var i = 0; i < edgeIds.Length; i++)
        {
            _edgeIndex[edgeIds[i]] = i;
        }
    }

    /// <summary>Number of nodes.</summary>
    public int NodeCount => NodeIds.Length;

    /// <summary>Number of map edges (not counting lifts).</summary>
    public int EdgeCount => EdgeIds.Length;

    /// <summary>Number of exclusive resources: nodes, edges and lifts.</summary>
    public int ResourceCount => NodeIds.Length + EdgeIds.Length + LiftIds.Length;

    internal string[] NodeIds { get; }

    internal double[] X { get; }

    internal double[] Y { get; }

    internal int[] NodeLevel { get; }

    internal string[] NodeFloor { get; }

    internal bool[] NoParking { get; }

    internal string?[] NodeLabel { get; }

    internal string[] EdgeIds { get; }

    internal string?[] EdgeLabel { get; }

    internal string[] LiftIds { get; }

    internal int[] ArcOffsets { get; }

    internal int[] ArcTo { get; }

    internal int[] ArcFrom { get; }

    internal double[] ArcLength { get; }

    internal double[] ArcMaxSpeed { get; }

    internal WidthClass[] ArcWidth { get; }

    internal int[] ArcResource { get; }

    internal double[] ArcFixedSeconds { get; }

    internal string[] ArcEdgeId { get; }

    internal int[][] ArcQuietZones { get; }

    internal QuietHours[] ZoneQuietHours { get; }

    internal double MinLiftSecondsPerLevel { get; }

    /// <summary>Finds a node by id.</summary>
    /// <param name="nodeId">Node id.</param>
    /// <param name="index">Its index.</param>
    /// <returns>True when it exists.</returns>
    public bool TryGetNode(string nodeId, out int index) => _nodeIndex.TryGetValue(nodeId, out index);

    /// <summary>Whether an edge id exists (lift rides excluded).</summary>
    /// <param name="edgeId">Edge id.</param>
    /// <returns>True when it exists.</returns>
    public bool ContainsEdge(string edgeId) => _edgeIndex.ContainsKey(edgeId);

    internal bool TryGetEdge(string edgeId, out int index) => _edgeIndex.TryGetValue(edgeId, out index);

    /// <summary>Id of a node.</summary>
    /// <param name="index">Node index.</param>
    /// <returns>The id.</returns>
    public string NodeId(int index) => NodeIds[index];

    /// <summary>Whether robots may stop at a node (false at fire doors and no-parking zones).</summary>
    /// <param name="nodeId">Node id.</param>
    /// <returns>True when parking is allowed.</returns>
    public bool CanStopAt(string nodeId) => TryGetNode(nodeId, out var i) && !NoParking[i];

    /// <summary>Human-readable name of a resource for waiting reasons.</summary>
    internal string ResourceName(int resource)
    {
        if (resource < NodeIds.Length)
        {
            return NodeLabel[resource] ?? $"node {NodeIds[resource]}";
        }

        resource -= NodeIds.Length;
        if (resource < EdgeIds.Length)
        {
            return EdgeLabel[resource] ?? $"corridor {EdgeIds[resource]}";
        }

        return $"lift {LiftIds[resource - EdgeIds.Length]}";
    }

    internal int EdgeResource(int edgeIndex) => NodeIds.Length + edgeIndex;

    internal double Heuristic(int from, int to, double maxSpeed)
    {
        if (NodeLevel[from] != NodeLevel[to] || NodeFloor[from] != NodeFloor[to])
        {
            return Math.Abs(NodeLevel[from] - NodeLevel[to]) * MinLiftSecondsPerLevel;
        }

        var dx = X[from] - X[to];
        var dy = Y[from] - Y[to];
        return Math.Sqrt((dx * dx) + (dy * dy)) / maxSpeed;
    }
}
