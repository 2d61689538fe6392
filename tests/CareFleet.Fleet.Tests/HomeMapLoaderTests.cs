using System.Text.Json.Nodes;
using CareFleet.Contracts.Maps;
using CareFleet.Fleet.Maps;

namespace CareFleet.Fleet.Tests;

public sealed class HomeMapLoaderTests
{
    private static string Sample() => File.ReadAllText(Repo.SampleMapPath);

    private static HomeMapLoadResult LoadEdited(Action<JsonNode> edit)
    {
        var node = JsonNode.Parse(Sample())!;
        edit(node);
        return HomeMapLoader.Load(node.ToJsonString());
    }

    private static void AssertError(HomeMapLoadResult result, string element, string problem)
    {
        Assert.False(result.Succeeded, "Expected the map to be refused.");
        Assert.True(result.Errors.Any(e => e.Element == element && e.Problem.Contains(problem, StringComparison.Ordinal)),
            $"Expected '{element}: …{problem}…'; got:\n{result.Describe()}");
    }

    [Fact]
    public async Task SampleHome_Loads_WithTheAdvertisedPlaces()
    {
        var result = await HomeMapLoader.LoadFileAsync(Repo.SampleMapPath, TestContext.Current.CancellationToken);

        Assert.True(result.Succeeded, result.Describe());
        var map = result.Map!;
        var places = map.Places.Values.ToList();
        Assert.Equal("sunrise-garden", map.Id);
        Assert.Equal(2, map.Document.Floors.Count);
        Assert.True(places.Count(p => p.Kind == PlaceKind.Room) >= 40);
        Assert.True(places.Count(p => p.Kind == PlaceKind.Bed) >= 44);
        Assert.True(places.Count(p => p.Kind == PlaceKind.Charger) >= 4);
        foreach (var id in new[] { "F1-R101", "F1-R101-A", "F2-R201-A", "CHG-1", "CHG-4", "PHARMACY", "LAUNDRY", "NURSE-F1", "NURSE-F2", "ACTIVITY", "DINING" })
        {
            Assert.True(map.TryGetPlace(id, out _), $"Place {id} is missing from the sample home.");
        }

        Assert.Contains(map.Document.Lifts, l => l.Id == "LIFT-A");
        Assert.Contains(map.Document.Doors, d => d.FireDoor);
        Assert.Contains(map.Document.Zones, z => z.Rules.QuietHours is not null);
        Assert.Contains(map.Document.Zones, z => z.Rules.NoParking);
    }

    [Fact]
    public void BadJson_IsRefused_NamingTheFile()
    {
        AssertError(HomeMapLoader.Load("{ \"id\": \"x\", "), "map file", "not valid map JSON");
    }

    [Fact]
    public void DuplicateNodeId_IsNamed()
    {
        var result = LoadEdited(m => m["floors"]![1]!["nodes"]!.AsArray().Add(new JsonObject { ["id"] = "F1-C03", ["x"] = 0, ["y"] = 0 }));

        AssertError(result, "node F1-C03", "duplicate node id (also on floor F1)");
    }

    [Fact]
    public void DuplicatePlaceId_IsNamed()
    {
        var result = LoadEdited(m => m["floors"]![1]!["places"]![0]!["id"] = "PHARMACY");

        AssertError(result, "place PHARMACY", "duplicate place id");
    }

    [Fact]
    public void DanglingEdge_IsNamed()
    {
        var result = LoadEdited(m => m["floors"]![0]!["edges"]![3]!["to"] = "F1-NOWHERE");

        AssertError(result, "edge F1-EC04", "'to' node 'F1-NOWHERE' does not exist (dangling edge)");
    }

    [Fact]
    public void EdgeAcrossFloors_IsNamed()
    {
        var result = LoadEdited(m => m["floors"]![0]!["edges"]![0]!["to"] = "F2-C01");

        AssertError(result, "edge F1-EC01", "floors are joined only by lifts");
    }

    [Fact]
    public void PlaceOnUnknownNode_IsNamed()
    {
        var result = LoadEdited(m => m["floors"]![0]!["places"]!.AsArray().First(p => (string?)p!["id"] == "PHARMACY")!["nodeId"] = "F1-GONE");

        AssertError(result, "place PHARMACY", "is on unknown node 'F1-GONE'");
    }

    [Fact]
    public void UnreachableCharger_IsNamed()
    {
        // Cut CHG-2's only edge: the charger is stranded.
        var result = LoadEdited(m =>
        {
            var edges = m["floors"]![0]!["edges"]!.AsArray();
            edges.Remove(edges.First(e => (string?)e!["id"] == "F1-E-CHG-2"));
        });

        AssertError(result, "charger CHG-2", "cannot be reached from charger CHG-1");
    }

    [Fact]
    public void PlaceWithNoWayBack_IsNamed()
    {
        var result = LoadEdited(m =>
        {
            var edge = m["floors"]![0]!["edges"]!.AsArray().First(e => (string?)e!["id"] == "F1-E-LAUNDRY")!;
            edge["oneWay"] = true;
        });

        AssertError(result, "place LAUNDRY", "has no way back to charger CHG-1");
    }

    [Fact]
    public void LiftJoiningUnknownNode_IsNamed()
    {
        var result = LoadEdited(m => m["lifts"]![0]!["stops"]![1]!["nodeId"] = "F2-NOLIFT");

        AssertError(result, "lift LIFT-A", "joins unknown node 'F2-NOLIFT' on floor 'F2'");
    }

    [Fact]
    public void LiftStopOnWrongFloor_IsNamed()
    {
        var result = LoadEdited(m => m["lifts"]![0]!["stops"]![1]!["nodeId"] = "F1-C05");

        AssertError(result, "lift LIFT-A", "that node is on floor 'F1'");
    }

    [Fact]
    public void BedInUnknownRoom_IsNamed()
    {
        var result = LoadEdited(m => m["floors"]![0]!["places"]!.AsArray().First(p => (string?)p!["id"] == "F1-R101-A")!["roomId"] = "F1-R999");

        AssertError(result, "place F1-R101-A", "'F1-R999', which is not a room");
    }

    [Fact]
    public void EdgeShorterThanStraightLine_IsNamed()
    {
        var result = LoadEdited(m => m["floors"]![0]!["edges"]![0]!["length"] = 1.0);

        AssertError(result, "edge F1-EC01", "shorter than the straight line");
    }

    [Fact]
    public void ZoneOnUnknownNode_And_DoorOnUnknownEdge_AreAllReported()
    {
        var result = LoadEdited(m =>
        {
            m["zones"]![1]!["nodeIds"]!.AsArray().Add("F1-GHOST");
            m["doors"]![0]!["edgeId"] = "F1-NO-EDGE";
        });

        AssertError(result, "zone NOPARK-F1-FIRE", "lists unknown node 'F1-GHOST'");
        AssertError(result, "door DOOR-PHARMACY", "stands on unknown edge 'F1-NO-EDGE'");
    }

    [Fact]
    public void MapWithoutCharger_IsRefused()
    {
        var doc = TestMapBuilder.Corridor(3).Document();

        AssertError(HomeMapLoader.Load(doc), "map", "has no charger");
    }

    [Theory]
    [InlineData("sunrise-garden", null, true)]
    [InlineData("sunrise-garden", "1.0.0", true)]
    [InlineData("sunrise-garden", "0.9.0", false)]
    [InlineData("other-home", null, false)]
    [InlineData(null, null, false)]
    public void RobotMap_IsChecked_AgainstIdAndVersion(string? mapId, string? version, bool compatible)
    {
        var map = HomeMapLoader.Load(Sample()).Map!;

        Assert.Equal(compatible, map.IsCompatible(mapId, version));
    }

    [Fact]
    public async Task MissingFile_IsReported_NotThrown()
    {
        var result = await HomeMapLoader.LoadFileAsync(Path.Combine(Repo.Root(), "no-such-map.json"), TestContext.Current.CancellationToken);

        AssertError(result, "map file", "cannot be read");
    }
}
