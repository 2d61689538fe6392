using System.Globalization;
using CareFleet.Contracts.Maps;
using CareFleet.Fleet.Routing;

namespace CareFleet.Fleet.Maps;

/// <summary>
/// Loads and validates a home map. Every problem is collected and named (element and what is wrong) rather
/// than stopping at the first; a map with any error is not loaded.
/// </summary>
public static class HomeMapLoader
{
    /// <summary>Loads a map from its JSON text.</summary>
    /// <param name="json">The map file's content.</param>
    /// <returns>The map or its errors.</returns>
    public static HomeMapLoadResult Load(string? json)
    {
        if (!HomeMapJson.TryDeserialize(json, out var document, out var error))
        {
            return new HomeMapLoadResult { Errors = [new MapError("map file", error)] };
        }

        return Load(document);
    }

    /// <summary>Loads a map from a file.</summary>
    /// <param name="path">Path of the map file.</param>
    /// <param name="cancellationToken">Cancellation.</param>
    /// <returns>The map or its errors.</returns>
    public static async Task<HomeMapLoadResult> LoadFileAsync(string path, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        string text;
        try
        {
            text = await File.ReadAllTextAsync(path, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return new HomeMapLoadResult { Errors = [new MapError("map file", $"cannot be read: {ex.Message}")] };
        }

        return Load(text);
    }

    /// <summary>Validates an in-memory map document and builds its graph.</summary>
    /// <param name="document">The document.</param>
    /// <returns>The map or its errors.</returns>
    public static HomeMapLoadResult Load(HomeMapDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        var errors = new List<MapError>();
        var context = CheckStructure(document, errors);
        if (errors.Count > 0)
        {
            return new HomeMapLoadResult { Errors = errors };
        }

        var graph = BuildGraph(document, context);
        CheckReachability(document, graph, errors);
        return errors.Count > 0 ? new HomeMapLoadResult { Errors = errors } : new HomeMapLoadResult { Map = new HomeMap(document, graph) };
    }

    private sealed class Context
    {
        public Dictionary<string, (MapNode Node, MapFloor Floor)> Nodes { get; } = new(StringComparer.Ordinal);

        public Dictionary<string, (MapEdge Edge, MapFloor Floor)> Edges { get; } = new(StringComparer.Ordinal);

        public Dictionary<string, MapFloor> Floors { get; } = new(StringComparer.Ordinal);
    }

    private static Context CheckStructure(HomeMapDocument map, List<MapError> errors)
    {
        var context = new Context();
        if (string.IsNullOrWhiteSpace(map.Id))
        {
            errors.Add(new("map", "has no id"));
        }

        if (string.IsNullOrWhiteSpace(map.Version))
        {
            errors.Add(new("map", "has no version"));
        }

        if (map.Floors.Count == 0)
        {
            errors.Add(new("map", "has no floors"));
        }

        var placeIds = new HashSet<string>(StringComparer.Ordinal);
        foreach (var floor in map.Floors)
        {
            var floorName = $"floor {floor.Id}";
            if (string.IsNullOrWhiteSpace(floor.Id))
            {
                errors.Add(new("floor", "has no id"));
            }
            else if (!context.Floors.TryAdd(floor.Id, floor))
            {
                errors.Add(new(floorName, "duplicate floor id"));
            }

            foreach (var node in floor.Nodes)
            {
                if (string.IsNullOrWhiteSpace(node.Id))
                {
                    errors.Add(new($"{floorName} node", "has no id"));
                }
                else if (!context.Nodes.TryAdd(node.Id, (node, floor)))
                {
                    errors.Add(new($"node {node.Id}", $"duplicate node id (also on floor {context.Nodes[node.Id].Floor.Id})"));
                }

                if (!double.IsFinite(node.X) || !double.IsFinite(node.Y))
                {
                    errors.Add(new($"node {node.Id}", "coordinates are not finite numbers"));
                }
            }
        }

        foreach (var floor in map.Floors)
        {
            foreach (var edge in floor.Edges)
            {
                var name = $"edge {edge.Id}";
                if (string.IsNullOrWhiteSpace(edge.Id))
                {
                    errors.Add(new($"floor {floor.Id} edge {edge.From}->{edge.To}", "has no id"));
                }
                else if (!context.Edges.TryAdd(edge.Id, (edge, floor)))
                {
                    errors.Add(new(name, "duplicate edge id"));
                }

                var fromOk = CheckEdgeEnd(edge.From, "from", name, floor, context, errors);
                var toOk = CheckEdgeEnd(edge.To, "to", name, floor, context, errors);
                if (edge.From == edge.To)
                {
                    errors.Add(new(name, $"starts and ends at the same node '{edge.From}'"));
                }

                if (edge.MaxSpeed is { } speed && !(speed > 0))
                {
                    errors.Add(new(name, $"maxSpeed {speed} must be greater than 0"));
                }

                if (edge.Length is { } length)
                {
                    if (!(length > 0) || !double.IsFinite(length))
                    {
                        errors.Add(new(name, $"length {length} must be a positive number"));
                    }
                    else if (fromOk && toOk && length + 1e-6 < Distance(context.Nodes[edge.From].Node, context.Nodes[edge.To].Node))
                    {
                        errors.Add(new(name, string.Create(CultureInfo.InvariantCulture,
                            $"length {length} m is shorter than the straight line between its nodes ({Distance(context.Nodes[edge.From].Node, context.Nodes[edge.To].Node):0.##} m)")));
                    }
                }
            }

            foreach (var place in floor.Places)
            {
                var name = $"place {place.Id}";
                if (string.IsNullOrWhiteSpace(place.Id))
                {
                    errors.Add(new($"floor {floor.Id} place", "has no id"));
                }
                else if (!placeIds.Add(place.Id))
                {
                    errors.Add(new(name, "duplicate place id"));
                }

                if (!context.Nodes.TryGetValue(place.NodeId, out var node))
                {
                    errors.Add(new(name, $"is on unknown node '{place.NodeId}'"));
                }
                else if (node.Floor != floor)
                {
                    errors.Add(new(name, $"is listed on floor {floor.Id} but its node '{place.NodeId}' is on floor {node.Floor.Id}"));
                }

                if (string.IsNullOrWhiteSpace(place.Name.En) || string.IsNullOrWhiteSpace(place.Name.Zh))
                {
                    errors.Add(new(name, "needs a name in both English (en) and Chinese (zh)"));
                }
            }
        }

        var places = map.Floors.SelectMany(f => f.Places).GroupBy(p => p.Id, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        foreach (var bed in places.Values.Where(p => p.Kind == PlaceKind.Bed))
        {
            if (bed.RoomId is null)
            {
                errors.Add(new($"place {bed.Id}", "is a bed but names no roomId"));
            }
            else if (!places.TryGetValue(bed.RoomId, out var room) || room.Kind != PlaceKind.Room)
            {
                errors.Add(new($"place {bed.Id}", $"belongs to '{bed.RoomId}', which is not a room place"));
            }
        }

        var ids = new HashSet<string>(StringComparer.Ordinal);
        foreach (var door in map.Doors)
        {
            var name = $"door {door.Id}";
            if (string.IsNullOrWhiteSpace(door.Id) || !ids.Add("door:" + door.Id))
            {
                errors.Add(new(name, string.IsNullOrWhiteSpace(door.Id) ? "has no id" : "duplicate door id"));
            }

            if ((door.NodeId is null) == (door.EdgeId is null))
            {
                errors.Add(new(name, "must stand on exactly one of nodeId or edgeId"));
            }
            else if (door.NodeId is not null && !context.Nodes.ContainsKey(door.NodeId))
            {
                errors.Add(new(name, $"stands on unknown node '{door.NodeId}'"));
            }
            else if (door.EdgeId is not null && !context.Edges.ContainsKey(door.EdgeId))
            {
                errors.Add(new(name, $"stands on unknown edge '{door.EdgeId}'"));
            }

            if (string.IsNullOrWhiteSpace(door.Controller))
            {
                errors.Add(new(name, "has no controller"));
            }
        }

        foreach (var lift in map.Lifts)
        {
            var name = $"lift {lift.Id}";
            if (string.IsNullOrWhiteSpace(lift.Id) || !ids.Add("lift:" + lift.Id))
            {
                errors.Add(new(name, string.IsNullOrWhiteSpace(lift.Id) ? "has no id" : "duplicate lift id"));
            }

            if (lift.Stops.Count < 2)
            {
                errors.Add(new(name, $"joins {lift.Stops.Count} floor(s); a lift needs at least 2 stops"));
            }

            if (!(lift.TravelSecondsPerFloor > 0) || lift.DoorSeconds < 0)
            {
                errors.Add(new(name, "travelSecondsPerFloor must be greater than 0 and doorSeconds not negative"));
            }

            var floorsSeen = new HashSet<string>(StringComparer.Ordinal);
            foreach (var stop in lift.Stops)
            {
                if (!context.Floors.ContainsKey(stop.FloorId))
                {
                    errors.Add(new(name, $"stops at unknown floor '{stop.FloorId}'"));
                }
                else if (!floorsSeen.Add(stop.FloorId))
                {
                    errors.Add(new(name, $"has two stops on floor '{stop.FloorId}'"));
                }

                if (!context.Nodes.TryGetValue(stop.NodeId, out var node))
                {
                    errors.Add(new(name, $"joins unknown node '{stop.NodeId}' on floor '{stop.FloorId}'"));
                }
                else if (node.Floor.Id != stop.FloorId)
                {
                    errors.Add(new(name, $"joins node '{stop.NodeId}' as its stop on floor '{stop.FloorId}', but that node is on floor '{node.Floor.Id}'"));
                }
            }
        }

        foreach (var zone in map.Zones)
        {
            var name = $"zone {zone.Id}";
            if (string.IsNullOrWhiteSpace(zone.Id) || !ids.Add("zone:" + zone.Id))
            {
                errors.Add(new(name, string.IsNullOrWhiteSpace(zone.Id) ? "has no id" : "duplicate zone id"));
            }

            if ((zone.Polygon is null || zone.Polygon.Count == 0) && (zone.NodeIds is null || zone.NodeIds.Count == 0))
            {
                errors.Add(new(name, "has neither a polygon nor nodeIds"));
            }

            if (zone.Polygon is { Count: > 0 } polygon)
            {
                if (polygon.Count < 3)
                {
                    errors.Add(new(name, $"polygon has {polygon.Count} points; it needs at least 3"));
                }

                if (zone.FloorId is null || !context.Floors.ContainsKey(zone.FloorId))
                {
                    errors.Add(new(name, $"polygon is on unknown floor '{zone.FloorId}'"));
                }
            }

            foreach (var nodeId in zone.NodeIds ?? [])
            {
                if (!context.Nodes.ContainsKey(nodeId))
                {
                    errors.Add(new(name, $"lists unknown node '{nodeId}'"));
                }
            }

            if (zone.Rules.QuietHours is { } quiet && !(quiet.MaxSpeed > 0))
            {
                errors.Add(new(name, "quiet-hours maxSpeed must be greater than 0"));
            }

            if (zone.Rules.MaxSpeed is { } max && !(max > 0))
            {
                errors.Add(new(name, "maxSpeed must be greater than 0"));
            }
        }

        return context;
    }

    private static bool CheckEdgeEnd(string nodeId, string end, string name, MapFloor floor, Context context, List<MapError> errors)
    {
        if (!context.Nodes.TryGetValue(nodeId ?? "", out var node))
        {
            errors.Add(new(name, $"'{end}' node '{nodeId}' does not exist (dangling edge)"));
            return false;
        }

        if (node.Floor != floor)
        {
            errors.Add(new(name, $"'{end}' node '{nodeId}' is on floor {node.Floor.Id}, not {floor.Id}; floors are joined only by lifts"));
            return false;
        }

        return true;
    }

    private static double Distance(MapNode a, MapNode b) => Math.Sqrt(((a.X - b.X) * (a.X - b.X)) + ((a.Y - b.Y) * (a.Y - b.Y)));

    private static NavGraph BuildGraph(HomeMapDocument map, Context context)
    {
        var nodes = map.Floors.SelectMany(f => f.Nodes.Select(n => (Node: n, Floor: f))).ToArray();
        var nodeIndex = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < nodes.Length; i++)
        {
            nodeIndex[nodes[i].Node.Id] = i;
        }

        var edges = map.Floors.SelectMany(f => f.Edges).ToArray();
        var edgeIndex = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < edges.Length; i++)
        {
            edgeIndex[edges[i].Id] = i;
        }

        var n = nodes.Length;
        var nodeLabel = new string?[n];
        var edgeLabel = new string?[edges.Length];
        var noParking = new bool[n];
        foreach (var floor in map.Floors)
        {
            foreach (var place in floor.Places)
            {
                var i = nodeIndex[place.NodeId];
                nodeLabel[i] ??= $"{place.Id} (node {place.NodeId})";
            }
        }

        foreach (var door in map.Doors)
        {
            if (door.NodeId is not null)
            {
                var i = nodeIndex[door.NodeId];
                nodeLabel[i] = $"door {door.Id}";
                noParking[i] |= door.FireDoor;
            }
            else if (door.EdgeId is not null)
            {
                edgeLabel[edgeIndex[door.EdgeId]] = $"door {door.Id}";
            }
        }

        foreach (var lift in map.Lifts)
        {
            foreach (var stop in lift.Stops)
            {
                nodeLabel[nodeIndex[stop.NodeId]] = $"lift {lift.Id} ({stop.FloorId} landing)";
            }
        }

        // Zone membership: listed nodes plus nodes inside the polygon on the zone's floor.
        var zoneMembers = new List<bool[]>();
        var quietZones = new List<QuietHours>();
        var alwaysMax = Enumerable.Repeat(double.PositiveInfinity, n).ToArray();
        var quietOfNode = new List<int>[n];
        foreach (var zone in map.Zones)
        {
            var members = new bool[n];
            foreach (var id in zone.NodeIds ?? [])
            {
                members[nodeIndex[id]] = true;
            }

            if (zone.Polygon is { Count: >= 3 } polygon)
            {
                for (var i = 0; i < n; i++)
                {
                    if (nodes[i].Floor.Id == zone.FloorId && Inside(polygon, nodes[i].Node.X, nodes[i].Node.Y))
                    {
                        members[i] = true;
                    }
                }
            }

            var quietIndex = -1;
            if (zone.Rules.QuietHours is { } quiet)
            {
                quietIndex = quietZones.Count;
                quietZones.Add(quiet);
            }

            for (var i = 0; i < n; i++)
            {
                if (!members[i])
                {
                    continue;
                }

                noParking[i] |= zone.Rules.NoParking;
                if (zone.Rules.MaxSpeed is { } max)
                {
                    alwaysMax[i] = Math.Min(alwaysMax[i], max);
                }

                if (quietIndex >= 0)
                {
                    (quietOfNode[i] ??= []).Add(quietIndex);
                }
            }

            zoneMembers.Add(members);
        }

        var arcs = new List<(int From, int To, double Length, double Max, WidthClass Width, int Resource, double Fixed, string EdgeId)>();
        for (var e = 0; e < edges.Length; e++)
        {
            var edge = edges[e];
            var from = nodeIndex[edge.From];
            var to = nodeIndex[edge.To];
            var length = edge.Length ?? Distance(nodes[from].Node, nodes[to].Node);
            var max = Math.Min(edge.MaxSpeed ?? double.PositiveInfinity, Math.Min(alwaysMax[from], alwaysMax[to]));
            arcs.Add((from, to, length, max, edge.WidthClass, n + e, 0, edge.Id));
            if (!edge.OneWay)
            {
                arcs.Add((to, from, length, max, edge.WidthClass, n + e, 0, edge.Id));
            }
        }

        var minLift = double.PositiveInfinity;
        for (var l = 0; l < map.Lifts.Count; l++)
        {
            var lift = map.Lifts[l];
            minLift = Math.Min(minLift, lift.TravelSecondsPerFloor);
            foreach (var a in lift.Stops)
            {
                foreach (var b in lift.Stops)
                {
                    if (a.FloorId == b.FloorId)
                    {
                        continue;
                    }

                    var levels = Math.Abs(context.Floors[a.FloorId].Level - context.Floors[b.FloorId].Level);
                    var seconds = (2 * lift.DoorSeconds) + (Math.Max(1, levels) * lift.TravelSecondsPerFloor);
                    arcs.Add((nodeIndex[a.NodeId], nodeIndex[b.NodeId], 0, double.PositiveInfinity, WidthClass.Wide, n + edges.Length + l, seconds,
                        $"{lift.Id}:{a.FloorId}>{b.FloorId}"));
                }
            }
        }

        arcs.Sort((p, q) => p.From.CompareTo(q.From));
        var offsets = new int[n + 1];
        foreach (var arc in arcs)
        {
            offsets[arc.From + 1]++;
        }

        for (var i = 0; i < n; i++)
        {
            offsets[i + 1] += offsets[i];
        }

        var arcQuiet = new int[arcs.Count][];
        for (var a = 0; a < arcs.Count; a++)
        {
            var set = new SortedSet<int>();
            if (arcs[a].Fixed == 0)
            {
                set.UnionWith(quietOfNode[arcs[a].From] ?? []);
                set.UnionWith(quietOfNode[arcs[a].To] ?? []);
            }

            arcQuiet[a] = [.. set];
        }

        return new NavGraph(
            nodes.Select(x => x.Node.Id).ToArray(),
            nodes.Select(x => x.Node.X).ToArray(),
            nodes.Select(x => x.Node.Y).ToArray(),
            nodes.Select(x => x.Floor.Level).ToArray(),
            nodes.Select(x => x.Floor.Id).ToArray(),
            noParking,
            nodeLabel,
            edges.Select(e => e.Id).ToArray(),
            edgeLabel,
            map.Lifts.Select(l => l.Id).ToArray(),
            offsets,
            arcs.Select(a => a.To).ToArray(),
            arcs.Select(a => a.From).ToArray(),
            arcs.Select(a => a.Length).ToArray(),
            arcs.Select(a => a.Max).ToArray(),
            arcs.Select(a => a.Width).ToArray(),
            arcs.Select(a => a.Resource).ToArray(),
            arcs.Select(a => a.Fixed).ToArray(),
            arcs.Select(a => a.EdgeId).ToArray(),
            arcQuiet,
            [.. quietZones],
            double.IsFinite(minLift) ? minLift : 0);
    }

    private static bool Inside(IReadOnlyList<MapPoint> polygon, double x, double y)
    {
        var inside = false;
        for (int i = 0, j = polygon.Count - 1; i < polygon.Count; j = i++)
        {
            var (xi, yi, xj, yj) = (polygon[i].X, polygon[i].Y, polygon[j].X, polygon[j].Y);
            if ((yi > y) != (yj > y) && x < ((xj - xi) * (y - yi) / (yj - yi)) + xi)
            {
                inside = !inside;
            }
        }

        return inside;
    }

    private static void CheckReachability(HomeMapDocument map, NavGraph graph, List<MapError> errors)
    {
        var places = map.Floors.SelectMany(f => f.Places).ToList();
        var chargers = places.Where(p => p.Kind == PlaceKind.Charger).ToList();
        if (chargers.Count == 0)
        {
            errors.Add(new("map", "has no charger place; robots need somewhere to charge"));
            return;
        }

        // Robots start from and return to chargers: every place must be reachable from the first charger and
        // lead back to it (which also makes every charger reachable from every other).
        graph.TryGetNode(chargers[0].NodeId, out var home);
        var forward = Reach(graph, home, reverse: false);
        var backward = Reach(graph, home, reverse: true);
        foreach (var place in places)
        {
            graph.TryGetNode(place.NodeId, out var node);
            var kind = place.Kind == PlaceKind.Charger ? "charger" : "place";
            if (!forward[node])
            {
                errors.Add(new($"{kind} {place.Id}", $"node '{place.NodeId}' cannot be reached from charger {chargers[0].Id}"));
            }
            else if (!backward[node])
            {
                errors.Add(new($"{kind} {place.Id}", $"node '{place.NodeId}' has no way back to charger {chargers[0].Id}"));
            }
        }
    }

    private static bool[] Reach(NavGraph graph, int start, bool reverse)
    {
        var seen = new bool[graph.NodeCount];
        var stack = new Stack<int>();
        seen[start] = true;
        stack.Push(start);
        while (stack.Count > 0)
        {
            var u = stack.Pop();
            if (!reverse)
            {
                for (var a = graph.ArcOffsets[u]; a < graph.ArcOffsets[u + 1]; a++)
                {
                    Visit(graph.ArcTo[a]);
                }
            }
            else
            {
                for (var a = 0; a < graph.ArcTo.Length; a++)
                {
                    if (graph.ArcTo[a] == u)
                    {
                        Visit(graph.ArcFrom[a]);
                    }
                }
            }
        }

        return seen;

        void Visit(int v)
        {
            if (!seen[v])
            {
                seen[v] = true;
                stack.Push(v);
            }
        }
    }
}
