using CareFleet.Fleet.Maps;
using CareFleet.Fleet.Routing;
using CareFleet.Fleet.Traffic;
using Microsoft.Extensions.Time.Testing;

namespace CareFleet.Fleet.Tests;

/// <summary>
/// Random maps and random task streams: whatever robots ask for and however unevenly they move, no two ever
/// hold the same node or edge; and, at the densities a home runs at, every deadlock is resolved within
/// <see cref="DeadlockBoundTicks"/> updates (one update per simulated second): at once when a robot can
/// reroute or back off, otherwise as soon as robots still driving free a node.
/// </summary>
public sealed class TrafficPropertyTests
{
    private const int DeadlockBoundTicks = 30;

    private sealed record Outcome(int Ticks, int Completed, int Deadlocks, int Resolved, int RobotsThatFinishedSomething, int Robots);

    [Fact]
    public void CrowdedRandomMaps_NeverGrantConflicts()
    {
        // One robot per 5 to 8 nodes: crowded enough that a rare jam can only be reported to staff (after
        // EscalateDeadlockAfter), yet no grant may ever conflict. Measured: 5,419 deadlocks, 1 escalated.
        var totals = Enumerable.Range(1, 120).Select(seed => Run(seed, ticks: 300, robotsPerNodeMin: 5, robotsPerNodeMax: 9, requireDeadlockBound: false)).ToList();
        var deadlocks = totals.Sum(t => t.Deadlocks);
        var escalated = deadlocks - totals.Sum(t => t.Resolved);

        Assert.True(deadlocks > 1000, $"Only {deadlocks} deadlocks arose over all runs.");
        Assert.True(escalated * 200 < deadlocks, $"{escalated} of {deadlocks} deadlocks had to be escalated to staff (more than 0.5 %).");
        Assert.True(totals.Sum(t => t.Completed) > totals.Sum(t => t.Robots) * 5, $"Only {totals.Sum(t => t.Completed)} tasks completed.");
    }

    [Fact]
    public void RandomMaps_ResolveEveryDeadlockWithinTheBound_AndEveryRobotGetsWorkDone()
    {
        // One robot per 12 to 15 nodes (the sample home has about one per 20).
        var totals = Enumerable.Range(1, 120).Select(seed => Run(seed, ticks: 300, robotsPerNodeMin: 12, robotsPerNodeMax: 16, requireDeadlockBound: true)).ToList();

        // The runs must actually exercise the deadlock handling and get work done, or the property says little.
        Assert.True(totals.Sum(t => t.Deadlocks) > 20, $"Only {totals.Sum(t => t.Deadlocks)} deadlocks arose over all runs.");
        Assert.Equal(totals.Sum(t => t.Deadlocks), totals.Sum(t => t.Resolved));
        Assert.Equal(totals.Sum(t => t.Robots), totals.Sum(t => t.RobotsThatFinishedSomething));
    }

    private static Outcome Run(int seed, int ticks, int robotsPerNodeMin, int robotsPerNodeMax, bool requireDeadlockBound)
    {
        var random = new Random(seed);
        var map = RandomMap(random, out var nodeIds);
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 30, 9, 0, 0, TimeSpan.Zero));
        var traffic = new TrafficController(map.Graph, time, new TrafficOptions { MaxGrantNodes = random.Next(2, 7) });
        var robots = new List<string>();
        var robotCount = Math.Max(2, nodeIds.Count / random.Next(robotsPerNodeMin, robotsPerNodeMax));
        foreach (var node in nodeIds.OrderBy(_ => random.Next()).Take(robotCount))
        {
            var id = $"R{robots.Count}";
            Assert.True(traffic.AddRobot(id, node, new RobotProfile(1.0, 0.5), priority: random.Next(3)).Succeeded);
            robots.Add(id);
        }

        var completed = 0;
        var finished = new HashSet<string>();
        var lastDeadlockCount = 0;
        var resolved = 0;
        var cycleSince = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var tick = 0; tick < ticks; tick++)
        {
            foreach (var id in robots.OrderBy(_ => random.Next()))
            {
                var status = traffic.GetStatus(id)!;
                if (status.Route is null && !status.IsGivingWay && random.NextDouble() < 0.5)
                {
                    var goal = nodeIds[random.Next(nodeIds.Count)];
                    if (goal != status.LastNodeId && traffic.PlanFor(id, goal) is { Found: true } plan)
                    {
                        Assert.True(traffic.Assign(id, plan.Route).Succeeded);
                    }
                }
                else if (status.Route is { } route && status.ReachedIndex < status.GrantedIndex && random.NextDouble() < 0.8)
                {
                    var next = route.NodeIds[status.ReachedIndex + 1];
                    var report = traffic.ReportReached(id, next);
                    Assert.True(report.Succeeded, $"seed {seed} tick {tick}: {report.Error}");
                    if (traffic.GetStatus(id)!.Route is null && !traffic.GetStatus(id)!.IsGivingWay)
                    {
                        completed++;
                        finished.Add(id);
                    }
                }
            }

            time.Advance(TimeSpan.FromSeconds(1));
            traffic.Update();

            var newReports = traffic.Deadlocks.Skip(lastDeadlockCount).ToList();
            lastDeadlockCount = traffic.Deadlocks.Count;
            foreach (var report in newReports)
            {
                if (!requireDeadlockBound)
                {
                    resolved += report.Resolution == DeadlockResolution.Unresolved ? 0 : 1;
                    continue;
                }

                Assert.True(report.Resolution != DeadlockResolution.Unresolved, $"seed {seed} tick {tick}: {report.Description} "
                    + string.Join(" | ", robots.Select(r => traffic.GetStatus(r)!).Select(st => $"{st.RobotId} at {st.LastNodeId} route {string.Join(",", st.Route?.NodeIds ?? [])} reached {st.ReachedIndex} granted {st.GrantedIndex} {st.WaitingReason}"))
                    + " map: " + string.Join(",", map.Document.Floors[0].Edges.Select(e => e.Id)));
                resolved++;
            }

            AssertNoConflicts(traffic, robots, seed, tick);
            var cycles = requireDeadlockBound ? PersistentCycles(traffic, robots) : [];
            foreach (var (key, detail) in cycles)
            {
                cycleSince.TryAdd(key, tick);
                Assert.True(tick - cycleSince[key] < DeadlockBoundTicks,
                    $"seed {seed} tick {tick}: deadlock among {key} unresolved for {DeadlockBoundTicks} updates: {detail} ALL: " + string.Join(" | ", robots.Select(r => traffic.GetStatus(r)!).Select(st => $"{st.RobotId} at {st.LastNodeId} route {string.Join(",", st.Route?.NodeIds ?? [])} r{st.ReachedIndex} g{st.GrantedIndex} {st.WaitingReason}")) + " map: " + string.Join(",", map.Document.Floors[0].Edges.Select(e => e.Id)));
            }

            foreach (var gone in cycleSince.Keys.Where(k => !cycles.ContainsKey(k)).ToList())
            {
                cycleSince.Remove(gone);
            }
        }

        return new Outcome(ticks, completed, lastDeadlockCount, resolved, finished.Count, robots.Count);
    }

    private static void AssertNoConflicts(TrafficController traffic, List<string> robots, int seed, int tick)
    {
        var owner = new Dictionary<string, string>(StringComparer.Ordinal);
        var holdings = traffic.Holdings().ToHashSet();
        foreach (var id in robots)
        {
            var status = traffic.GetStatus(id)!;
            var claimed = new List<string> { status.LastNodeId };
            if (status.Route is { } route)
            {
                Assert.Equal(status.LastNodeId, route.NodeIds[status.ReachedIndex]);
                for (var i = status.ReachedIndex; i <= status.GrantedIndex; i++)
                {
                    claimed.Add(route.NodeIds[i]);
                    if (i < status.GrantedIndex)
                    {
                        claimed.Add(route.EdgeIds[i]);
                    }
                }
            }

            foreach (var resource in claimed.Distinct(StringComparer.Ordinal))
            {
                if (owner.TryGetValue(resource, out var other) && other != id)
                {
                    Assert.Fail($"seed {seed} tick {tick}: {resource} is granted to both {other} and {id}.");
                }

                owner[resource] = id;
                Assert.True(holdings.Contains((resource, id)), $"seed {seed} tick {tick}: {id} drives over {resource} but the table does not show it holding it. Route {string.Join(",", status.Route?.NodeIds ?? [])} reached {status.ReachedIndex} granted {status.GrantedIndex}; holds {string.Join(",", status.Holding)}; table says {string.Join(",", holdings.Where(h => h.Resource == resource))}; recent {string.Join(" | ", traffic.Deadlocks.TakeLast(2).Select(d => d.Description))}");
            }
        }
    }

    private static Dictionary<string, string> PersistentCycles(TrafficController traffic, List<string> robots)
    {
        // A waits persistently for B when the node A needs next is where B's base ends (B will stop there).
        var waitsFor = new Dictionary<string, string>(StringComparer.Ordinal);
        var statuses = robots.ToDictionary(r => r, r => traffic.GetStatus(r)!, StringComparer.Ordinal);
        foreach (var (id, status) in statuses)
        {
            if (status.WaitingFor is { } holder && status.Route is { } route && status.GrantedIndex < route.NodeIds.Count - 1
                && statuses[holder].PlanFromNodeId == route.NodeIds[status.GrantedIndex + 1])
            {
                waitsFor[id] = holder;
            }
        }

        var cycles = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var start in waitsFor.Keys)
        {
            var path = new List<string>();
            var at = start;
            while (waitsFor.TryGetValue(at, out var next) && !path.Contains(at))
            {
                path.Add(at);
                at = next;
            }

            var index = path.IndexOf(at);
            if (index >= 0)
            {
                var members = path.Skip(index).Order(StringComparer.Ordinal).ToList();
                cycles[string.Join(",", members)] = string.Join(" | ", members.Select(r =>
                    $"{r} route {string.Join(",", statuses[r].Route?.NodeIds ?? [])} reached {statuses[r].ReachedIndex} granted {statuses[r].GrantedIndex}: {statuses[r].WaitingReason}"));
            }
        }

        return cycles;
    }

    private static HomeMap RandomMap(Random random, out List<string> nodeIds)
    {
        var width = random.Next(4, 9);
        var height = random.Next(3, 7);
        var builder = new TestMapBuilder();
        nodeIds = [];
        for (var y = 0; y < height; y++)
        {
            for (var x = 0; x < width; x++)
            {
                builder.Node($"N{x}_{y}", (x * 3) + (random.NextDouble() * 0.5), (y * 3) + (random.NextDouble() * 0.5));
                nodeIds.Add($"N{x}_{y}");
            }
        }

        // A random spanning tree keeps it connected; extra grid edges make cycles; spurs add dead ends.
        var edges = new HashSet<(string, string)>();
        var inTree = new HashSet<(int, int)> { (0, 0) };
        var frontier = new List<((int, int) From, (int, int) To)>();
        void AddFrontier((int X, int Y) c)
        {
            foreach (var (dx, dy) in new[] { (1, 0), (-1, 0), (0, 1), (0, -1) })
            {
                var n = (c.X + dx, c.Y + dy);
                if (n.Item1 >= 0 && n.Item1 < width && n.Item2 >= 0 && n.Item2 < height)
                {
                    frontier.Add((c, n));
                }
            }
        }

        AddFrontier((0, 0));
        while (frontier.Count > 0)
        {
            var pick = frontier[random.Next(frontier.Count)];
            frontier.Remove(pick);
            if (inTree.Add(pick.To))
            {
                edges.Add(($"N{pick.From.Item1}_{pick.From.Item2}", $"N{pick.To.Item1}_{pick.To.Item2}"));
                AddFrontier(pick.To);
            }
        }

        for (var y = 0; y < height; y++)
        {
            for (var x = 0; x < width; x++)
            {
                if (x + 1 < width && random.NextDouble() < 0.35)
                {
                    edges.Add(($"N{x}_{y}", $"N{x + 1}_{y}"));
                }

                if (y + 1 < height && random.NextDouble() < 0.35)
                {
                    edges.Add(($"N{x}_{y}", $"N{x}_{y + 1}"));
                }
            }
        }

        foreach (var (a, b) in edges)
        {
            if (!edges.Contains((b, a)) || string.CompareOrdinal(a, b) < 0)
            {
                builder.Edge(a, b);
            }
        }

        var spurs = random.Next(0, 6);
        for (var s = 0; s < spurs; s++)
        {
            var at = nodeIds[random.Next(nodeIds.Count)];
            builder.Node($"S{s}", 100 + s, 100).Edge(at, $"S{s}", id: $"spur{s}");
        }

        nodeIds.AddRange(Enumerable.Range(0, spurs).Select(s => $"S{s}"));
        return builder.Build();
    }
}
