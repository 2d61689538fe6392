using System.Globalization;
using CareFleet.Fleet.Routing;

namespace CareFleet.Fleet.Traffic;

/// <summary>
/// The reservation table. Each robot holds the nodes and edges from its last reached node to the end of its
/// granted base; a node, an edge (either direction) or a lift is held by at most one robot, and a grant is
/// only extended over free resources, so conflicting grants cannot arise. Waits form a wait-for graph;
/// cycles (deadlocks) and waits on idle robots are resolved at once by rerouting, backing off to a free node
/// or moving the idle robot, and every waiting robot carries a reason staff can read.
/// Pure logic: single-threaded, time from the injected <see cref="TimeProvider"/>.
/// </summary>
public sealed class TrafficController
{
    private const int Free = -1;
    private readonly NavGraph _graph;
    private readonly TimeProvider _time;
    private readonly TrafficOptions _options;
    private readonly RoutePlanner _planner;
    private readonly int[] _holder;
    private readonly List<Robot?> _robots = [];
    private readonly Dictionary<string, int> _slots = new(StringComparer.Ordinal);
    private readonly List<DeadlockReport> _deadlocks = [];
    private readonly List<GrantUpdate> _updates = [];
    private readonly Dictionary<string, DateTimeOffset> _stuckSince = new(StringComparer.Ordinal);
    private readonly HashSet<string> _stuckSeen = new(StringComparer.Ordinal);

    /// <summary>Creates a controller for one home.</summary>
    /// <param name="graph">The nav graph.</param>
    /// <param name="time">Time source.</param>
    /// <param name="options">Settings; defaults when null.</param>
    /// <param name="people">People-as-traffic reports shared with the host; a new empty set when null.</param>
    public TrafficController(NavGraph graph, TimeProvider time, TrafficOptions? options = null, PeopleTraffic? people = null)
    {
        ArgumentNullException.ThrowIfNull(graph);
        ArgumentNullException.ThrowIfNull(time);
        _graph = graph;
        _time = time;
        _options = options ?? new TrafficOptions();
        _planner = new RoutePlanner(graph, _options.HomeTimeZone);
        People = people ?? new PeopleTraffic();
        _holder = new int[graph.ResourceCount];
        Array.Fill(_holder, Free);
    }

    /// <summary>Corridors reported blocked by people.</summary>
    public PeopleTraffic People { get; }

    /// <summary>Deadlocks seen so far (the most recent 200).</summary>
    public IReadOnlyList<DeadlockReport> Deadlocks => _deadlocks;

    /// <summary>The planner this controller uses; handy for planning new tasks on the same graph.</summary>
    public RoutePlanner Planner => _planner;

    private sealed class Robot(string id, RobotProfile profile, int node, int order)
    {
        public string Id { get; } = id;

        public RobotProfile Profile { get; } = profile;

        public int Order { get; } = order;

        public int Node { get; set; } = node;

        public Route? Route { get; set; }

        public int Reached { get; set; }

        public int Granted { get; set; }

        public int Priority { get; set; }

        public string? Busy { get; set; }

        public int WaitResource { get; set; } = Free;

        public string? WaitReason { get; set; }

        public DateTimeOffset? WaitingSince { get; set; }

        /// <summary>Goal to resume after backing off, or Free.</summary>
        public int ResumeGoal { get; set; } = Free;

        /// <summary>Robots this one gave way to; it resumes once they have passed.</summary>
        public List<string> YieldTo { get; } = [];

        public bool HasWork => Route is not null && Granted < Route.Nodes.Length - 1;

        public int GrantedNode => Route is null ? Node : Route.Nodes[Granted];
    }

    /// <summary>Registers a robot standing on a node; it holds that node from now on.</summary>
    /// <param name="robotId">Robot id.</param>
    /// <param name="nodeId">Node it stands on.</param>
    /// <param name="profile">Speed and width.</param>
    /// <param name="priority">Higher gives way less often in deadlocks (emergencies high).</param>
    /// <returns>Success, or why not.</returns>
    public TrafficResult AddRobot(string robotId, string nodeId, RobotProfile profile, int priority = 0)
    {
        ArgumentException.ThrowIfNullOrEmpty(robotId);
        ArgumentNullException.ThrowIfNull(profile);
        if (_slots.ContainsKey(robotId))
        {
            return TrafficResult.Fail($"Robot {robotId} is already in traffic.");
        }

        if (!_graph.TryGetNode(nodeId, out var node))
        {
            return TrafficResult.Fail($"Node '{nodeId}' is not on the map.");
        }

        if (_holder[node] != Free)
        {
            return TrafficResult.Fail($"Node '{nodeId}' is held by {_robots[_holder[node]]!.Id}.");
        }

        var slot = _robots.Count;
        _robots.Add(new Robot(robotId, profile, node, slot) { Priority = priority });
        _slots[robotId] = slot;
        _holder[node] = slot;
        return new TrafficResult(true, null);
    }

    /// <summary>Takes a robot out of traffic (decommissioned or carried away by staff); frees all it holds.</summary>
    /// <param name="robotId">Robot id.</param>
    /// <returns>True when it was in traffic.</returns>
    public bool RemoveRobot(string robotId)
    {
        if (!_slots.Remove(robotId, out var slot))
        {
            return false;
        }

        for (var r = 0; r < _holder.Length; r++)
        {
            if (_holder[r] == slot)
            {
                _holder[r] = Free;
            }
        }

        _robots[slot] = null;
        return true;
    }

    /// <summary>Marks a robot busy (charging, with a resident) so it is not asked to move out of the way.</summary>
    /// <param name="robotId">Robot id.</param>
    /// <param name="activity">What it does, or null when free again.</param>
    public void SetBusy(string robotId, string? activity)
    {
        if (_slots.TryGetValue(robotId, out var slot))
        {
            _robots[slot]!.Busy = activity;
        }
    }

    /// <summary>Plans a route for a robot from where it can next change course (the end of its base).</summary>
    /// <param name="robotId">Robot id.</param>
    /// <param name="goalNodeId">Goal node.</param>
    /// <returns>The route, or why there is none.</returns>
    public RouteResult PlanFor(string robotId, string goalNodeId)
    {
        if (!_slots.TryGetValue(robotId, out var slot))
        {
            return new RouteResult(null, $"Robot {robotId} is not in traffic.");
        }

        var robot = _robots[slot]!;
        return _planner.Plan(new RouteRequest(_graph.NodeId(robot.GrantedNode), goalNodeId, robot.Profile, _time.GetUtcNow()) { People = People });
    }

    /// <summary>
    /// Gives a robot a new route, which must start at <see cref="TrafficStatus.PlanFromNodeId"/>; the part of
    /// the old route already granted is kept (a VDA 5050 base cannot be changed), and as much of the new one as
    /// is free is granted at once.
    /// </summary>
    /// <param name="robotId">Robot id.</param>
    /// <param name="route">The route.</param>
    /// <param name="priority">Priority for deadlock resolution, when given.</param>
    /// <returns>The grant to send, or why the route was refused.</returns>
    public TrafficResult Assign(string robotId, Route route, int? priority = null)
    {
        ArgumentNullException.ThrowIfNull(route);
        if (!_slots.TryGetValue(robotId, out var slot))
        {
            return TrafficResult.Fail($"Robot {robotId} is not in traffic.");
        }

        var robot = _robots[slot]!;
        if (route.Nodes[0] != robot.GrantedNode)
        {
            return TrafficResult.Fail($"Route for {robotId} starts at {route.NodeIds[0]}, but the robot's base ends at {_graph.NodeId(robot.GrantedNode)}.");
        }

        for (var i = 0; i < route.Arcs.Length; i++)
        {
            if (!robot.Profile.Fits(_graph.ArcWidth[route.Arcs[i]]))
            {
                return TrafficResult.Fail($"Route for {robotId} uses {route.EdgeIds[i]}, too narrow for the robot.");
            }
        }

        if (priority is { } p)
        {
            robot.Priority = p;
        }

        robot.ResumeGoal = Free;
        robot.YieldTo.Clear();
        var previous = robot.Route is null ? 0 : robot.Granted - robot.Reached;
        SetRoute(robot, route);
        Extend(slot);

        // A route to where the robot already stands leaves nothing to drive.
        return new TrafficResult(true, null, robot.Route is null ? null : new GrantUpdate(robotId, robot.Route, robot.Granted, true, "new route", previous));
    }

    /// <summary>Stops a robot at the end of its current base; everything beyond is dropped.</summary>
    /// <param name="robotId">Robot id.</param>
    /// <returns>True when the robot is in traffic.</returns>
    public bool CancelRoute(string robotId)
    {
        if (!_slots.TryGetValue(robotId, out var slot))
        {
            return false;
        }

        var robot = _robots[slot]!;
        if (robot.Route is { } route)
        {
            var keep = robot.Granted + 1;
            SetRouteRaw(robot, Slice(route, robot.Reached, keep), 0, robot.Granted - robot.Reached);
        }

        ClearWait(robot);
        return true;
    }

    /// <summary>
    /// Records that a robot reached a node of its route (from VDA 5050 state: lastNodeId); frees what lies behind.
    /// </summary>
    /// <param name="robotId">Robot id.</param>
    /// <param name="nodeId">The node reached.</param>
    /// <returns>Success, or why the report does not fit the grant (nothing changes then).</returns>
    public TrafficResult ReportReached(string robotId, string nodeId)
    {
        if (!_slots.TryGetValue(robotId, out var slot))
        {
            return TrafficResult.Fail($"Robot {robotId} is not in traffic.");
        }

        var robot = _robots[slot]!;
        if (!_graph.TryGetNode(nodeId, out var node))
        {
            return TrafficResult.Fail($"Robot {robotId} reports unknown node '{nodeId}'.");
        }

        if (robot.Route is not { } route)
        {
            return node == robot.Node
                ? new TrafficResult(true, null)
                : TrafficResult.Fail($"Robot {robotId} reports node '{nodeId}' but has no route from {_graph.NodeId(robot.Node)}.");
        }

        var index = -1;
        for (var i = robot.Reached; i <= robot.Granted; i++)
        {
            if (route.Nodes[i] == node)
            {
                index = i;
                break;
            }
        }

        if (index < 0)
        {
            return TrafficResult.Fail($"Robot {robotId} reports node '{nodeId}', which is not within its granted base.");
        }

        for (var i = robot.Reached; i < index; i++)
        {
            Release(route.Nodes[i], slot);
            Release(_graph.ArcResource[route.Arcs[i]], slot);
        }

        // A route may pass a node twice (after backing off); what is still granted ahead stays held.
        for (var i = index; i <= robot.Granted; i++)
        {
            _holder[route.Nodes[i]] = slot;
            if (i < robot.Granted)
            {
                _holder[_graph.ArcResource[route.Arcs[i]]] = slot;
            }
        }

        robot.Reached = index;
        robot.Node = node;
        _holder[node] = slot;
        if (index == route.Nodes.Length - 1)
        {
            robot.Route = null;
            robot.Reached = robot.Granted = 0;
            ClearWait(robot);
        }

        return new TrafficResult(true, null);
    }

    /// <summary>
    /// Extends grants over freed resources, then finds and resolves deadlocks. Call after every batch of
    /// reports. Returns the robots whose base or route changed; send each an order update.
    /// </summary>
    /// <returns>The changes.</returns>
    public IReadOnlyList<GrantUpdate> Update()
    {
        _updates.Clear();
        People.Prune(_time.GetUtcNow());
        foreach (var slot in OrderedSlots())
        {
            if (_robots[slot]!.Route is null && _robots[slot]!.ResumeGoal != Free)
            {
                TryResume(slot);
            }
        }

        ExtendAll();
        _stuckSeen.Clear();

        // Resolving one deadlock can change grants and expose another; repeat, within a bound, until none is left.
        for (var pass = 0; pass < _slots.Count + 1 && ResolveDeadlocks(); pass++)
        {
            ExtendAll();
        }

        foreach (var key in _stuckSince.Keys.Where(k => !_stuckSeen.Contains(k)).ToList())
        {
            _stuckSince.Remove(key);
        }

        return [.. _updates];
    }

    private void ExtendAll()
    {
        foreach (var slot in OrderedSlots())
        {
            var robot = _robots[slot]!;
            var before = robot.Granted;
            if (robot.HasWork)
            {
                Extend(slot);
                if (robot.Granted != before)
                {
                    var index = _updates.FindIndex(u => u.RobotId == robot.Id);
                    var changed = index >= 0 && _updates[index].RouteChanged;
                    var reason = index >= 0 ? _updates[index].Reason : null;
                    var previous = index >= 0 ? _updates[index].PreviousGrantedIndex : before;
                    if (index >= 0)
                    {
                        _updates.RemoveAt(index);
                    }

                    _updates.Add(new GrantUpdate(robot.Id, robot.Route!, robot.Granted, changed, reason, previous));
                }
            }
        }
    }

    /// <summary>The traffic status of a robot.</summary>
    /// <param name="robotId">Robot id.</param>
    /// <returns>The status, or null when unknown.</returns>
    public TrafficStatus? GetStatus(string robotId)
    {
        if (!_slots.TryGetValue(robotId, out var slot))
        {
            return null;
        }

        var robot = _robots[slot]!;
        var holding = new List<string>();
        for (var r = 0; r < _holder.Length; r++)
        {
            if (_holder[r] == slot)
            {
                holding.Add(ResourceId(r));
            }
        }

        return new TrafficStatus
        {
            RobotId = robot.Id,
            LastNodeId = _graph.NodeId(robot.Node),
            Route = robot.Route,
            ReachedIndex = robot.Reached,
            GrantedIndex = robot.Granted,
            PlanFromNodeId = _graph.NodeId(robot.GrantedNode),
            WaitingReason = robot.WaitReason,
            WaitingFor = robot.WaitResource != Free && _holder[robot.WaitResource] is var h and not Free ? _robots[h]!.Id : null,
            WaitingSince = robot.WaitingSince,
            IsGivingWay = robot.ResumeGoal != Free,
            Holding = holding,
        };
    }

    /// <summary>Who holds each held resource, as (resource id, robot id); resource ids are node ids, edge ids and lift ids.</summary>
    /// <returns>The holdings.</returns>
    public IReadOnlyList<(string Resource, string RobotId)> Holdings()
    {
        var list = new List<(string, string)>();
        for (var r = 0; r < _holder.Length; r++)
        {
            if (_holder[r] != Free)
            {
                list.Add((ResourceId(r), _robots[_holder[r]]!.Id));
            }
        }

        return list;
    }

    private string ResourceId(int r) =>
        r < _graph.NodeCount ? _graph.NodeIds[r]
        : r < _graph.NodeCount + _graph.EdgeCount ? _graph.EdgeIds[r - _graph.NodeCount]
        : _graph.LiftIds[r - _graph.NodeCount - _graph.EdgeCount];

    private IEnumerable<int> OrderedSlots() =>
        Enumerable.Range(0, _robots.Count).Where(s => _robots[s] is not null)
            .OrderByDescending(s => _robots[s]!.Priority).ThenBy(s => _robots[s]!.Order);

    private void SetRoute(Robot robot, Route route)
    {
        if (robot.Route is { } old)
        {
            // Keep the granted prefix from the last reached node, then continue on the new route.
            var prefix = Slice(old, robot.Reached, robot.Granted + 1);
            SetRouteRaw(robot, Concat(prefix, route), 0, robot.Granted - robot.Reached);
        }
        else
        {
            SetRouteRaw(robot, route, 0, 0);
        }

        ClearWait(robot);
    }

    private static void SetRouteRaw(Robot robot, Route route, int reached, int granted)
    {
        robot.Route = route.Nodes.Length > 1 ? route : null;
        robot.Reached = route.Nodes.Length > 1 ? reached : 0;
        robot.Granted = route.Nodes.Length > 1 ? granted : 0;
    }

    private Route Slice(Route route, int fromNode, int toNodeExclusive)
    {
        var nodes = route.Nodes[fromNode..toNodeExclusive];
        var arcs = route.Arcs[fromNode..(toNodeExclusive - 1)];
        var seconds = route.StepSecondsArray[fromNode..(toNodeExclusive - 1)];
        return new Route(nodes, arcs, seconds, _graph, route.Notes);
    }

    private Route Concat(Route first, Route second)
    {
        // second starts where first ends.
        int[] nodes = [.. first.Nodes, .. second.Nodes.AsSpan(1)];
        int[] arcs = [.. first.Arcs, .. second.Arcs];
        double[] seconds = [.. first.StepSecondsArray, .. second.StepSecondsArray];
        return new Route(nodes, arcs, seconds, _graph, [.. first.Notes, .. second.Notes]);
    }

    private void Release(int resource, int slot)
    {
        if (_holder[resource] == slot)
        {
            _holder[resource] = Free;
        }
    }

    private static void ClearWait(Robot robot)
    {
        robot.WaitResource = Free;
        robot.WaitReason = null;
        robot.WaitingSince = null;
    }

    private void Extend(int slot)
    {
        var robot = _robots[slot]!;
        if (robot.Route is not { } route)
        {
            return;
        }

        var last = route.Nodes.Length - 1;
        var limit = Math.Min(last, robot.Reached + _options.MaxGrantNodes);
        var k = robot.Granted;
        var blockedOn = Free;
        string? peopleReason = null;
        var now = _time.GetUtcNow();
        while (k < last)
        {
            // The window is soft: past it, go on to the next node where stopping is allowed.
            if (k >= limit && !_graph.NoParking[route.Nodes[k]])
            {
                break;
            }

            var arc = route.Arcs[k];
            var arcResource = _graph.ArcResource[arc];
            var nextNode = route.Nodes[k + 1];
            if (_holder[arcResource] is not Free and var h1 && h1 != slot)
            {
                blockedOn = arcResource;
                break;
            }

            if (_holder[nextNode] is not Free and var h2 && h2 != slot)
            {
                blockedOn = nextNode;
                break;
            }

            if (People.ActiveOn(_graph.ArcEdgeId[arc], now) is { } blockage)
            {
                peopleReason = string.Create(CultureInfo.InvariantCulture,
                    $"waiting: corridor {blockage.EdgeId} is blocked by {blockage.What} (reported by {blockage.ReportedBy}), ~{Math.Max(0, (blockage.Until - now).TotalSeconds):0} s");
                break;
            }

            k++;
        }

        // Never let a base end where robots must not stop (fire doors, no-parking zones): stop short instead.
        var end = k;
        while (end > robot.Granted && end < last && _graph.NoParking[route.Nodes[end]])
        {
            end--;
        }

        for (var i = robot.Granted; i < end; i++)
        {
            _holder[_graph.ArcResource[route.Arcs[i]]] = slot;
            _holder[route.Nodes[i + 1]] = slot;
        }

        robot.Granted = end;
        if (blockedOn == Free && peopleReason is null)
        {
            ClearWait(robot);
            return;
        }

        robot.WaitingSince ??= now;
        robot.WaitResource = blockedOn;
        robot.WaitReason = peopleReason ?? DescribeWait(blockedOn);
    }

    private string DescribeWait(int resource)
    {
        var holder = _robots[_holder[resource]]!;
        var eta = EstimateRelease(holder, resource);
        var what = _graph.ResourceName(resource);
        return eta switch
        {
            null when holder.Busy is { } busy => $"waiting for {what}, held by {holder.Id} ({busy})",
            null when holder.WaitReason is not null => $"waiting for {what}, held by {holder.Id}, which is itself waiting",
            null => $"waiting for {what}, held by {holder.Id}",
            _ => string.Create(CultureInfo.InvariantCulture, $"waiting for {what}, held by {holder.Id}, ~{eta.Value:0} s"),
        };
    }

    private double? EstimateRelease(Robot holder, int resource)
    {
        if (holder.Route is not { } route)
        {
            return null;
        }

        // Freed when the holder reaches the node after it; unknown if that lies beyond a wait of its own.
        var seconds = 0.0;
        for (var i = holder.Reached; i < route.Arcs.Length; i++)
        {
            if (i >= holder.Granted && holder.WaitReason is not null)
            {
                return null;
            }

            seconds += route.StepSecondsArray[i];
            if (route.Nodes[i] == resource || _graph.ArcResource[route.Arcs[i]] == resource)
            {
                return seconds;
            }
        }

        return null;
    }

    /// <summary>The robot a waiting robot will wait for indefinitely, or Free when its wait will pass on its own.</summary>
    private int PersistentBlocker(Robot robot)
    {
        if (robot.WaitResource == Free || _holder[robot.WaitResource] is var h && h == Free)
        {
            return Free;
        }

        var holder = _robots[h]!;

        // The holder keeps the resource only if it is where the holder will stand: the end of its base (or its
        // node when idle). Anything else it will drive past and free.
        return holder.GrantedNode == robot.WaitResource ? h : Free;
    }

    private bool ResolveDeadlocks()
    {
        var acted = false;
        var count = _robots.Count;
        var state = new byte[count];
        foreach (var start in OrderedSlots())
        {
            if (state[start] != 0)
            {
                continue;
            }

            var path = new List<int>();
            var v = start;
            while (v != Free && state[v] == 0)
            {
                state[v] = 1;
                path.Add(v);
                var robot = _robots[v]!;
                v = robot.HasWork ? PersistentBlocker(robot) : Free;
            }

            if (v != Free && state[v] == 1)
            {
                var cycle = path.Skip(path.IndexOf(v)).ToList();
                acted |= ResolveCycle(cycle);
            }
            else if (v == Free && path.Count >= 2 && _robots[path[^1]]!.Route is null)
            {
                // The chain ends at an idle robot parked where a waiting robot must go.
                acted |= ResolveIdleBlocker(path[^2], path[^1]);
            }

            foreach (var p in path)
            {
                state[p] = 2;
            }
        }

        while (_deadlocks.Count > 200)
        {
            _deadlocks.RemoveAt(0);
        }

        return acted;
    }

    private bool ResolveCycle(List<int> cycle)
    {
        var names = cycle.Select(s => _robots[s]!.Id).ToList();
        var now = _time.GetUtcNow();
        var victims = cycle.OrderBy(s => _robots[s]!.Priority).ThenBy(s => _robots[s]!.Busy is null ? 0 : 1).ThenByDescending(s => _robots[s]!.Order).ToList();
        var members = cycle.ToHashSet();

        foreach (var victim in victims)
        {
            var robot = _robots[victim]!;
            var goal = robot.Route!.Nodes[^1];
            // Avoid everything the cycle holds and every node where another robot will stand still (the end of
            // its base); passing through a moving robot's grant is fine, it will be gone.
            var detour = _planner.Plan(robot.GrantedNode, goal, robot.Profile, now, People,
                r => _holder[r] is var h && h != Free && h != victim && (members.Contains(h) || _robots[h]!.GrantedNode == r));
            if (detour is not null && detour.Nodes.Length > 1)
            {
                Apply(victim, detour, $"rerouted to break a deadlock with {string.Join(", ", names.Where(n => n != robot.Id))}");
                _deadlocks.Add(new DeadlockReport(names, DeadlockResolution.Rerouted, robot.Id,
                    $"Deadlock between {string.Join(", ", names)}: {robot.Id} took another route to {_graph.NodeId(goal)}.", now));
                return true;
            }
        }

        foreach (var victim in victims)
        {
            if (TryBackOff(victim, cycle, out var node))
            {
                var robot = _robots[victim]!;
                _deadlocks.Add(new DeadlockReport(names, DeadlockResolution.BackedOff, robot.Id,
                    $"Deadlock between {string.Join(", ", names)}: {robot.Id} backed off to {_graph.NodeId(node)} to let the others pass.", now));
                return true;
            }
        }

        // No robot in the cycle can give way: make room by moving idle robots parked near it, then retry.
        if (MakeRoom(cycle))
        {
            return true;
        }

        // Nothing can give way yet. Robots still driving will usually free a node soon, so keep trying on every
        // update and only call for staff once the deadlock has outlasted EscalateDeadlockAfter.
        var key = string.Join(",", names.Order(StringComparer.Ordinal));
        _stuckSeen.Add(key);
        if (!_stuckSince.TryGetValue(key, out var since))
        {
            _stuckSince[key] = since = now;
        }

        var escalate = now - since >= _options.EscalateDeadlockAfter;
        foreach (var s in cycle)
        {
            var others = string.Join(", ", names.Where(n => n != _robots[s]!.Id));
            _robots[s]!.WaitReason = escalate
                ? $"stuck in a deadlock with {others}; staff help needed"
                : $"in a deadlock with {others}; waiting for room to back off";
        }

        var text = $"Deadlock between {string.Join(", ", names)}: no other route and no free node to back off to since {since:HH:mm:ss}; staff help needed.";
        if (escalate && !_deadlocks.Any(d => d.Description == text))
        {
            _deadlocks.Add(new DeadlockReport(names, DeadlockResolution.Unresolved, null, text, now));
        }

        return false;
    }

    private bool MakeRoom(List<int> cycle)
    {
        var seen = new Dictionary<int, int>();
        var frontier = new Queue<(int Node, int Depth)>();
        foreach (var member in cycle)
        {
            if (seen.TryAdd(_robots[member]!.GrantedNode, 0))
            {
                frontier.Enqueue((_robots[member]!.GrantedNode, 0));
            }
        }

        while (frontier.Count > 0)
        {
            var (u, depth) = frontier.Dequeue();
            // Idle robots, and robots queued behind the cycle (they cannot move until it clears anyway), may give
            // way, always to a node farther from the cycle than where they stand.
            if (_holder[u] is var h && h != Free && !cycle.Contains(h) && _robots[h]!.Busy is null
                && (_robots[h]!.Route is null || LeadsInto(h, cycle))
                && TryBackOff(h, [.. cycle, h], out var node, [.. seen.Where(x => x.Value <= depth).Select(x => x.Key)]))
            {
                _deadlocks.Add(new DeadlockReport([.. cycle.Select(c => _robots[c]!.Id), _robots[h]!.Id], DeadlockResolution.MovedIdleRobot, _robots[h]!.Id,
                    $"{_robots[h]!.Id} moved to {_graph.NodeId(node)} to make room for {string.Join(", ", cycle.Select(c => _robots[c]!.Id))} to get out of a deadlock.", _time.GetUtcNow()));
                return true;
            }

            if (depth == _options.MaxBackOffSteps)
            {
                continue;
            }

            for (var a = _graph.ArcOffsets[u]; a < _graph.ArcOffsets[u + 1]; a++)
            {
                if (seen.TryAdd(_graph.ArcTo[a], depth + 1))
                {
                    frontier.Enqueue((_graph.ArcTo[a], depth + 1));
                }
            }
        }

        return false;
    }

    private bool LeadsInto(int slot, List<int> cycle)
    {
        var at = slot;
        for (var steps = 0; steps <= _robots.Count && at != Free; steps++)
        {
            if (cycle.Contains(at))
            {
                return true;
            }

            at = _robots[at]!.HasWork ? PersistentBlocker(_robots[at]!) : Free;
        }

        return false;
    }

    private bool ResolveIdleBlocker(int waiter, int idle)
    {
        var robot = _robots[idle]!;
        var waiting = _robots[waiter]!;
        if (robot.Busy is not null)
        {
            return false;
        }

        if (TryBackOff(idle, [waiter, idle], out var node))
        {
            _deadlocks.Add(new DeadlockReport([waiting.Id, robot.Id], DeadlockResolution.MovedIdleRobot, robot.Id,
                $"{robot.Id} was parked in {waiting.Id}'s way and moved to {_graph.NodeId(node)}.", _time.GetUtcNow()));
            return true;
        }

        return false;
    }

    /// <summary>Sends a robot to the nearest free node that is off the routes of the others involved, then on to its goal.</summary>
    private bool TryBackOff(int slot, List<int> involved, out int target, HashSet<int>? alsoAvoid = null)
    {
        var robot = _robots[slot]!;
        var start = robot.GrantedNode;
        var avoid = alsoAvoid is null ? [] : new HashSet<int>(alsoAvoid);
        foreach (var other in involved)
        {
            if (other != slot && _robots[other]!.Route is { } r)
            {
                for (var i = _robots[other]!.Granted; i < r.Nodes.Length; i++)
                {
                    avoid.Add(r.Nodes[i]);
                }
            }
        }

        // Breadth-first over free resources only, so the escape path itself can be granted at once.
        var parentArc = new Dictionary<int, int> { [start] = -1 };
        var frontier = new Queue<(int Node, int Depth)>();
        frontier.Enqueue((start, 0));
        target = Free;
        while (frontier.Count > 0)
        {
            var (u, depth) = frontier.Dequeue();
            if (u != start && !avoid.Contains(u) && !_graph.NoParking[u])
            {
                target = u;
                break;
            }

            if (depth == _options.MaxBackOffSteps)
            {
                continue;
            }

            for (var a = _graph.ArcOffsets[u]; a < _graph.ArcOffsets[u + 1]; a++)
            {
                var v = _graph.ArcTo[a];
                if (parentArc.ContainsKey(v) || !robot.Profile.Fits(_graph.ArcWidth[a])
                    || _holder[_graph.ArcResource[a]] is var ha && ha != Free && ha != slot
                    || _holder[v] is var hv && hv != Free && hv != slot)
                {
                    continue;
                }

                parentArc[v] = a;
                frontier.Enqueue((v, depth + 1));
            }
        }

        if (target == Free)
        {
            return false;
        }

        var arcs = new List<int>();
        for (var v = target; v != start; v = _graph.ArcFrom[parentArc[v]])
        {
            arcs.Add(parentArc[v]);
        }

        arcs.Reverse();
        var nodes = new int[arcs.Count + 1];
        nodes[0] = start;
        for (var i = 0; i < arcs.Count; i++)
        {
            nodes[i + 1] = _graph.ArcTo[arcs[i]];
        }

        var seconds = arcs.Select(a => _planner.StepSeconds(a, robot.Profile)).ToArray();
        var escape = new Route(nodes, [.. arcs], seconds, _graph, [$"backed off to {_graph.NodeId(target)} to let others pass"]);
        var goal = robot.Route is { } current ? current.Nodes[^1] : robot.ResumeGoal;
        var yieldTo = involved.Where(o => o != slot).Select(o => _robots[o]!.Id).ToList();
        Apply(slot, escape, $"backed off to {_graph.NodeId(target)} to let {string.Join(", ", yieldTo)} pass");

        // It waits at the free node until the robots it gave way to have gone by, then resumes (TryResume).
        robot.ResumeGoal = goal != target ? goal : Free;
        robot.YieldTo.Clear();
        robot.YieldTo.AddRange(yieldTo);
        return true;
    }

    private void TryResume(int slot)
    {
        var robot = _robots[slot]!;
        var now = _time.GetUtcNow();
        var onward = _planner.Plan(robot.Node, robot.ResumeGoal, robot.Profile, now, People, null);
        if (onward is null)
        {
            robot.WaitReason = $"no route to {_graph.NodeId(robot.ResumeGoal)} after giving way";
            robot.WaitingSince ??= now;
            return;
        }

        var reentry = onward.Nodes[1];
        var overdue = robot.WaitingSince is { } since && now - since >= _options.EscalateDeadlockAfter;
        foreach (var id in robot.YieldTo)
        {
            // Stop giving way when the robot waited for is itself (through others) waiting for this one, or
            // when giving way has gone on too long: yielding must never become a deadlock of its own.
            if (!overdue && _slots.TryGetValue(id, out var other) && _robots[other]!.Route is { } route
                && Array.IndexOf(route.Nodes, reentry, _robots[other]!.Reached) >= 0 && !LeadsInto(other, [slot]))
            {
                robot.WaitReason = $"giving way to {id} (backed off to break a deadlock)";
                robot.WaitingSince ??= now;
                return;
            }
        }

        robot.ResumeGoal = Free;
        robot.YieldTo.Clear();
        Apply(slot, onward, "resuming after giving way");
    }

    private void Apply(int slot, Route route, string reason)
    {
        var robot = _robots[slot]!;
        var previous = robot.Route is null ? 0 : robot.Granted - robot.Reached;
        SetRoute(robot, route);
        Extend(slot);
        _updates.RemoveAll(u => u.RobotId == robot.Id);
        _updates.Add(new GrantUpdate(robot.Id, robot.Route!, robot.Granted, true, reason, previous));
    }
}
