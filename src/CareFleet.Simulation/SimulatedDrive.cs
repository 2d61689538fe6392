using CareFleet.Contracts.CareActions;
using CareFleet.Contracts.Maps;
using CareFleet.Contracts.Vda5050;

namespace CareFleet.Simulation;

/// <summary>
/// A simulated robot's order execution (VDA 5050 2.0 section 6.6): accepts orders and stitched updates,
/// drives the released base node by node at the edge's and the robot's speed, runs node actions one after
/// another while standing, and stops at the end of the base until an update releases more. Not thread-safe;
/// the owner serialises calls.
/// </summary>
public sealed class SimulatedDrive
{
    /// <summary>How long a care action takes in the simulator before it finishes with a result.</summary>
    public static readonly TimeSpan CareActionDuration = TimeSpan.FromSeconds(4);

    /// <summary>How long any other node action (pick, drop, …) takes.</summary>
    public static readonly TimeSpan OtherActionDuration = TimeSpan.FromSeconds(1);

    // A robot standing within this distance of an order's first node may start there (the spec's
    // "trivially reachable", used when the order gives no allowedDeviationXY of its own).
    private const double DefaultDeviation = 0.5;

    // Batteries: about 2 % an hour on standby, 12 % an hour driving (an 8-hour shift), a charger adds 40 %.
    private const double IdleDrainPerHour = 2;
    private const double DrivingDrainPerHour = 12;
    private const double ChargePerHour = 40;

    private readonly HomeMapDocument _map;
    private readonly double _speedMax;
    private readonly List<OrderNode> _nodes = [];
    private readonly List<OrderEdge> _edges = [];
    private readonly List<ActionState> _actionStates = [];
    private readonly Queue<Vda5050Action> _pendingNodeActions = new();
    private readonly List<AgvError> _errors = [];
    private Vda5050Action? _running;
    private TimeSpan _runningLeft;

    public SimulatedDrive(HomeMapDocument map, double speedMax, double x, double y, string mapId, double battery, bool charging)
    {
        ArgumentNullException.ThrowIfNull(map);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(speedMax);
        _map = map;
        _speedMax = speedMax;
        (X, Y, MapId, Battery, Charging) = (x, y, mapId, battery, charging);
    }

    public double X { get; private set; }

    public double Y { get; private set; }

    public double Theta { get; private set; }

    public string MapId { get; private set; }

    public double Battery { get; private set; }

    public bool Charging { get; private set; }

    public string OrderId { get; private set; } = "";

    public uint OrderUpdateId { get; private set; }

    public string LastNodeId { get; private set; } = "";

    public uint LastNodeSequenceId { get; private set; }

    public bool Driving { get; private set; }

    public bool Paused { get; private set; }

    public double DistanceSinceLastNode { get; private set; }

    /// <summary>Nodes of the current order not yet reached, base then horizon.</summary>
    public IReadOnlyList<OrderNode> Nodes => _nodes;

    public IReadOnlyList<OrderEdge> Edges => _edges;

    public IReadOnlyList<ActionState> ActionStates => _actionStates;

    public IReadOnlyList<AgvError> Errors => _errors;

    /// <summary>True while released nodes remain or a node action is still to finish.</summary>
    public bool IsExecuting => _nodes.Any(n => n.Released) || _running is not null || _pendingNodeActions.Count > 0;

    /// <summary>Reports a malformed order (section 6.6.4.1); the robot keeps what it was doing.</summary>
    public void RejectMalformed(string reason) => Reject("validationError", reason, []);

    /// <summary>Takes a new order or an update of the current one; on a violation reports a warning and keeps the old order.</summary>
    /// <returns>True when the order was taken over (or was a harmless repeat).</returns>
    public bool Accept(Order order)
    {
        ArgumentNullException.ThrowIfNull(order);
        if (order.Nodes.Count == 0 || order.Edges.Count != order.Nodes.Count - 1)
        {
            return Reject("validationError", $"order {order.OrderId} has {order.Nodes.Count} nodes and {order.Edges.Count} edges; it needs at least one node and one edge fewer than nodes", []);
        }

        foreach (var node in order.Nodes)
        {
            if (PositionOf(node) is null)
            {
                return Reject("orderError", $"node {node.NodeId} has no nodePosition and is not on the robot's map", [new ErrorReference("nodeId", node.NodeId)]);
            }
        }

        return order.OrderId == OrderId && OrderId.Length > 0 ? AcceptUpdate(order) : AcceptNew(order);
    }

    private bool AcceptNew(Order order)
    {
        if (IsExecuting)
        {
            return Reject("orderUpdateError", $"still executing order {OrderId}; a new order {order.OrderId} needs the old one finished or cancelled", [new ErrorReference("orderId", order.OrderId)]);
        }

        var first = order.Nodes[0];
        var (fx, fy, _) = PositionOf(first)!.Value;
        var deviation = Math.Max(first.NodePosition?.AllowedDeviationXY ?? DefaultDeviation, DefaultDeviation);
        var standsOnIt = first.NodeId == LastNodeId || Math.Sqrt(((fx - X) * (fx - X)) + ((fy - Y) * (fy - Y))) <= deviation;
        if (!standsOnIt)
        {
            return Reject("orderError", $"first node {first.NodeId} is not trivially reachable: the robot stands {Math.Sqrt(((fx - X) * (fx - X)) + ((fy - Y) * (fy - Y))):0.##} m away", [new ErrorReference("nodeId", first.NodeId)]);
        }

        _errors.RemoveAll(IsOrderError);
        _nodes.Clear();
        _edges.Clear();
        _pendingNodeActions.Clear();
        // Spec 6.6: the action states of a finished order may be dropped when a new order arrives.
        _actionStates.Clear();
        (OrderId, OrderUpdateId) = (order.OrderId, order.OrderUpdateId);
        Track(order);
        _nodes.AddRange(order.Nodes.Skip(1));
        _edges.AddRange(order.Edges);
        Reach(first);
        return true;
    }

    private bool AcceptUpdate(Order order)
    {
        if (order.OrderUpdateId < OrderUpdateId)
        {
            return Reject("orderUpdateError", $"orderUpdateId {order.OrderUpdateId} of order {order.OrderId} is older than the current {OrderUpdateId}", [new ErrorReference("orderUpdateId", order.OrderUpdateId.ToString(System.Globalization.CultureInfo.InvariantCulture))]);
        }

        if (order.OrderUpdateId == OrderUpdateId)
        {
            // Section 6.6.4.3: the same order twice (a resend after a late state) is ignored.
            return true;
        }

        // Section 6.6.2: an update starts on the last node of the current base (the decision point).
        var lastBase = _nodes.LastOrDefault(n => n.Released);
        var (stitchId, stitchSequence) = lastBase is null ? (LastNodeId, LastNodeSequenceId) : (lastBase.NodeId, lastBase.SequenceId);
        var first = order.Nodes[0];
        if (first.NodeId != stitchId || first.SequenceId != stitchSequence || !first.Released)
        {
            return Reject("orderUpdateError", $"update {order.OrderUpdateId} starts at {first.NodeId}#{first.SequenceId}, not at the end of the base {stitchId}#{stitchSequence}", [new ErrorReference("nodeId", first.NodeId)]);
        }

        _errors.RemoveAll(IsOrderError);
        OrderUpdateId = order.OrderUpdateId;
        _nodes.RemoveAll(n => !n.Released);
        _edges.RemoveAll(e => !e.Released);
        Track(order);
        if (lastBase is null)
        {
            foreach (var action in first.Actions)
            {
                _pendingNodeActions.Enqueue(action);
            }
        }
        else
        {
            _nodes[^1] = lastBase with { Actions = [.. lastBase.Actions, .. first.Actions] };
        }

        _nodes.AddRange(order.Nodes.Skip(1));
        _edges.AddRange(order.Edges);
        return true;
    }

    /// <summary>Handles one instant action; returns false for types this robot leaves to others (e.g. factsheetRequest).</summary>
    public bool Instant(Vda5050Action action)
    {
        ArgumentNullException.ThrowIfNull(action);
        switch (action.ActionType)
        {
            case "cancelOrder":
                if (!IsExecuting)
                {
                    _errors.Add(new AgvError
                    {
                        ErrorType = "noOrderToCancel",
                        ErrorLevel = ErrorLevel.Warning,
                        ErrorDescription = "there is no order to cancel",
                        ErrorReferences = [new ErrorReference("actionId", action.ActionId)],
                    });
                    SetAction(action, ActionStatus.Failed, "noOrderToCancel");
                    return true;
                }

                foreach (var pending in _pendingNodeActions.Concat(_nodes.SelectMany(n => n.Actions)).Concat(_edges.SelectMany(e => e.Actions)))
                {
                    SetAction(pending, ActionStatus.Failed, "cancelled");
                }

                if (_running is not null)
                {
                    SetAction(_running, ActionStatus.Failed, "cancelled");
                    _running = null;
                }

                _pendingNodeActions.Clear();
                _nodes.Clear();
                _edges.Clear();
                Driving = false;
                SetAction(action, ActionStatus.Finished, null);
                return true;
            case "startPause":
                Paused = true;
                Driving = false;
                SetAction(action, ActionStatus.Finished, null);
                return true;
            case "stopPause":
                Paused = false;
                SetAction(action, ActionStatus.Finished, null);
                return true;
            case "startCharging" or "stopCharging":
                Charging = action.ActionType == "startCharging";
                SetAction(action, ActionStatus.Finished, null);
                return true;
            default:
                return false;
        }
    }

    /// <summary>Moves the robot on by <paramref name="elapsed"/>; returns the number of events (nodes reached, actions changed).</summary>
    public int Advance(TimeSpan elapsed)
    {
        var events = 0;
        var wasDriving = false;
        var left = elapsed;
        while (left > TimeSpan.Zero && !Paused)
        {
            if (_running is not null)
            {
                var step = left < _runningLeft ? left : _runningLeft;
                _runningLeft -= step;
                left -= step;
                if (_runningLeft <= TimeSpan.Zero)
                {
                    SetAction(_running, ActionStatus.Finished, ResultOf(_running));
                    Charging |= _running.ActionType == "startCharging";
                    _running = null;
                    events++;
                }

                continue;
            }

            if (_pendingNodeActions.TryDequeue(out var next))
            {
                _running = next;
                _runningLeft = CareActionTypes.All.Contains(next.ActionType) ? CareActionDuration : OtherActionDuration;
                SetAction(next, ActionStatus.Running, null);
                events++;
                continue;
            }

            if (_edges.Count == 0 || !_edges[0].Released || _nodes.Count == 0 || !_nodes[0].Released)
            {
                break;
            }

            var edge = _edges[0];
            var target = _nodes[0];
            var (tx, ty, tMap) = PositionOf(target)!.Value;
            var speed = Math.Min(edge.MaxSpeed is > 0 ? edge.MaxSpeed.Value : _speedMax, _speedMax);
            var remaining = Math.Sqrt(((tx - X) * (tx - X)) + ((ty - Y) * (ty - Y)));
            var needed = TimeSpan.FromSeconds(remaining / speed);
            Drain(left < needed ? left : needed, driving: true);
            if (remaining > 1e-9)
            {
                Theta = Math.Atan2(ty - Y, tx - X);
            }

            if (left >= needed)
            {
                left -= needed;
                (X, Y, MapId) = (tx, ty, tMap);
                _edges.RemoveAt(0);
                _nodes.RemoveAt(0);
                Reach(target);
                events++;
            }
            else
            {
                var fraction = left / needed;
                X += (tx - X) * fraction;
                Y += (ty - Y) * fraction;
                DistanceSinceLastNode += remaining * fraction;
                left = TimeSpan.Zero;
                wasDriving = true;
            }
        }

        Drain(left, driving: false);
        if (Driving != wasDriving)
        {
            Driving = wasDriving;
            events++;
        }

        return events;
    }

    /// <summary>The order part of a VDA 5050 state message.</summary>
    public AgvState ToState(AgvState header) => header with
    {
        OrderId = OrderId,
        OrderUpdateId = OrderUpdateId,
        LastNodeId = LastNodeId,
        LastNodeSequenceId = LastNodeSequenceId,
        NodeStates = [.. _nodes.Select(n => new NodeState { NodeId = n.NodeId, SequenceId = n.SequenceId, Released = n.Released, NodePosition = StatePosition(n.NodePosition), NodeDescription = n.NodeDescription })],
        EdgeStates = [.. _edges.Select(e => new EdgeState { EdgeId = e.EdgeId, SequenceId = e.SequenceId, Released = e.Released, EdgeDescription = e.EdgeDescription })],
        Driving = Driving,
        Paused = Paused,
        DistanceSinceLastNode = Math.Round(DistanceSinceLastNode, 3),
        ActionStates = [.. _actionStates],
        Errors = [.. _errors],
        AgvPosition = new AgvPosition { X = X, Y = Y, Theta = Theta, MapId = MapId, PositionInitialized = true },
        BatteryState = new BatteryState { BatteryCharge = Math.Round(Battery, 1), Charging = Charging },
    };

    // The state schema requires theta in a node state's position while the order schema does not; a position
    // without theta is left out (it is optional in the state).
    private static NodePosition? StatePosition(NodePosition? position) => position?.Theta is null ? null : position;

    private void Reach(OrderNode node)
    {
        (LastNodeId, LastNodeSequenceId) = (node.NodeId, node.SequenceId);
        DistanceSinceLastNode = 0;
        if (PositionOf(node) is var (x, y, mapId))
        {
            (X, Y, MapId) = (x, y, mapId);
        }

        foreach (var action in node.Actions)
        {
            _pendingNodeActions.Enqueue(action);
        }
    }

    private void Track(Order order)
    {
        foreach (var action in order.Nodes.SelectMany(n => n.Actions).Concat(order.Edges.SelectMany(e => e.Actions)))
        {
            SetAction(action, ActionStatus.Waiting, null);
        }
    }

    private void SetAction(Vda5050Action action, ActionStatus status, string? result)
    {
        var state = new ActionState { ActionId = action.ActionId, ActionType = action.ActionType, ActionDescription = action.ActionDescription, ActionStatus = status, ResultDescription = result };
        var index = _actionStates.FindIndex(a => a.ActionId == action.ActionId);
        if (index >= 0)
        {
            _actionStates[index] = state;
        }
        else
        {
            _actionStates.Add(state);
        }
    }

    private static string? ResultOf(Vda5050Action action) => CareActionTypes.All.Contains(action.ActionType) ? CareActionResults.Done : null;

    private void Drain(TimeSpan time, bool driving)
    {
        var hours = time.TotalHours;
        Battery = Math.Clamp(Battery + ((Charging && !driving ? ChargePerHour : driving ? -DrivingDrainPerHour : -IdleDrainPerHour) * hours), 0, 100);
        if (driving)
        {
            Charging = false;
        }
    }

    private (double X, double Y, string MapId)? PositionOf(OrderNode node)
    {
        if (node.NodePosition is { } p)
        {
            return (p.X, p.Y, p.MapId);
        }

        foreach (var floor in _map.Floors)
        {
            var mapNode = floor.Nodes.FirstOrDefault(n => n.Id == node.NodeId);
            if (mapNode is not null)
            {
                // Each floor is its own VDA 5050 map: "{home map id}/{floor id}" (docs/map-format.md).
                return (mapNode.X, mapNode.Y, $"{_map.Id}/{floor.Id}");
            }
        }

        return null;
    }

    private bool Reject(string type, string description, IReadOnlyList<ErrorReference> references)
    {
        _errors.RemoveAll(IsOrderError);
        _errors.Add(new AgvError { ErrorType = type, ErrorLevel = ErrorLevel.Warning, ErrorDescription = description, ErrorReferences = references });
        return false;
    }

    private static bool IsOrderError(AgvError error) => error.ErrorType is "validationError" or "orderError" or "orderUpdateError" or "noOrderToCancel";
}
