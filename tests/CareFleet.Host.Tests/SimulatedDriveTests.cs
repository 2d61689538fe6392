using CareFleet.Contracts.CareActions;
using CareFleet.Contracts.Maps;
using CareFleet.Contracts.Vda5050;
using CareFleet.Simulation;

namespace CareFleet.Host.Tests;

public sealed class SimulatedDriveTests
{
    // A straight corridor on floor F1: A(0,0) - B(10,0) - C(20,0), 10 m apart.
    private static readonly HomeMapDocument Map = new()
    {
        Id = "test-home",
        Version = "1",
        Floors =
        [
            new MapFloor
            {
                Id = "F1",
                Nodes = [new MapNode { Id = "A", X = 0, Y = 0 }, new MapNode { Id = "B", X = 10, Y = 0 }, new MapNode { Id = "C", X = 20, Y = 0 }],
            },
        ],
    };

    private static SimulatedDrive RobotAtA(double speedMax = 1.0) => new(Map, speedMax, 0, 0, "test-home/F1", 80, charging: false);

    private static OrderNode Node(string id, uint sequence, bool released = true, params Vda5050Action[] actions) =>
        new() { NodeId = id, SequenceId = sequence, Released = released, Actions = actions };

    private static OrderEdge Edge(string from, string to, uint sequence, bool released = true, double? maxSpeed = null) =>
        new() { EdgeId = $"{from}-{to}", SequenceId = sequence, Released = released, StartNodeId = from, EndNodeId = to, MaxSpeed = maxSpeed };

    private static Order OrderAtoC(uint updateId = 0, bool releaseC = true) => new()
    {
        OrderId = "o1",
        OrderUpdateId = updateId,
        Nodes = [Node("A", 0), Node("B", 2), Node("C", 4, releaseC)],
        Edges = [Edge("A", "B", 1), Edge("B", "C", 3, releaseC)],
    };

    [Fact]
    public void Robot_DrivesTheReleasedBase_AtTheEdgeSpeed_AndReportsNodes()
    {
        var drive = RobotAtA();
        Assert.True(drive.Accept(OrderAtoC() with { Edges = [Edge("A", "B", 1, maxSpeed: 0.5), Edge("B", "C", 3)] }));
        Assert.Equal("A", drive.LastNodeId);

        drive.Advance(TimeSpan.FromSeconds(10));
        Assert.True(drive.Driving);
        Assert.Equal(5, drive.X, 6);
        Assert.Equal(5, drive.DistanceSinceLastNode, 6);
        Assert.Equal(["B", "C"], drive.Nodes.Select(n => n.NodeId));

        drive.Advance(TimeSpan.FromSeconds(10));
        Assert.Equal("B", drive.LastNodeId);
        Assert.Equal(2u, drive.LastNodeSequenceId);

        drive.Advance(TimeSpan.FromSeconds(60));
        Assert.Equal("C", drive.LastNodeId);
        Assert.Equal(20, drive.X, 6);
        Assert.False(drive.Driving);
        Assert.Empty(drive.Nodes);
        Assert.Empty(drive.Edges);
        Assert.True(drive.Battery < 80, $"Battery should drain while driving, is {drive.Battery}");
    }

    [Fact]
    public void Robot_StopsAtTheEndOfTheBase_AndGoesOnAfterAStitchedUpdate()
    {
        var drive = RobotAtA();
        Assert.True(drive.Accept(OrderAtoC(releaseC: false)));
        drive.Advance(TimeSpan.FromSeconds(100));
        Assert.Equal("B", drive.LastNodeId);
        Assert.False(drive.Driving);
        Assert.Equal(10, drive.X, 6);

        Assert.True(drive.Accept(new Order { OrderId = "o1", OrderUpdateId = 1, Nodes = [Node("B", 2), Node("C", 4)], Edges = [Edge("B", "C", 3)] }));
        drive.Advance(TimeSpan.FromSeconds(100));
        Assert.Equal("C", drive.LastNodeId);
        Assert.Equal(1u, drive.OrderUpdateId);
        Assert.Empty(drive.Errors);
    }

    [Fact]
    public void Update_NotStartingAtTheEndOfTheBase_IsRejected_AndTheOrderKept()
    {
        var drive = RobotAtA();
        Assert.True(drive.Accept(OrderAtoC(releaseC: false)));
        Assert.False(drive.Accept(new Order { OrderId = "o1", OrderUpdateId = 1, Nodes = [Node("A", 0), Node("C", 4)], Edges = [Edge("A", "C", 1)] }));

        var error = Assert.Single(drive.Errors);
        Assert.Equal("orderUpdateError", error.ErrorType);
        Assert.Equal(ErrorLevel.Warning, error.ErrorLevel);
        Assert.Equal(0u, drive.OrderUpdateId);
        drive.Advance(TimeSpan.FromSeconds(100));
        Assert.Equal("B", drive.LastNodeId);
    }

    [Fact]
    public void Update_WithAnOlderUpdateId_IsRejected_AndARepeatIsIgnored()
    {
        var drive = RobotAtA();
        Assert.True(drive.Accept(OrderAtoC(updateId: 3)));
        Assert.True(drive.Accept(OrderAtoC(updateId: 3)));
        Assert.Empty(drive.Errors);
        Assert.False(drive.Accept(OrderAtoC(updateId: 2)));
        Assert.Equal("orderUpdateError", Assert.Single(drive.Errors).ErrorType);
    }

    [Fact]
    public void NewOrder_WhoseFirstNodeIsFarAway_IsRejected()
    {
        var drive = RobotAtA();
        Assert.False(drive.Accept(new Order { OrderId = "far", Nodes = [Node("C", 0)] }));
        Assert.Equal("orderError", Assert.Single(drive.Errors).ErrorType);
        Assert.Equal("", drive.OrderId);
    }

    [Fact]
    public void CareAction_RunsAtItsNode_AndFinishesWithAResult()
    {
        var drive = RobotAtA();
        var scan = new Vda5050Action { ActionId = "scan-1", ActionType = CareActionTypes.PatrolScan, BlockingType = BlockingType.Hard };
        Assert.True(drive.Accept(new Order { OrderId = "o2", Nodes = [Node("A", 0), Node("B", 2, true, scan), Node("C", 4)], Edges = [Edge("A", "B", 1), Edge("B", "C", 3)] }));
        Assert.Equal(ActionStatus.Waiting, drive.ActionStates.Single().ActionStatus);

        drive.Advance(TimeSpan.FromSeconds(11));
        Assert.Equal(ActionStatus.Running, drive.ActionStates.Single().ActionStatus);
        Assert.Equal(10, drive.X, 6);

        drive.Advance(SimulatedDrive.CareActionDuration);
        var done = drive.ActionStates.Single();
        Assert.Equal(ActionStatus.Finished, done.ActionStatus);
        Assert.Equal(CareActionResults.Done, done.ResultDescription);
        Assert.True(drive.X > 10, "The robot should drive on once the action finished.");
    }

    [Fact]
    public void CancelOrder_StopsTheRobot_AndClearsTheOrder()
    {
        var drive = RobotAtA();
        Assert.True(drive.Accept(OrderAtoC()));
        drive.Advance(TimeSpan.FromSeconds(3));
        Assert.True(drive.Instant(new Vda5050Action { ActionId = "c1", ActionType = "cancelOrder" }));
        drive.Advance(TimeSpan.FromSeconds(30));
        Assert.Equal(3, drive.X, 6);
        Assert.Empty(drive.Nodes);
        Assert.False(drive.IsExecuting);
        Assert.Equal(ActionStatus.Finished, drive.ActionStates.Single(a => a.ActionId == "c1").ActionStatus);

        Assert.True(drive.Instant(new Vda5050Action { ActionId = "c2", ActionType = "cancelOrder" }));
        Assert.Equal(ActionStatus.Failed, drive.ActionStates.Single(a => a.ActionId == "c2").ActionStatus);
        Assert.Contains(drive.Errors, e => e.ErrorType == "noOrderToCancel");
    }

    [Fact]
    public void Pause_HoldsTheRobot_UntilStopPause()
    {
        var drive = RobotAtA();
        Assert.True(drive.Accept(OrderAtoC()));
        drive.Advance(TimeSpan.FromSeconds(2));
        drive.Instant(new Vda5050Action { ActionId = "p1", ActionType = "startPause" });
        drive.Advance(TimeSpan.FromSeconds(30));
        Assert.Equal(2, drive.X, 6);
        Assert.True(drive.Paused);
        Assert.False(drive.Driving);

        drive.Instant(new Vda5050Action { ActionId = "p2", ActionType = "stopPause" });
        drive.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(3, drive.X, 6);
    }

    [Fact]
    public void NewOrder_WhileStillDriving_IsRejected()
    {
        var drive = RobotAtA();
        Assert.True(drive.Accept(OrderAtoC()));
        drive.Advance(TimeSpan.FromSeconds(1));
        Assert.False(drive.Accept(OrderAtoC() with { OrderId = "o-other" }));
        Assert.Equal("o1", drive.OrderId);
    }
}
