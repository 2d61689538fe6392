using CareFleet.Contracts.Maps;
using CareFleet.Fleet.Maps;
using CareFleet.Fleet.Routing;

namespace CareFleet.Fleet.Tests;

public sealed class RoutePlannerTests
{
    private static readonly RobotProfile Small = new(1.0, 0.5);
    private static readonly DateTimeOffset Noon = new(2026, 11, 30, 12, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset Midnight = new(2026, 11, 30, 23, 30, 0, TimeSpan.Zero);

    // A square: A(0,0) B(10,0) C(10,10) D(0,10); plus a long way round via E.
    private static TestMapBuilder Square() => new TestMapBuilder()
        .Node("A", 0, 0).Node("B", 10, 0).Node("C", 10, 10).Node("D", 0, 10).Node("E", -10, 5)
        .Edge("A", "B").Edge("B", "C").Edge("C", "D").Edge("D", "A").Edge("A", "E").Edge("E", "D");

    [Fact]
    public void ShortestRoute_IsFound_WithTimeFromLengthAndSpeed()
    {
        var planner = new RoutePlanner(Square().Build().Graph);

        var result = planner.Plan(new RouteRequest("A", "C", Small, Noon));

        Assert.True(result.Found, result.Error);
        Assert.Equal(3, result.Route.NodeIds.Count);
        Assert.Equal(20, result.Route.EstimatedSeconds, 6);
        Assert.Equal(result.Route.NodeIds.Count - 1, result.Route.EdgeIds.Count);
    }

    [Fact]
    public void EdgeSpeedLimit_MakesTheOtherWayFaster()
    {
        var planner = new RoutePlanner(new TestMapBuilder()
            .Node("A", 0, 0).Node("B", 10, 0).Node("C", 10, 10).Node("D", 0, 10)
            .Edge("A", "B", maxSpeed: 0.1).Edge("B", "C").Edge("C", "D").Edge("D", "A").Build().Graph);

        var route = planner.Plan(new RouteRequest("A", "C", Small, Noon)).Route!;

        Assert.Equal(["A", "D", "C"], route.NodeIds);
    }

    [Fact]
    public void OneWayEdge_IsNotDrivenBackwards()
    {
        var planner = new RoutePlanner(new TestMapBuilder()
            .Node("A", 0, 0).Node("B", 10, 0).Node("C", 10, 10).Node("D", 0, 10)
            .Edge("A", "B", oneWay: true).Edge("B", "C").Edge("C", "D").Edge("D", "A").Build().Graph);

        var forward = planner.Plan(new RouteRequest("A", "B", Small, Noon)).Route!;
        var backward = planner.Plan(new RouteRequest("B", "A", Small, Noon)).Route!;

        Assert.Equal(["A", "B"], forward.NodeIds);
        Assert.Equal(["B", "C", "D", "A"], backward.NodeIds);
    }

    [Fact]
    public void WideRobot_AvoidsNarrowPassages_OrGetsAClearError()
    {
        var map = new TestMapBuilder()
            .Node("A", 0, 0).Node("B", 10, 0).Node("C", 10, 10).Node("D", 0, 10)
            .Edge("A", "B", width: WidthClass.Narrow).Edge("B", "C", width: WidthClass.Wide).Edge("C", "D", width: WidthClass.Wide).Edge("D", "A", width: WidthClass.Wide)
            .Build();
        var planner = new RoutePlanner(map.Graph);
        var bedRobot = new RobotProfile(0.8, 1.0);

        var small = planner.Plan(new RouteRequest("A", "B", Small, Noon)).Route!;
        var big = planner.Plan(new RouteRequest("A", "B", bedRobot, Noon)).Route!;
        var tooBig = planner.Plan(new RouteRequest("A", "B", new RobotProfile(0.8, 1.5), Noon));

        Assert.Equal(["A", "B"], small.NodeIds);
        Assert.Equal(["A", "D", "C", "B"], big.NodeIds);
        Assert.False(tooBig.Found);
        Assert.Contains("1.5 m wide", tooBig.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void QuietHours_SlowTheZone_AtNightOnly()
    {
        // Direct A-B passes a bedroom zone; at night its 0.2 m/s limit makes the long way round faster.
        var map = new TestMapBuilder()
            .Node("A", 0, 0).Node("M", 5, 0).Node("B", 10, 0).Node("U1", 0, 6).Node("U2", 10, 6)
            .Edge("A", "M").Edge("M", "B").Edge("A", "U1").Edge("U1", "U2").Edge("U2", "B")
            .Zone(new MapZone
            {
                Id = "Q", NodeIds = ["M"],
                Rules = new ZoneRules { QuietHours = new QuietHours { From = new TimeOnly(21, 0), To = new TimeOnly(7, 0), MaxSpeed = 0.2 } },
            })
            .Build();
        var planner = new RoutePlanner(map.Graph);

        var day = planner.Plan(new RouteRequest("A", "B", Small, Noon)).Route!;
        var night = planner.Plan(new RouteRequest("A", "B", Small, Midnight)).Route!;

        Assert.Equal(["A", "M", "B"], day.NodeIds);
        Assert.Equal(10, day.EstimatedSeconds, 6);
        Assert.Equal(["A", "U1", "U2", "B"], night.NodeIds);
    }

    [Fact]
    public void QuietHours_UseTheHomesTimeZone()
    {
        var map = new TestMapBuilder()
            .Node("A", 0, 0).Node("B", 10, 0).Edge("A", "B")
            .Zone(new MapZone
            {
                Id = "Q", NodeIds = ["B"],
                Rules = new ZoneRules { QuietHours = new QuietHours { From = new TimeOnly(21, 0), To = new TimeOnly(7, 0), MaxSpeed = 0.5 } },
            })
            .Build();
        var shanghai = TimeZoneInfo.CreateCustomTimeZone("UTC+8", TimeSpan.FromHours(8), "UTC+8", "UTC+8");

        // 14:00 UTC is 22:00 in the home.
        var route = new RoutePlanner(map.Graph, shanghai).Plan(new RouteRequest("A", "B", Small, new DateTimeOffset(2026, 11, 30, 14, 0, 0, TimeSpan.Zero))).Route!;

        Assert.Equal(20, route.EstimatedSeconds, 6);
    }

    [Fact]
    public void BlockedCorridor_IsAvoided_WhenTheDetourIsShorterThanTheWait()
    {
        var planner = new RoutePlanner(Square().Build().Graph);
        var people = new PeopleTraffic();
        people.Report(new PeopleBlockage("A-B", "a resident with a walker", "PATROL-1", Noon.AddMinutes(5), TimeSpan.FromSeconds(60)));

        var route = planner.Plan(new RouteRequest("A", "B", Small, Noon) { People = people }).Route!;

        Assert.Equal(["A", "D", "C", "B"], route.NodeIds);
        Assert.Empty(route.Notes);
    }

    [Fact]
    public void BlockedCorridor_IsWaitedAt_AndSaidSo_WhenThereIsNoBetterWay()
    {
        var planner = new RoutePlanner(TestMapBuilder.Corridor(3).Build().Graph);
        var people = new PeopleTraffic();
        people.Report(new PeopleBlockage("C0-C1", "staff with a cart", "MED-2", Noon.AddMinutes(5), TimeSpan.FromSeconds(45)));

        var route = planner.Plan(new RouteRequest("C0", "C2", Small, Noon) { People = people }).Route!;

        Assert.Equal(6 + 45, route.EstimatedSeconds, 6);
        Assert.Contains("staff with a cart", Assert.Single(route.Notes), StringComparison.Ordinal);
    }

    [Fact]
    public void LapsedBlockage_IsIgnored()
    {
        var planner = new RoutePlanner(Square().Build().Graph);
        var people = new PeopleTraffic();
        people.Report(new PeopleBlockage("A-B", "a resident with a walker", "PATROL-1", Noon.AddMinutes(-1), TimeSpan.FromSeconds(600)));

        var route = planner.Plan(new RouteRequest("A", "B", Small, Noon) { People = people }).Route!;

        Assert.Equal(["A", "B"], route.NodeIds);
    }

    [Fact]
    public void SampleHome_RouteToTheOtherFloor_RidesALift_WithItsTime()
    {
        var map = HomeMapLoader.Load(File.ReadAllText(Repo.SampleMapPath)).Map!;
        var planner = new RoutePlanner(map.Graph);

        var result = planner.Plan(new RouteRequest(map.Places["PHARMACY"].NodeId, map.Places["F2-R201-A"].NodeId, Small, Noon));

        Assert.True(result.Found, result.Error);
        var lift = Assert.Single(result.Route.EdgeIds, e => e.StartsWith("LIFT-", StringComparison.Ordinal));
        var index = result.Route.EdgeIds.ToList().IndexOf(lift);
        Assert.Equal((2 * 8) + 12, result.Route.StepSeconds[index], 6);
        Assert.StartsWith("F1-", result.Route.NodeIds[index], StringComparison.Ordinal);
        Assert.StartsWith("F2-", result.Route.NodeIds[index + 1], StringComparison.Ordinal);
    }

    [Fact]
    public void SampleHome_EveryBed_IsReachableByABedRobot_FromEveryCharger()
    {
        var map = HomeMapLoader.Load(File.ReadAllText(Repo.SampleMapPath)).Map!;
        var planner = new RoutePlanner(map.Graph);
        var bedRobot = new RobotProfile(0.6, 1.0);
        var chargers = map.Places.Values.Where(p => p.Kind == PlaceKind.Charger).ToList();

        foreach (var bed in map.Places.Values.Where(p => p.Kind == PlaceKind.Bed))
        {
            foreach (var charger in chargers)
            {
                var result = planner.Plan(new RouteRequest(charger.NodeId, bed.NodeId, bedRobot, Noon));
                Assert.True(result.Found, $"{bed.Id} from {charger.Id}: {result.Error}");
            }
        }
    }

    [Fact]
    public void AStar_MatchesExhaustiveSearch_OnRandomGraphs()
    {
        var random = new Random(1234);
        for (var round = 0; round < 40; round++)
        {
            var builder = new TestMapBuilder();
            var n = random.Next(8, 30);
            var points = new (double X, double Y)[n];
            for (var i = 0; i < n; i++)
            {
                points[i] = (random.NextDouble() * 50, random.NextDouble() * 50);
                builder.Node($"N{i}", points[i].X, points[i].Y);
            }

            var edges = new List<(int A, int B, double Speed)>();
            for (var i = 1; i < n; i++)
            {
                edges.Add((i, random.Next(i), 0.3 + random.NextDouble()));
            }

            for (var extra = 0; extra < n; extra++)
            {
                var a = random.Next(n);
                var b = random.Next(n);
                if (a != b && !edges.Any(e => (e.A == a && e.B == b) || (e.A == b && e.B == a)))
                {
                    edges.Add((a, b, 0.3 + random.NextDouble()));
                }
            }

            foreach (var (a, b, speed) in edges)
            {
                builder.Edge($"N{a}", $"N{b}", maxSpeed: speed);
            }

            var planner = new RoutePlanner(builder.Build().Graph);
            var from = random.Next(n);
            var to = random.Next(n);

            var route = planner.Plan(new RouteRequest($"N{from}", $"N{to}", Small, Noon)).Route!;

            Assert.Equal(Dijkstra(n, points, edges, from, to, Small.MaxSpeed), route.EstimatedSeconds, 6);
        }
    }

    private static double Dijkstra(int n, (double X, double Y)[] p, List<(int A, int B, double Speed)> edges, int from, int to, double robotSpeed)
    {
        var dist = Enumerable.Repeat(double.PositiveInfinity, n).ToArray();
        var done = new bool[n];
        dist[from] = 0;
        for (var iteration = 0; iteration < n; iteration++)
        {
            var u = -1;
            for (var i = 0; i < n; i++)
            {
                if (!done[i] && (u < 0 || dist[i] < dist[u]))
                {
                    u = i;
                }
            }

            done[u] = true;
            foreach (var (a, b, speed) in edges)
            {
                if (a != u && b != u)
                {
                    continue;
                }

                var v = a == u ? b : a;
                var length = Math.Sqrt(Math.Pow(p[a].X - p[b].X, 2) + Math.Pow(p[a].Y - p[b].Y, 2));
                dist[v] = Math.Min(dist[v], dist[u] + (length / Math.Min(speed, robotSpeed)));
            }
        }

        return dist[to];
    }
}
