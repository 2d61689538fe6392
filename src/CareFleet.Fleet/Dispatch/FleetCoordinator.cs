using System.Threading.Channels;
using CareFleet.Contracts.Vda5050;
using CareFleet.Fleet.Maps;
using CareFleet.Fleet.Master;
using CareFleet.Fleet.Routing;
using CareFleet.Fleet.Traffic;
using CareFleet.Fleet.Twins;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace CareFleet.Fleet.Dispatch;

/// <summary>A robot reached the end of a mission (all goal actions done) or the mission ended otherwise.</summary>
/// <param name="Robot">"{manufacturer}/{serialNumber}".</param>
/// <param name="OrderId">The mission's VDA 5050 order id.</param>
/// <param name="Succeeded">True when the robot reached the goal and every goal action finished.</param>
/// <param name="Reason">Why it failed, when it did.</param>
public sealed record MissionEnded(string Robot, string OrderId, bool Succeeded, string? Reason);

/// <summary>Where a robot was sent, or why it was not.</summary>
public sealed record MissionStart(string? OrderId, double EstimatedSeconds, string? Error)
{
    public bool Started => OrderId is not null;
}

/// <summary>
/// The home's single-threaded coordinator: owns the <see cref="TrafficController"/>, adds each robot from its
/// first state (nearest node on its floor), turns each state report into ReportReached + Update, and sends the
/// order or stitched order update (orderUpdateId + 1, starting on the last base node) of every grant change.
/// All work runs on one queue, so the traffic controller is never touched from two threads.
/// </summary>
public sealed partial class FleetCoordinator(
    HomeMapProvider maps, RobotCommandSender sender, FleetStateBus bus, IGrainFactory grains, TimeProvider time, ILogger<FleetCoordinator> logger) : BackgroundService
{
    private static readonly RobotProfile DefaultProfile = new(1.0, 0.6);
    private readonly Channel<Func<Task>> _work = Channel.CreateUnbounded<Func<Task>>(new UnboundedChannelOptions { SingleReader = true });
    private readonly Dictionary<string, Mission> _missions = [];
    private readonly Dictionary<string, RobotProfile> _profiles = [];
    private readonly Dictionary<string, string> _joinFailures = [];
    private TrafficController? _traffic;
    private OrderBuilder? _builder;
    private HomeMap? _map;

    /// <summary>Raised on the coordinator's queue when a mission ends.</summary>
    public event Action<MissionEnded>? MissionEnded;

    /// <summary>Plans a route for the robot to a node and sends the first order; goal actions run at the end.</summary>
    public Task<MissionStart> SendRobotToAsync(string robot, string goalNodeId, IReadOnlyList<Vda5050Action> goalActions, CancellationToken cancellationToken) =>
        RunAsync(() => StartMissionAsync(robot, goalNodeId, goalActions, cancellationToken));

    /// <summary>Estimated seconds for the robot to reach a node from where its base ends, or null when it cannot.</summary>
    public Task<double?> EstimateSecondsAsync(string robot, string goalNodeId, CancellationToken cancellationToken) =>
        RunAsync(async () =>
        {
            if (!await EnsureInTrafficAsync(robot) || _traffic is null)
            {
                return (double?)null;
            }

            var plan = _traffic.PlanFor(robot, goalNodeId);
            return plan.Route?.EstimatedSeconds ?? (plan.Error is null ? 0 : null);
        });

    /// <summary>Stops a robot's mission: cancelOrder to the robot and its route dropped from traffic.</summary>
    public Task<bool> CancelMissionAsync(string robot, string reason, CancellationToken cancellationToken) =>
        RunAsync(async () =>
        {
            if (!_missions.Remove(robot, out var mission))
            {
                return false;
            }

            _traffic?.CancelRoute(robot);
            var (manufacturer, serial) = Split(robot);
            await sender.SendInstantActionsAsync(manufacturer, serial, [new Vda5050Action { ActionId = $"cancel-{Guid.NewGuid():N}", ActionType = "cancelOrder", BlockingType = BlockingType.Hard }], cancellationToken);
            MissionEnded?.Invoke(new MissionEnded(robot, mission.OrderId, false, reason));
            return true;
        });

    /// <summary>A robot's traffic status with its human-readable waiting reason, or null when not in traffic.</summary>
    public Task<TrafficStatus?> StatusAsync(string robot) => RunAsync(() => Task.FromResult(_traffic?.GetStatus(robot)));

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        bus.State += OnState;
        bus.Factsheet += OnFactsheet;
        try
        {
            await foreach (var work in _work.Reader.ReadAllAsync(stoppingToken))
            {
                try
                {
                    await work();
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    // One robot's bad report must not stop coordination of the others.
                    LogWorkFailed(logger, e.Message);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        finally
        {
            bus.State -= OnState;
            bus.Factsheet -= OnFactsheet;
        }
    }

    private void OnState(string robot, AgvState state) => _work.Writer.TryWrite(() => HandleStateAsync(robot, state));

    private void OnFactsheet(string robot, Factsheet factsheet) => _work.Writer.TryWrite(() =>
    {
        _profiles[robot] = RobotProfile.FromFactsheet(factsheet);
        return Task.CompletedTask;
    });

    private Task<T> RunAsync<T>(Func<Task<T>> work)
    {
        var done = new TaskCompletionSource<T>(TaskCreationOptions.RunContinuationsAsynchronously);
        _work.Writer.TryWrite(async () =>
        {
            try
            {
                done.TrySetResult(await work());
            }
            catch (Exception e)
            {
                done.TrySetException(e);
            }
        });
        return done.Task;
    }

    private bool EnsureTraffic()
    {
        if (_traffic is not null)
        {
            return true;
        }

        if (maps.Map is not { } map)
        {
            return false;
        }

        _map = map;
        _traffic = new TrafficController(map.Graph, time);
        _builder = new OrderBuilder(map);
        return true;
    }

    private async Task<bool> EnsureInTrafficAsync(string robot)
    {
        if (!EnsureTraffic())
        {
            return false;
        }

        if (_traffic!.GetStatus(robot) is not null)
        {
            return true;
        }

        var twin = await grains.GetGrain<IRobotTwinGrain>(robot).GetSnapshot();
        return twin.Position is { } p && AddToTraffic(robot, p.X, p.Y, p.MapId);
    }

    private bool AddToTraffic(string robot, double x, double y, string mapId)
    {
        if (maps.FloorOf(mapId) is not { } floor || Nearest(floor, x, y) is not { } node)
        {
            return false;
        }

        var result = _traffic!.AddRobot(robot, node, _profiles.GetValueOrDefault(robot, DefaultProfile));
        if (!result.Succeeded)
        {
            // Every state report retries; say why only when the reason changes, not once a second.
            var reason = result.Error ?? "";
            if (!_joinFailures.TryGetValue(robot, out var last) || last != reason)
            {
                _joinFailures[robot] = reason;
                LogNotInTraffic(logger, robot, reason);
            }
        }
        else
        {
            _joinFailures.Remove(robot);
        }

        return result.Succeeded;
    }

    private string? Nearest(string floor, double x, double y)
    {
        var graph = _map!.Graph;
        var best = -1;
        var bestDistance = double.MaxValue;
        for (var i = 0; i < graph.NodeCount; i++)
        {
            if (graph.NodeFloor[i] != floor)
            {
                continue;
            }

            var d = ((graph.X[i] - x) * (graph.X[i] - x)) + ((graph.Y[i] - y) * (graph.Y[i] - y));
            if (d < bestDistance)
            {
                (best, bestDistance) = (i, d);
            }
        }

        return best < 0 ? null : graph.NodeIds[best];
    }

    private async Task<MissionStart> StartMissionAsync(string robot, string goalNodeId, IReadOnlyList<Vda5050Action> goalActions, CancellationToken cancellationToken)
    {
        if (!await EnsureInTrafficAsync(robot))
        {
            return new MissionStart(null, 0, _map is null ? "no home map is loaded" : $"robot {robot} has no known position on the map");
        }

        var twin = await grains.GetGrain<IRobotTwinGrain>(robot).GetSnapshot();
        if (RobotCommandSender.WhyNotCommandable(twin) is { } refusal)
        {
            return new MissionStart(null, 0, refusal);
        }

        if (_missions.ContainsKey(robot))
        {
            return new MissionStart(null, 0, $"robot {robot} is already on a mission");
        }

        var plan = _traffic!.PlanFor(robot, goalNodeId);
        if (plan.Route is not { } route)
        {
            return new MissionStart(null, 0, plan.Error ?? "no route");
        }

        var orderId = $"m-{Guid.NewGuid():N}";
        var (manufacturer, serial) = Split(robot);
        var status = _traffic.GetStatus(robot)!;
        Order order;
        if (route.NodeIds.Count == 1)
        {
            // Already there: a one-node order runs the actions where the robot stands.
            order = new Order
            {
                OrderId = orderId,
                Nodes = [new OrderNode { NodeId = status.LastNodeId, SequenceId = 0, Released = true, Actions = goalActions }],
            };
        }
        else
        {
            var assigned = _traffic.Assign(robot, route);
            if (!assigned.Succeeded || assigned.Update is not { } grant)
            {
                return new MissionStart(null, 0, assigned.Error ?? "the route grants nothing");
            }

            order = WithGoalActions(_builder!.Build(grant.Route, 0, grant.GrantedIndex, orderId, 0, 0, time.GetUtcNow()), grant.Route.NodeIds.Count - 1, goalActions);
        }

        var mission = new Mission(orderId, goalNodeId, [.. goalActions.Select(a => a.ActionId)], goalActions)
        {
            GoalSequenceId = (uint)(2 * (route.NodeIds.Count - 1)),
            BaseSequenceId = order.Nodes.Last(n => n.Released).SequenceId,
        };
        var sent = await sender.SendOrderAsync(manufacturer, serial, order, cancellationToken);
        if (!sent.Sent)
        {
            _traffic.CancelRoute(robot);
            return new MissionStart(null, 0, sent.Refusal);
        }

        _missions[robot] = mission;
        LogMissionStarted(logger, robot, orderId, goalNodeId);
        return new MissionStart(orderId, route.EstimatedSeconds, null);
    }

    private static Order WithGoalActions(Order order, int goalIndexInOrder, IReadOnlyList<Vda5050Action> actions)
    {
        if (actions.Count == 0 || goalIndexInOrder < 0 || goalIndexInOrder >= order.Nodes.Count)
        {
            return order;
        }

        var nodes = order.Nodes.ToArray();
        nodes[goalIndexInOrder] = nodes[goalIndexInOrder] with { Actions = actions };
        return order with { Nodes = nodes };
    }

    private async Task HandleStateAsync(string robot, AgvState state)
    {
        if (!EnsureTraffic())
        {
            return;
        }

        if (_traffic!.GetStatus(robot) is null)
        {
            if (state.AgvPosition is not { PositionInitialized: true } p || !AddToTraffic(robot, p.X, p.Y, p.MapId))
            {
                return;
            }
        }

        if (_missions.TryGetValue(robot, out var lost) && lost.Acknowledged && state.OrderId != lost.OrderId)
        {
            // The robot took the order once and now reports another (or none): it restarted or was reset by
            // staff, and will not drive the mission on (VDA 5050 keeps no order across a reboot).
            _missions.Remove(robot);
            _traffic.CancelRoute(robot);
            MissionEnded?.Invoke(new MissionEnded(robot, lost.OrderId, false, $"robot reports order '{state.OrderId}' instead of mission {lost.OrderId}; it lost the order"));
        }

        if (_missions.TryGetValue(robot, out var mission) && state.OrderId == mission.OrderId)
        {
            mission.Acknowledged = true;
            if (state.LastNodeId.Length > 0)
            {
                _traffic.ReportReached(robot, state.LastNodeId);
            }

            var rejected = state.Errors.FirstOrDefault(e => e.ErrorType is "orderError" or "orderUpdateError" or "validationError");
            var goalActions = state.ActionStates.Where(a => mission.GoalActionIds.Contains(a.ActionId)).ToList();
            if (state.LastNodeId == mission.GoalNodeId && state.LastNodeSequenceId == mission.GoalSequenceId && !state.NodeStates.Any(n => n.Released)
                && goalActions.Count == mission.GoalActionIds.Count && goalActions.All(a => a.ActionStatus is ActionStatus.Finished or ActionStatus.Failed))
            {
                _missions.Remove(robot);
                var failed = goalActions.FirstOrDefault(a => a.ActionStatus == ActionStatus.Failed);
                MissionEnded?.Invoke(new MissionEnded(robot, mission.OrderId, failed is null, failed is null ? null : $"action {failed.ActionType} failed: {failed.ResultDescription}"));
            }
            else if (rejected is not null)
            {
                _missions.Remove(robot);
                _traffic.CancelRoute(robot);
                MissionEnded?.Invoke(new MissionEnded(robot, mission.OrderId, false, $"robot rejected the order: {rejected.ErrorDescription}"));
            }
        }

        foreach (var grant in _traffic.Update())
        {
            if (_missions.TryGetValue(grant.RobotId, out var granted))
            {
                await SendUpdateAsync(grant, granted);
            }
        }
    }

    private async Task SendUpdateAsync(GrantUpdate grant, Mission mission)
    {
        // VDA 5050 6.6.2: the update starts on the decision point (the last node of the base already sent)
        // with its sequence id, and carries orderUpdateId + 1.
        var from = grant.PreviousGrantedIndex;
        if (grant.GrantedIndex <= from)
        {
            return;
        }

        var update = _builder!.Build(grant.Route, from, grant.GrantedIndex, mission.OrderId, mission.OrderUpdateId + 1, mission.BaseSequenceId, time.GetUtcNow());
        update = WithGoalActions(update, update.Nodes.Count - 1, grant.Route.NodeIds[^1] == mission.GoalNodeId && update.Nodes.Count > 1 ? mission.GoalActions : []);
        var (manufacturer, serial) = Split(grant.RobotId);
        var sent = await sender.SendOrderAsync(manufacturer, serial, update, CancellationToken.None);
        if (!sent.Sent)
        {
            LogUpdateNotSent(logger, grant.RobotId, sent.Refusal ?? "");
            return;
        }

        mission.OrderUpdateId++;
        mission.BaseSequenceId = update.Nodes.Last(n => n.Released).SequenceId;
        mission.GoalSequenceId = update.Nodes[^1].SequenceId;
    }

    private static (string Manufacturer, string Serial) Split(string robot)
    {
        var slash = robot.IndexOf('/', StringComparison.Ordinal);
        return (robot[..slash], robot[(slash + 1)..]);
    }

    private sealed class Mission(string orderId, string goalNodeId, HashSet<string> goalActionIds, IReadOnlyList<Vda5050Action> goalActions)
    {
        public string OrderId { get; } = orderId;

        public string GoalNodeId { get; } = goalNodeId;

        public HashSet<string> GoalActionIds { get; } = goalActionIds;

        public IReadOnlyList<Vda5050Action> GoalActions { get; } = goalActions;

        public uint OrderUpdateId { get; set; }

        /// <summary>The robot has reported this order in its state at least once.</summary>
        public bool Acknowledged { get; set; }

        public uint BaseSequenceId { get; set; }

        public uint GoalSequenceId { get; set; }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Coordinator work failed: {Reason}")]
    private static partial void LogWorkFailed(ILogger logger, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Robot {Robot} could not join traffic: {Reason}")]
    private static partial void LogNotInTraffic(ILogger logger, string robot, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Robot {Robot} sent on mission {OrderId} to {Goal}")]
    private static partial void LogMissionStarted(ILogger logger, string robot, string orderId, string goal);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Order update for {Robot} not sent: {Reason}")]
    private static partial void LogUpdateNotSent(ILogger logger, string robot, string reason);
}
