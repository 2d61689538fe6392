using System.Threading.Channels;
using CareFleet.Contracts.CareActions;
using CareFleet.Contracts.Vda5050;
using CareFleet.Fleet.Maps;
using CareFleet.Fleet.Master;
using CareFleet.Fleet.Tasks;
using CareFleet.Fleet.Twins;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CareFleet.Fleet.Dispatch;

/// <summary>Dispatch settings (section <c>CareFleet:Fleet:Dispatch</c>).</summary>
public sealed class FleetDispatchOptions
{
    public const string Section = "CareFleet:Fleet:Dispatch";

    /// <summary>How long a robot may be offline (or in MANUAL/SERVICE) before its task goes to another robot. Default: 60 s.</summary>
    public TimeSpan OfflineReassignAfter { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>A robot below this battery charge (percent) gets no new task. Default: 20.</summary>
    public double MinimumBattery { get; set; } = 20;

    /// <summary>How often queued tasks and offline robots are looked at. Default: 1 s.</summary>
    public TimeSpan Interval { get; set; } = TimeSpan.FromSeconds(1);
}

/// <summary>A task changed state (for tests and live views).</summary>
public sealed record FleetTaskChanged(Guid TaskId, FleetTaskState State, string? Robot, string? Reason);

/// <summary>
/// The first dispatcher: gives each queued task, highest priority first, to the capable, online, AUTOMATIC
/// robot with enough battery that can arrive soonest (route time from the planner), follows it stop by stop,
/// and hands it to another robot when its robot stays offline longer than the configured timeout. Runs on
/// one queue; every task change is committed before the next step.
/// </summary>
public sealed partial class FleetDispatcher(
    IServiceScopeFactory scopes, FleetCoordinator coordinator, FleetLiveFeed feed, HomeMapProvider maps, TimeProvider time,
    IOptions<FleetDispatchOptions> options, ILogger<FleetDispatcher> logger) : BackgroundService
{
    private readonly Channel<Func<CancellationToken, Task>> _work = Channel.CreateUnbounded<Func<CancellationToken, Task>>(new UnboundedChannelOptions { SingleReader = true });
    private readonly Dictionary<string, DateTimeOffset> _unavailableSince = [];

    /// <summary>Raised after a task change is committed.</summary>
    public event Action<FleetTaskChanged>? TaskChanged;

    /// <summary>Asks for a dispatch round now (after a task was created).</summary>
    public void Nudge() => _work.Writer.TryWrite(RoundAsync);

    /// <summary>Cancels an open task, stopping its robot; returns the task (null when unknown) and whether this call cancelled it.</summary>
    public Task<(FleetTask? Task, bool Cancelled)> CancelAsync(Guid id, string reason, CancellationToken cancellationToken)
    {
        var done = new TaskCompletionSource<(FleetTask?, bool)>(TaskCreationOptions.RunContinuationsAsynchronously);
        _work.Writer.TryWrite(async ct =>
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var db = scope.ServiceProvider.GetRequiredService<FleetDbContext>();
                var task = await db.Tasks.FindAsync([id], ct);
                var open = task is { IsOpen: true };
                if (open)
                {
                    var robot = task!.Robot;
                    task.End(FleetTaskState.Cancelled, reason, time.GetUtcNow());
                    await db.SaveChangesAsync(ct);
                    if (robot is not null)
                    {
                        await coordinator.CancelMissionAsync(robot, reason, ct);
                    }

                    Changed(task);
                }

                done.TrySetResult((task, open));
            }
            catch (Exception e)
            {
                done.TrySetException(e);
            }
        });
        return done.Task.WaitAsync(cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        coordinator.MissionEnded += OnMissionEnded;
        using var timer = new PeriodicTimer(options.Value.Interval, time);
        var ticks = Task.Run(async () =>
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                _work.Writer.TryWrite(RoundAsync);
            }
        }, stoppingToken);
        try
        {
            await foreach (var work in _work.Reader.ReadAllAsync(stoppingToken))
            {
                try
                {
                    await work(stoppingToken);
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    LogRoundFailed(logger, e.Message);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        finally
        {
            coordinator.MissionEnded -= OnMissionEnded;
            try
            {
                await ticks;
            }
            catch (OperationCanceledException)
            {
            }
        }
    }

    private void OnMissionEnded(MissionEnded ended) => _work.Writer.TryWrite(ct => MissionEndedAsync(ended, ct));

    private async Task MissionEndedAsync(MissionEnded ended, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<FleetDbContext>();
        var task = await db.Tasks.FirstOrDefaultAsync(t => t.Robot == ended.Robot && (t.State == FleetTaskState.Underway || t.State == FleetTaskState.Assigned), cancellationToken);
        if (task is null)
        {
            return;
        }

        var now = time.GetUtcNow();
        if (!ended.Succeeded)
        {
            task.End(FleetTaskState.Failed, ended.Reason, now);
        }
        else if (task.Stop + 1 < task.TargetPlaceIds.Count)
        {
            task.NextStop(now);
            await db.SaveChangesAsync(cancellationToken);
            await StartStopAsync(task, task.Robot!, cancellationToken);
        }
        else
        {
            task.End(FleetTaskState.Completed, null, now);
        }

        await db.SaveChangesAsync(cancellationToken);
        Changed(task);
    }

    private async Task RoundAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<FleetDbContext>();
        var open = await db.Tasks.Where(t => t.State == FleetTaskState.Queued || t.State == FleetTaskState.Assigned || t.State == FleetTaskState.Underway).ToListAsync(cancellationToken);
        await ReassignFromOfflineRobotsAsync(db, open, cancellationToken);

        var busy = open.Where(t => t.Robot is not null).Select(t => t.Robot!).ToHashSet(StringComparer.Ordinal);
        var types = await db.Robots.ToDictionaryAsync(r => r.Manufacturer + "/" + r.SerialNumber, r => r.Type, cancellationToken);
        foreach (var task in open.Where(t => t.State == FleetTaskState.Queued).OrderByDescending(t => t.Priority).ThenBy(t => t.CreatedAt))
        {
            var robot = await ChooseRobotAsync(task, busy, types, cancellationToken);
            if (robot is null)
            {
                continue;
            }

            task.Assign(robot, time.GetUtcNow());
            await db.SaveChangesAsync(cancellationToken);
            Changed(task);
            busy.Add(robot);
            var error = await StartStopAsync(task, robot, cancellationToken);
            if (error is not null)
            {
                task.Requeue($"robot {robot} could not start: {error}", time.GetUtcNow());
                busy.Remove(robot);
            }

            await db.SaveChangesAsync(cancellationToken);
            Changed(task);
        }
    }

    private async Task ReassignFromOfflineRobotsAsync(FleetDbContext db, List<FleetTask> open, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var why = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var twin in feed.All)
        {
            // Offline, or taken over by staff (MANUAL/SERVICE): either way the robot will not drive the task on.
            if (RobotCommandSender.WhyNotCommandable(twin) is { } reason)
            {
                _unavailableSince.TryAdd(twin.Key, now);
                why[twin.Key] = reason;
            }
            else
            {
                _unavailableSince.Remove(twin.Key);
            }
        }

        foreach (var task in open.Where(t => t.Robot is not null && t.State is FleetTaskState.Assigned or FleetTaskState.Underway))
        {
            if (_unavailableSince.TryGetValue(task.Robot!, out var since) && now - since >= options.Value.OfflineReassignAfter)
            {
                var robot = task.Robot!;
                await coordinator.CancelMissionAsync(robot, "robot offline", cancellationToken);
                task.Requeue($"{why.GetValueOrDefault(robot, $"robot {robot} unavailable")} for more than {options.Value.OfflineReassignAfter.TotalSeconds:0} s; reassigned", now);
                await db.SaveChangesAsync(cancellationToken);
                LogReassigned(logger, task.Id, robot);
                Changed(task);
            }
        }
    }

    private async Task<string?> ChooseRobotAsync(FleetTask task, HashSet<string> busy, Dictionary<string, string> types, CancellationToken cancellationToken)
    {
        if (maps.Map is not { } map || !map.TryGetPlace(task.TargetPlaceIds[task.Stop], out var place))
        {
            return null;
        }

        string? best = null;
        var bestSeconds = double.MaxValue;
        foreach (var twin in feed.All)
        {
            if (busy.Contains(twin.Key) || RobotCommandSender.WhyNotCommandable(twin) is not null || twin.FatalErrors > 0
                || (twin.BatteryCharge ?? 0) < options.Value.MinimumBattery
                || !types.TryGetValue(twin.Key, out var type) || (task.RequiredRobotType is { } required && required != type)
                || (_unavailableSince.ContainsKey(twin.Key)))
            {
                continue;
            }

            var seconds = await coordinator.EstimateSecondsAsync(twin.Key, place.NodeId, cancellationToken);
            if (seconds is { } s && s < bestSeconds)
            {
                (best, bestSeconds) = (twin.Key, s);
            }
        }

        return best;
    }

    private async Task<string?> StartStopAsync(FleetTask task, string robot, CancellationToken cancellationToken)
    {
        if (maps.Map is not { } map || !map.TryGetPlace(task.TargetPlaceIds[task.Stop], out var place))
        {
            return "target place is not on the map";
        }

        var started = await coordinator.SendRobotToAsync(robot, place.NodeId, ActionsFor(task), cancellationToken);
        if (!started.Started)
        {
            return started.Error;
        }

        task.Start(time.GetUtcNow());
        return null;
    }

    private static IReadOnlyList<Vda5050Action> ActionsFor(FleetTask task)
    {
        var type = task.Type switch
        {
            FleetTaskType.Patrol => CareActionTypes.PatrolScan,
            FleetTaskType.WaitWithResident => CareActionTypes.WaitWithResident,
            FleetTaskType.Charge => "startCharging",
            _ => null,
        };
        return type is null ? [] : [new Vda5050Action { ActionId = $"{task.Id:N}-{task.Stop}", ActionType = type, BlockingType = BlockingType.Hard }];
    }

    private void Changed(FleetTask task) => TaskChanged?.Invoke(new FleetTaskChanged(task.Id, task.State, task.Robot, task.Reason));

    [LoggerMessage(Level = LogLevel.Warning, Message = "Dispatch round failed: {Reason}")]
    private static partial void LogRoundFailed(ILogger logger, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Task {TaskId} taken from unavailable robot {Robot} and queued again")]
    private static partial void LogReassigned(ILogger logger, Guid taskId, string robot);
}
