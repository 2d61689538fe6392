using System.Globalization;

namespace CareFleet.Fleet.Routing;

/// <summary>
/// A* over the nav graph by travel time: Euclidean heuristic at the robot's top speed, lift rides with door and
/// travel time, one-way edges, width classes, zone speed limits (quiet hours by the home's local time of day)
/// and people blocking corridors. Reuses its buffers: one planner per caller, not shared across threads.
/// </summary>
public sealed class RoutePlanner
{
    private readonly NavGraph _graph;
    private readonly TimeZoneInfo _homeTimeZone;
    private readonly double[] _cost;
    private readonly int[] _viaArc;
    private readonly int[] _stamp;
    private readonly bool[] _closed;
    private readonly PriorityQueue<int, double> _open = new();
    private readonly bool[] _quietActive;
    private int _generation;

    /// <summary>Creates a planner.</summary>
    /// <param name="graph">The nav graph.</param>
    /// <param name="homeTimeZone">The home's time zone for quiet hours; UTC when null.</param>
    public RoutePlanner(NavGraph graph, TimeZoneInfo? homeTimeZone = null)
    {
        ArgumentNullException.ThrowIfNull(graph);
        _graph = graph;
        _homeTimeZone = homeTimeZone ?? TimeZoneInfo.Utc;
        _cost = new double[graph.NodeCount];
        _viaArc = new int[graph.NodeCount];
        _stamp = new int[graph.NodeCount];
        _closed = new bool[graph.NodeCount];
        _quietActive = new bool[graph.ZoneQuietHours.Length];
    }

    /// <summary>The graph planned on.</summary>
    public NavGraph Graph => _graph;

    /// <summary>Plans the fastest route.</summary>
    /// <param name="request">The request.</param>
    /// <returns>The route, or why there is none.</returns>
    public RouteResult Plan(RouteRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!_graph.TryGetNode(request.FromNodeId, out var from))
        {
            return new RouteResult(null, $"Start node '{request.FromNodeId}' is not on the map.");
        }

        if (!_graph.TryGetNode(request.ToNodeId, out var to))
        {
            return new RouteResult(null, $"Goal node '{request.ToNodeId}' is not on the map.");
        }

        if (!(request.Robot.MaxSpeed > 0))
        {
            return new RouteResult(null, "The robot's maximum speed must be greater than 0.");
        }

        var route = Plan(from, to, request.Robot, request.DepartAt, request.People, null);
        return route is null
            ? new RouteResult(null, string.Create(CultureInfo.InvariantCulture,
                $"No route from {request.FromNodeId} to {request.ToNodeId} for a robot {request.Robot.Width:0.##} m wide (one-way edges and passage widths considered)."))
            : new RouteResult(route, null);
    }

    internal Route? Plan(int from, int to, RobotProfile robot, DateTimeOffset departAt, PeopleTraffic? people, Func<int, bool>? resourceBlocked)
    {
        var local = TimeOnly.FromDateTime(TimeZoneInfo.ConvertTime(departAt, _homeTimeZone).DateTime);
        for (var z = 0; z < _quietActive.Length; z++)
        {
            _quietActive[z] = _graph.ZoneQuietHours[z].Contains(local);
        }

        var usePeople = people is { IsEmpty: false };
        _generation++;
        _open.Clear();
        Touch(from, 0, -1);
        _open.Enqueue(from, _graph.Heuristic(from, to, robot.MaxSpeed));
        while (_open.TryDequeue(out var u, out _))
        {
            if (_closed[u])
            {
                continue;
            }

            if (u == to)
            {
                return Build(from, to, robot, departAt, people);
            }

            _closed[u] = true;
            for (var a = _graph.ArcOffsets[u]; a < _graph.ArcOffsets[u + 1]; a++)
            {
                var v = _graph.ArcTo[a];
                if ((_stamp[v] == _generation && _closed[v]) || !robot.Fits(_graph.ArcWidth[a]))
                {
                    continue;
                }

                if (resourceBlocked is not null && (resourceBlocked(_graph.ArcResource[a]) || resourceBlocked(v)))
                {
                    continue;
                }

                var step = StepSeconds(a, robot);
                if (usePeople && people!.ActiveOn(_graph.ArcEdgeId[a], departAt) is { } blockage)
                {
                    step += blockage.ExpectedWait.TotalSeconds;
                }

                var g = _cost[u] + step;
                if (_stamp[v] != _generation || g < _cost[v])
                {
                    Touch(v, g, a);
                    _open.Enqueue(v, g + _graph.Heuristic(v, to, robot.MaxSpeed));
                }
            }
        }

        return null;
    }

    internal double StepSeconds(int arc, RobotProfile robot)
    {
        var speed = Math.Min(robot.MaxSpeed, _graph.ArcMaxSpeed[arc]);
        foreach (var z in _graph.ArcQuietZones[arc])
        {
            if (_quietActive[z])
            {
                speed = Math.Min(speed, _graph.ZoneQuietHours[z].MaxSpeed);
            }
        }

        return _graph.ArcFixedSeconds[arc] + (_graph.ArcLength[arc] / speed);
    }

    private void Touch(int node, double cost, int viaArc)
    {
        if (_stamp[node] != _generation)
        {
            _stamp[node] = _generation;
            _closed[node] = false;
        }

        _cost[node] = cost;
        _viaArc[node] = viaArc;
    }

    private Route Build(int from, int to, RobotProfile robot, DateTimeOffset departAt, PeopleTraffic? people)
    {
        var count = 0;
        for (var v = to; v != from; v = _graph.ArcFrom[_viaArc[v]])
        {
            count++;
        }

        var nodes = new int[count + 1];
        var arcs = new int[count];
        var seconds = new double[count];
        nodes[count] = to;
        var notes = new List<string>();
        for (int v = to, i = count - 1; v != from; v = _graph.ArcFrom[_viaArc[v]], i--)
        {
            var a = _viaArc[v];
            arcs[i] = a;
            nodes[i] = _graph.ArcFrom[a];
            seconds[i] = StepSeconds(a, robot);
            if (people?.ActiveOn(_graph.ArcEdgeId[a], departAt) is { } blockage)
            {
                seconds[i] += blockage.ExpectedWait.TotalSeconds;
                notes.Add(string.Create(CultureInfo.InvariantCulture,
                    $"corridor {blockage.EdgeId} is blocked by {blockage.What} (reported by {blockage.ReportedBy}); no shorter way round, so the route waits there ~{blockage.ExpectedWait.TotalSeconds:0} s"));
            }
        }

        notes.Reverse();
        return new Route(nodes, arcs, seconds, _graph, notes);
    }
}
