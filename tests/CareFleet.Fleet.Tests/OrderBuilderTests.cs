using CareFleet.Contracts.Vda5050;
using CareFleet.Contracts.Vda5050.Validation;
using CareFleet.Fleet.Maps;
using CareFleet.Fleet.Routing;

namespace CareFleet.Fleet.Tests;

public sealed class OrderBuilderTests
{
    private static readonly DateTimeOffset Noon = new(2026, 11, 30, 12, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset Night = new(2026, 11, 30, 23, 0, 0, TimeSpan.Zero);
    private readonly HomeMap _map = HomeMapLoader.Load(File.ReadAllText(Repo.SampleMapPath)).Map!;

    private Route PharmacyToUpstairsBed() =>
        new RoutePlanner(_map.Graph).Plan(new RouteRequest(_map.Places["PHARMACY"].NodeId, _map.Places["F2-R205-A"].NodeId, new RobotProfile(1.0, 0.5), Noon)).Route!;

    [Fact]
    public void NewOrder_HasBaseThenHorizon_AndPassesTheOfficialSchema()
    {
        var route = PharmacyToUpstairsBed();

        var order = new OrderBuilder(_map).Build(route, 0, 3, "task-1", 0, 0, Noon) with
        {
            HeaderId = 1, Timestamp = Noon, Manufacturer = "Kindred Robotics", SerialNumber = "MED-1",
        };

        Assert.Equal(route.NodeIds, order.Nodes.Select(n => n.NodeId));
        Assert.Equal(route.EdgeIds, order.Edges.Select(e => e.EdgeId));
        Assert.Equal(Enumerable.Range(0, route.NodeIds.Count).Select(i => (uint)(2 * i)), order.Nodes.Select(n => n.SequenceId));
        Assert.Equal([true, true, true, true], order.Nodes.Take(4).Select(n => n.Released));
        Assert.All(order.Nodes.Skip(4), n => Assert.False(n.Released));
        Assert.All(order.Edges.Take(3), e => Assert.True(e.Released));
        Assert.All(order.Edges.Skip(3), e => Assert.False(e.Released));
        var result = Vda5050Validator.Validate(Vda5050Topic.Order, Vda5050Json.Serialize(order));
        Assert.True(result.IsValid, result.Describe());
    }

    [Fact]
    public void NodePositions_AreOnEachFloorsOwnMap()
    {
        var order = new OrderBuilder(_map).Build(PharmacyToUpstairsBed(), 0, 0, "task-1", 0, 0, Noon);

        Assert.Equal("sunrise-garden/F1", order.Nodes[0].NodePosition!.MapId);
        Assert.Equal("sunrise-garden/F2", order.Nodes[^1].NodePosition!.MapId);
        Assert.True(_map.IsCompatible("sunrise-garden/F2"));
        Assert.False(_map.IsCompatible("sunrise-garden/F9"));
        var lift = Assert.Single(order.Edges, e => e.EdgeId.StartsWith("LIFT-", StringComparison.Ordinal));
        Assert.Null(lift.Length);
    }

    [Fact]
    public void Update_StartsAtTheDecisionPoint_WithItsSequenceId()
    {
        var route = PharmacyToUpstairsBed();
        var builder = new OrderBuilder(_map);
        var first = builder.Build(route, 0, 3, "task-1", 0, 0, Noon);
        var lastBase = first.Nodes.Last(n => n.Released);

        var update = builder.Build(route, 3, 7, "task-1", 1, lastBase.SequenceId, Noon) with
        {
            HeaderId = 2, Timestamp = Noon, Manufacturer = "Kindred Robotics", SerialNumber = "MED-1",
        };

        Assert.Equal(lastBase.NodeId, update.Nodes[0].NodeId);
        Assert.Equal(lastBase.SequenceId, update.Nodes[0].SequenceId);
        Assert.True(update.Nodes[0].Released);
        Assert.Equal(first.Edges[3].SequenceId, update.Edges[0].SequenceId);
        Assert.True(Vda5050Validator.Validate(Vda5050Topic.Order, Vda5050Json.Serialize(update)).IsValid);
    }

    [Fact]
    public void EdgeSpeed_IncludesQuietHours_AtNight()
    {
        var route = new RoutePlanner(_map.Graph).Plan(new RouteRequest("F1-C05", "F1-C09", new RobotProfile(1.0, 0.5), Noon)).Route!;
        var builder = new OrderBuilder(_map);

        var day = builder.Build(route, 0, 0, "o", 0, 0, Noon);
        var night = builder.Build(route, 0, 0, "o", 0, 0, Night);

        Assert.All(day.Edges, e => Assert.Equal(1.0, e.MaxSpeed));
        Assert.All(night.Edges, e => Assert.Equal(0.4, e.MaxSpeed));
    }

    [Fact]
    public void OddFirstSequenceId_IsRefused()
    {
        Assert.Throws<ArgumentException>(() => new OrderBuilder(_map).Build(PharmacyToUpstairsBed(), 0, 0, "o", 0, 3, Noon));
    }
}
