using CareFleet.Contracts.Maps;
using CareFleet.Fleet.Maps;
using CareFleet.Fleet.Routing;
using CareFleet.Fleet.Traffic;
using Microsoft.Extensions.Time.Testing;

namespace CareFleet.Fleet.Tests;

public sealed class TrafficControllerTests
{
    private static readonly RobotProfile Robot = new(1.0, 0.5);
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 30, 10, 0, 0, TimeSpan.Zero));

    private static HomeMap CorridorWithSide(int n, int sideAt)
    {
        var b = TestMapBuilder.Corridor(n);
        b.Node("S", 3 * sideAt, 3).Edge($"C{sideAt}", "S");
        return b.Build();
    }

    private TrafficController Controller(HomeMap map, int window = 6) =>
        new(map.Graph, _time, new TrafficOptions { MaxGrantNodes = window });

    private static Route Plan(TrafficController traffic, string robot, string goal)
    {
        var result = traffic.PlanFor(robot, goal);
        Assert.True(result.Found, result.Error);
        return result.Route;
    }

    /// <summary>Drives a robot one node along its granted base, as a robot would report it.</summary>
    private static bool Step(TrafficController traffic, string robot)
    {
        var status = traffic.GetStatus(robot)!;
        if (status.Route is null || status.ReachedIndex >= status.GrantedIndex)
        {
            return false;
        }

        Assert.True(traffic.ReportReached(robot, status.Route.NodeIds[status.ReachedIndex + 1]).Succeeded);
        return true;
    }

    [Fact]
    public void Grant_StopsShortOfANodeHeldByAnotherRobot_AndSaysWhy()
    {
        var traffic = Controller(TestMapBuilder.Corridor(8).Build());
        traffic.AddRobot("MED-1", "C0", Robot);
        traffic.AddRobot("BED-2", "C5", Robot);
        traffic.SetBusy("BED-2", "with a resident");

        var result = traffic.Assign("MED-1", Plan(traffic, "MED-1", "C7"));

        Assert.True(result.Succeeded, result.Error);
        Assert.Equal(4, result.Update!.GrantedIndex);
        var status = traffic.GetStatus("MED-1")!;
        Assert.Equal("waiting for node C5, held by BED-2 (with a resident)", status.WaitingReason);
        Assert.Equal("BED-2", status.WaitingFor);
        Assert.Equal(_time.GetUtcNow(), status.WaitingSince);
    }

    [Fact]
    public void WaitingReason_GivesTheHoldersEstimatedTime()
    {
        var traffic = Controller(TestMapBuilder.Corridor(8).Build(), window: 2);
        traffic.AddRobot("MED-2", "C1", Robot);
        traffic.AddRobot("MED-1", "C0", Robot);
        traffic.Assign("MED-2", Plan(traffic, "MED-2", "C7"));

        traffic.Assign("MED-1", Plan(traffic, "MED-1", "C7"));

        // MED-2 frees C1 once it reaches C2: one 3 m step at 1 m/s.
        Assert.Equal("waiting for node C1, held by MED-2, ~3 s", traffic.GetStatus("MED-1")!.WaitingReason);
    }

    [Fact]
    public void Lift_IsExclusive_AndTheWaitNamesIt()
    {
        var map = HomeMapLoader.Load(File.ReadAllText(Repo.SampleMapPath)).Map!;
        var traffic = new TrafficController(map.Graph, _time, new TrafficOptions { MaxGrantNodes = 30 });
        traffic.AddRobot("MED-2", "F1-LA", Robot);
        traffic.AddRobot("MED-1", "F1-C01", Robot);
        traffic.Assign("MED-2", Plan(traffic, "MED-2", "F2-C03"));

        var result = traffic.Assign("MED-1", Plan(traffic, "MED-1", "F2-C05"));

        Assert.True(result.Succeeded, result.Error);
        var reason = traffic.GetStatus("MED-1")!.WaitingReason;
        Assert.NotNull(reason);
        Assert.Equal("waiting for lift LIFT-A (F1 landing), held by MED-2, ~28 s", reason);
        Assert.Contains(traffic.Holdings(), h => h == ("LIFT-A", "MED-2"));
    }

    [Fact]
    public void Door_IsExclusive_AndTheWaitNamesIt()
    {
        var traffic = Controller(TestMapBuilder.Corridor(8).Door("WARD-1", "C3").Build(), window: 3);
        traffic.AddRobot("MED-2", "C2", Robot);
        traffic.AddRobot("MED-1", "C0", Robot);
        traffic.Assign("MED-2", Plan(traffic, "MED-2", "C7"));

        traffic.Assign("MED-1", Plan(traffic, "MED-1", "C7"));

        Assert.Equal("waiting for node C2, held by MED-2, ~3 s", traffic.GetStatus("MED-1")!.WaitingReason);
        traffic.ReportReached("MED-2", "C3");
        traffic.Update();
        Assert.Equal("waiting for door WARD-1, held by MED-2, ~3 s", traffic.GetStatus("MED-1")!.WaitingReason);
    }

    [Fact]
    public void Base_NeverEnds_AtAFireDoor()
    {
        var map = TestMapBuilder.Corridor(8).FireDoor("FD-1", "C3").Build();
        var traffic = Controller(map, window: 3);
        traffic.AddRobot("MED-1", "C0", Robot);

        var result = traffic.Assign("MED-1", Plan(traffic, "MED-1", "C7"));

        // The window of 3 would end at C3, the fire door; the base goes on to C4 instead.
        Assert.Equal("C4", result.Update!.Route.NodeIds[result.Update.GrantedIndex]);
    }

    [Fact]
    public void Base_StopsBeforeAFireDoor_WhenTheNodeBeyondIsTaken()
    {
        var map = TestMapBuilder.Corridor(8).FireDoor("FD-1", "C3").Build();
        var traffic = Controller(map);
        traffic.AddRobot("BED-2", "C4", Robot);
        traffic.SetBusy("BED-2", "charging");
        traffic.AddRobot("MED-1", "C0", Robot);

        var result = traffic.Assign("MED-1", Plan(traffic, "MED-1", "C7"));

        Assert.Equal("C2", result.Update!.Route.NodeIds[result.Update.GrantedIndex]);
        Assert.False(map.Graph.CanStopAt("C3"));
    }

    [Fact]
    public void HeadOnDeadlock_IsResolved_ByBackingOffToTheSideNode()
    {
        var traffic = Controller(CorridorWithSide(7, 3));
        traffic.AddRobot("R1", "C0", Robot);
        traffic.AddRobot("R2", "C6", Robot);
        traffic.Assign("R1", Plan(traffic, "R1", "C6"));
        traffic.Assign("R2", Plan(traffic, "R2", "C0"));

        traffic.Update();

        var report = Assert.Single(traffic.Deadlocks);
        Assert.Equal(DeadlockResolution.BackedOff, report.Resolution);
        Assert.Equal(["R1", "R2"], report.Robots.Order(StringComparer.Ordinal));

        // Both finish by driving only what they are granted.
        for (var tick = 0; tick < 60; tick++)
        {
            Step(traffic, "R1");
            Step(traffic, "R2");
            traffic.Update();
        }

        Assert.Equal("C6", traffic.GetStatus("R1")!.LastNodeId);
        Assert.Equal("C0", traffic.GetStatus("R2")!.LastNodeId);
    }

    [Fact]
    public void Deadlock_IsResolved_ByReroutingWhenThereIsAnotherWay()
    {
        // A corridor A-B-C-D and a longer way from D round to U1 above A. R2 heads for U1 through the corridor
        // and meets R1 head-on; R2 can take the long way round.
        var b = new TestMapBuilder()
            .Node("A", 0, 0).Node("B", 3, 0).Node("C", 6, 0).Node("D", 9, 0)
            .Node("U1", 0, 4).Node("U2", 12, 4)
            .Edge("A", "B").Edge("B", "C").Edge("C", "D").Edge("A", "U1").Edge("U1", "U2").Edge("U2", "D");
        var traffic = Controller(b.Build());
        traffic.AddRobot("R1", "A", Robot);
        traffic.AddRobot("R2", "D", Robot);
        traffic.Assign("R1", Plan(traffic, "R1", "D"));
        traffic.Assign("R2", Plan(traffic, "R2", "U1"));
        Assert.Equal(["D", "C", "B", "A", "U1"], traffic.GetStatus("R2")!.Route!.NodeIds);

        traffic.Update();

        var report = Assert.Single(traffic.Deadlocks);
        Assert.Equal(DeadlockResolution.Rerouted, report.Resolution);
        Assert.Equal("R2", report.Victim);
        Assert.Equal(["D", "U2", "U1"], traffic.GetStatus("R2")!.Route!.NodeIds);
    }

    [Fact]
    public void Deadlock_WithNoWayOut_IsReported_ForStaff_AfterTheEscalationTime()
    {
        var traffic = Controller(TestMapBuilder.Corridor(4).Build());
        traffic.AddRobot("R1", "C0", Robot);
        traffic.AddRobot("R2", "C3", Robot);
        traffic.Assign("R1", Plan(traffic, "R1", "C3"));
        traffic.Assign("R2", Plan(traffic, "R2", "C0"));

        traffic.Update();

        Assert.Empty(traffic.Deadlocks);
        Assert.Equal("in a deadlock with R2; waiting for room to back off", traffic.GetStatus("R1")!.WaitingReason);

        _time.Advance(TimeSpan.FromSeconds(61));
        traffic.Update();

        var report = Assert.Single(traffic.Deadlocks);
        Assert.Equal(DeadlockResolution.Unresolved, report.Resolution);
        Assert.Equal("stuck in a deadlock with R2; staff help needed", traffic.GetStatus("R1")!.WaitingReason);
    }

    [Fact]
    public void IdleRobotInTheWay_IsMovedAside()
    {
        var traffic = Controller(CorridorWithSide(7, 4));
        traffic.AddRobot("R1", "C0", Robot);
        traffic.AddRobot("IDLE", "C3", Robot);
        traffic.Assign("R1", Plan(traffic, "R1", "C6"));

        var updates = traffic.Update();

        Assert.Equal(DeadlockResolution.MovedIdleRobot, Assert.Single(traffic.Deadlocks).Resolution);
        var move = Assert.Single(updates, u => u.RobotId == "IDLE");
        Assert.True(move.RouteChanged);
        Assert.Equal("S", move.Route.NodeIds[^1]);
    }

    [Fact]
    public void BusyIdleRobot_IsNotMoved()
    {
        var traffic = Controller(CorridorWithSide(7, 4));
        traffic.AddRobot("R1", "C0", Robot);
        traffic.AddRobot("CHG", "C3", Robot);
        traffic.SetBusy("CHG", "charging");
        traffic.Assign("R1", Plan(traffic, "R1", "C6"));

        var updates = traffic.Update();

        Assert.Empty(traffic.Deadlocks);
        Assert.DoesNotContain(updates, u => u.RobotId == "CHG");
    }

    [Fact]
    public void Reaching_ReleasesWhatLiesBehind()
    {
        var traffic = Controller(TestMapBuilder.Corridor(5).Build());
        traffic.AddRobot("R1", "C0", Robot);
        traffic.Assign("R1", Plan(traffic, "R1", "C4"));

        Assert.True(traffic.ReportReached("R1", "C2").Succeeded);

        Assert.Equal(["C2", "C2-C3", "C3", "C3-C4", "C4"], traffic.GetStatus("R1")!.Holding.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void ReportOutsideTheGrant_IsRefused_AndChangesNothing()
    {
        var traffic = Controller(TestMapBuilder.Corridor(8).Build(), window: 2);
        traffic.AddRobot("R1", "C0", Robot);
        traffic.Assign("R1", Plan(traffic, "R1", "C7"));
        var before = traffic.Holdings();

        var result = traffic.ReportReached("R1", "C5");

        Assert.False(result.Succeeded);
        Assert.Contains("not within its granted base", result.Error, StringComparison.Ordinal);
        Assert.Equal(before, traffic.Holdings());
    }

    [Fact]
    public void RouteNotStartingAtTheEndOfTheBase_IsRefused()
    {
        var traffic = Controller(TestMapBuilder.Corridor(8).Build(), window: 2);
        traffic.AddRobot("R1", "C0", Robot);
        traffic.Assign("R1", Plan(traffic, "R1", "C7"));
        var elsewhere = new RoutePlanner(traffic.Planner.Graph).Plan(new RouteRequest("C0", "C1", Robot, _time.GetUtcNow())).Route!;

        var result = traffic.Assign("R1", elsewhere);

        Assert.False(result.Succeeded);
        Assert.Contains("base ends at C2", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void AddingARobotOnAHeldNode_IsRefused()
    {
        var traffic = Controller(TestMapBuilder.Corridor(3).Build());
        traffic.AddRobot("R1", "C1", Robot);

        var result = traffic.AddRobot("R2", "C1", Robot);

        Assert.False(result.Succeeded);
        Assert.Contains("held by R1", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void PeopleInTheCorridor_HoldTheRobot_UntilTheReportLapses()
    {
        var traffic = Controller(TestMapBuilder.Corridor(4).Build());
        traffic.AddRobot("R1", "C0", Robot);
        traffic.People.Report(new PeopleBlockage("C1-C2", "a resident with a walker", "PATROL-1", _time.GetUtcNow().AddSeconds(30), TimeSpan.FromSeconds(30)));
        traffic.Assign("R1", Plan(traffic, "R1", "C3"));

        var status = traffic.GetStatus("R1")!;
        Assert.Equal(1, status.GrantedIndex);
        Assert.Equal("waiting: corridor C1-C2 is blocked by a resident with a walker (reported by PATROL-1), ~30 s", status.WaitingReason);

        _time.Advance(TimeSpan.FromSeconds(31));
        traffic.Update();

        Assert.Equal(3, traffic.GetStatus("R1")!.GrantedIndex);
        Assert.Null(traffic.GetStatus("R1")!.WaitingReason);
    }

    [Fact]
    public void NewRouteWhileDriving_KeepsTheBase_AndNamesTheDecisionPoint()
    {
        var traffic = Controller(CorridorWithSide(8, 3), window: 3);
        traffic.AddRobot("R1", "C0", Robot);
        traffic.Assign("R1", Plan(traffic, "R1", "C7"));
        traffic.ReportReached("R1", "C1");

        var result = traffic.Assign("R1", Plan(traffic, "R1", "S"));

        // Base C1..C3 is kept (C0 is behind the robot); the update starts at C3, index 2 of the new route.
        var update = result.Update!;
        Assert.Equal(["C1", "C2", "C3", "S"], update.Route.NodeIds);
        Assert.Equal(2, update.PreviousGrantedIndex);
        Assert.Equal(3, update.GrantedIndex);
        Assert.True(update.RouteChanged);
    }

    [Fact]
    public void RouteToWhereTheRobotStands_GrantsNothing()
    {
        var traffic = Controller(TestMapBuilder.Corridor(3).Build());
        traffic.AddRobot("R1", "C1", Robot);

        var result = traffic.Assign("R1", Plan(traffic, "R1", "C1"));

        Assert.True(result.Succeeded);
        Assert.Null(result.Update);
        Assert.Equal(["C1"], traffic.GetStatus("R1")!.Holding);
    }

    [Fact]
    public void Profile_ComesFromTheFactsheet()
    {
        var sheet = new Contracts.Vda5050.Factsheet { PhysicalParameters = new Contracts.Vda5050.PhysicalParameters { SpeedMax = 0.9, Width = 0.95 } };

        var profile = RobotProfile.FromFactsheet(sheet);

        Assert.Equal(new RobotProfile(0.9, 0.95), profile);
        Assert.False(profile.Fits(WidthClass.Standard));
        Assert.True(profile.Fits(WidthClass.Wide));
    }

    [Fact]
    public void CancelRoute_KeepsOnlyTheBase()
    {
        var traffic = Controller(TestMapBuilder.Corridor(8).Build(), window: 2);
        traffic.AddRobot("R1", "C0", Robot);
        traffic.Assign("R1", Plan(traffic, "R1", "C7"));

        traffic.CancelRoute("R1");

        var status = traffic.GetStatus("R1")!;
        Assert.Equal("C2", status.Route!.NodeIds[^1]);
        Assert.Equal("C2", status.PlanFromNodeId);
    }
}
