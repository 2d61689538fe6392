using CareFleet.Contracts.Maps;
using CareFleet.Fleet.Maps;

namespace CareFleet.Fleet.Tests;

/// <summary>Small maps built in code for tests.</summary>
internal sealed class TestMapBuilder
{
    private readonly List<MapNode> _nodes = [];
    private readonly List<MapEdge> _edges = [];
    private readonly List<MapPlace> _places = [];
    private readonly List<MapZone> _zones = [];
    private readonly List<MapDoor> _doors = [];

    public TestMapBuilder Node(string id, double x, double y)
    {
        _nodes.Add(new MapNode { Id = id, X = x, Y = y });
        return this;
    }

    public TestMapBuilder Edge(string from, string to, double? maxSpeed = null, bool oneWay = false, WidthClass width = WidthClass.Standard, string? id = null)
    {
        _edges.Add(new MapEdge { Id = id ?? $"{from}-{to}", From = from, To = to, MaxSpeed = maxSpeed, OneWay = oneWay, WidthClass = width });
        return this;
    }

    public TestMapBuilder Place(string id, PlaceKind kind, string nodeId)
    {
        _places.Add(new MapPlace { Id = id, Kind = kind, NodeId = nodeId, Name = new LocalizedName(id, id) });
        return this;
    }

    public TestMapBuilder Zone(MapZone zone)
    {
        _zones.Add(zone);
        return this;
    }

    public TestMapBuilder FireDoor(string id, string nodeId)
    {
        _doors.Add(new MapDoor { Id = id, NodeId = nodeId, Controller = "ctl-" + id, FireDoor = true });
        return this;
    }

    public TestMapBuilder Door(string id, string nodeId)
    {
        _doors.Add(new MapDoor { Id = id, NodeId = nodeId, Controller = "ctl-" + id });
        return this;
    }

    public HomeMapDocument Document(string id = "test-map", string version = "1") => new()
    {
        Id = id,
        Version = version,
        Name = "Test",
        Floors = [new MapFloor { Id = "F1", Level = 1, Name = "Ground", Nodes = [.. _nodes], Edges = [.. _edges], Places = [.. _places] }],
        Zones = [.. _zones],
        Doors = [.. _doors],
    };

    public HomeMap Build()
    {
        if (!_places.Any(p => p.Kind == PlaceKind.Charger))
        {
            Place("CHG-T", PlaceKind.Charger, _nodes[0].Id);
        }

        var result = HomeMapLoader.Load(Document());
        Assert.True(result.Succeeded, result.Describe());
        return result.Map!;
    }

    /// <summary>A corridor of n nodes 3 m apart along x: C0..C(n-1).</summary>
    public static TestMapBuilder Corridor(int n)
    {
        var b = new TestMapBuilder();
        for (var i = 0; i < n; i++)
        {
            b.Node($"C{i}", 3 * i, 0);
            if (i > 0)
            {
                b.Edge($"C{i - 1}", $"C{i}");
            }
        }

        return b;
    }
}

internal static class Repo
{
    public static string Root()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "CareFleet.slnx")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("Repository root (CareFleet.slnx) not found above the test binaries.");
    }

    public static string SampleMapPath => Path.Combine(Root(), "samples", "homes", "sunrise-garden", "map.json");
}
