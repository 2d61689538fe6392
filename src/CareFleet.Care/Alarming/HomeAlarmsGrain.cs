using CareFleet.Alarms;
using CareFleet.Alarms.Persistence;
using CareFleet.Care.Monitoring;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CareFleet.Care.Alarming;

/// <summary>The alarm book of one home, keyed by the home id.</summary>
public interface IHomeAlarmsGrain : IGrainWithStringKey
{
    /// <summary>Activates the grain (restoring its book from the store) and returns the number of open alarms.</summary>
    Task<int> Start();

    /// <summary>Raises an alarm for a monitoring rule (a duplicate of an open one raises nothing new).</summary>
    Task<AlarmCommandResult> Raise(AlarmRequest request);

    /// <summary>Monitoring reports that a condition behind an open alarm came or went.</summary>
    Task ReportCondition(ConditionChange change);

    /// <summary>A staff member owns the alarm.</summary>
    Task<AlarmCommandResult> Acknowledge(Guid alarmId, AlarmActor actor);

    /// <summary>A staff member mutes the alarm for a while.</summary>
    Task<AlarmCommandResult> Silence(Guid alarmId, AlarmActor actor, TimeSpan duration);

    /// <summary>A staff member closes the alarm with a reason.</summary>
    Task<AlarmCommandResult> Resolve(Guid alarmId, AlarmActor actor, ResolutionReason reason, string? note);

    /// <summary>The open alarms.</summary>
    Task<IReadOnlyList<AlarmView>> GetOpen();

    /// <summary>Performs escalations and silence ends that are due now.</summary>
    Task Tick();
}

/// <summary>
/// Holds one home's <see cref="AlarmBook"/>. Every change is appended to the event store first; only then
/// is the live feed told and the escalation timer re-armed. On activation the book is restored from the
/// stored events and whatever fell due while the process was down is done at once, so an alarm's
/// escalation clock continues from its stored history. The timer is the care clock's own (scaled in demos,
/// fake in tests) and calls back through the grain, so ticks run one at a time with everything else.
/// </summary>
internal sealed partial class HomeAlarmsGrain(
    IServiceScopeFactory scopes,
    IStaffRoster roster,
    CareClock clock,
    AlarmsLiveFeed feed,
    IOptions<AlarmOptions> alarmOptions,
    ILogger<HomeAlarmsGrain> logger) : Grain, IHomeAlarmsGrain
{
    private AlarmBook _book = null!;
    private ITimer? _timer;

    private string HomeId => this.GetPrimaryKeyString();

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        await RestoreAsync(cancellationToken);
        await Tick();
    }

    public override Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        _timer?.Dispose();
        return Task.CompletedTask;
    }

    public Task<int> Start() => Task.FromResult(_book.OpenAlarms.Count);

    public async Task<AlarmCommandResult> Raise(AlarmRequest request)
    {
        var change = _book.Raise(request, Guid.CreateVersion7(clock.Time.GetUtcNow()));
        await CommitAsync(change);
        if (change.Succeeded && !change.IsDuplicate && change.AlarmId is { } id)
        {
            LogRaised(logger, id, request.ConditionKey, request.Priority);
        }

        return Result(change);
    }

    public async Task ReportCondition(ConditionChange change)
    {
        ArgumentNullException.ThrowIfNull(change);
        var result = _book.ReportCondition(change.SubjectId, change.ConditionKey, change.Present);
        if (result.Succeeded)
        {
            await CommitAsync(result);
        }
    }

    public async Task<AlarmCommandResult> Acknowledge(Guid alarmId, AlarmActor actor)
    {
        var change = _book.Acknowledge(alarmId, actor);
        await CommitAsync(change);
        return Result(change);
    }

    public async Task<AlarmCommandResult> Silence(Guid alarmId, AlarmActor actor, TimeSpan duration)
    {
        var change = _book.Silence(alarmId, actor, duration);
        await CommitAsync(change);
        return Result(change);
    }

    public async Task<AlarmCommandResult> Resolve(Guid alarmId, AlarmActor actor, ResolutionReason reason, string? note)
    {
        var before = _book.Find(alarmId);
        var change = _book.Resolve(alarmId, actor, reason, note);
        await CommitAsync(change);
        if (!change.Succeeded || before is null)
        {
            return Result(change);
        }

        var resolved = AlarmSnapshot.Replay(await LoadAlarmAsync(alarmId));
        var view = AlarmView.From(resolved, alarmOptions.Value);
        feed.Publish(view);
        if (before.Request.ResidentId is { } residentId && residentId == before.Request.SubjectId)
        {
            // One-way: the resident's grain may itself be waiting on this grain (it raised the alarm).
            await GrainFactory.GetGrain<IResidentMonitorGrain>(residentId).AlarmResolved(before.Request.ConditionKey);
        }

        return new AlarmCommandResult(view, null);
    }

    public Task<IReadOnlyList<AlarmView>> GetOpen() =>
        Task.FromResult<IReadOnlyList<AlarmView>>([.. _book.OpenAlarms.OrderByDescending(a => a.Priority).ThenBy(a => a.RaisedAt).Select(View)]);

    public async Task Tick()
    {
        var events = _book.Tick();
        if (events.Count > 0)
        {
            await CommitAsync(new AlarmChange(null, events, null));
            foreach (var notified in events.OfType<AlarmNotified>().Where(n => n.Reason == NotificationReason.Escalated))
            {
                LogEscalated(logger, notified.AlarmId, notified.Step);
            }
        }

        Arm();
    }

    private async Task CommitAsync(AlarmChange change)
    {
        if (change.Events.Count == 0)
        {
            return;
        }

        try
        {
            await using var scope = scopes.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<AlarmEventStore>().AppendAsync(HomeId, change.Events, CancellationToken.None);
        }
        catch (Exception e)
        {
            // The book already holds a change the store refused: throw it away and rebuild from what is stored.
            LogAppendFailed(logger, HomeId, e.Message);
            await RestoreAsync(CancellationToken.None);
            throw;
        }

        foreach (var alarmId in change.Events.Select(e => e.AlarmId).Distinct())
        {
            if (_book.Find(alarmId) is { } open)
            {
                feed.Publish(View(open));
            }
        }

        Arm();
    }

    private async Task RestoreAsync(CancellationToken cancellationToken)
    {
        IReadOnlyList<AlarmEvent> history;
        await using (var scope = scopes.CreateAsyncScope())
        {
            history = await scope.ServiceProvider.GetRequiredService<AlarmEventStore>().LoadOpenAsync(HomeId, cancellationToken);
        }

        _book = new AlarmBook(alarmOptions.Value, roster, clock.Time);
        foreach (var problem in _book.Restore(history))
        {
            LogRestoreProblem(logger, HomeId, problem);
        }

        feed.Reset(_book.OpenAlarms.Select(View));
        LogRestored(logger, HomeId, _book.OpenAlarms.Count);
    }

    private async Task<IReadOnlyList<AlarmEvent>> LoadAlarmAsync(Guid alarmId)
    {
        await using var scope = scopes.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<AlarmEventStore>().LoadAlarmAsync(alarmId, CancellationToken.None);
    }

    private void Arm()
    {
        _timer?.Dispose();
        _timer = null;
        if (_book.NextDueAt() is not { } due)
        {
            return;
        }

        var delay = due - clock.Time.GetUtcNow();
        var self = this.AsReference<IHomeAlarmsGrain>();
        _timer = clock.Time.CreateTimer(_ => _ = self.Tick(), null, delay < TimeSpan.Zero ? TimeSpan.Zero : delay, Timeout.InfiniteTimeSpan);
    }

    private AlarmView View(AlarmSnapshot snapshot) => AlarmView.From(snapshot, alarmOptions.Value);

    private AlarmCommandResult Result(AlarmChange change) =>
        change.Succeeded && change.AlarmId is { } id && _book.Find(id) is { } alarm
            ? new AlarmCommandResult(View(alarm), null)
            : new AlarmCommandResult(null, change.Rejection);

    [LoggerMessage(Level = LogLevel.Information, Message = "Alarm {AlarmId} raised: {Condition}, priority {Priority}")]
    private static partial void LogRaised(ILogger logger, Guid alarmId, string condition, AlarmPriority priority);

    [LoggerMessage(Level = LogLevel.Information, Message = "Alarm {AlarmId} escalated to step {Step}")]
    private static partial void LogEscalated(ILogger logger, Guid alarmId, int step);

    [LoggerMessage(Level = LogLevel.Error, Message = "Storing alarm events of home {HomeId} failed; the book is restored from the store: {Reason}")]
    private static partial void LogAppendFailed(ILogger logger, string homeId, string reason);

    [LoggerMessage(Level = LogLevel.Error, Message = "Home {HomeId}: {Problem}")]
    private static partial void LogRestoreProblem(ILogger logger, string homeId, string problem);

    [LoggerMessage(Level = LogLevel.Information, Message = "Home {HomeId}: {Count} open alarms restored")]
    private static partial void LogRestored(ILogger logger, string homeId, int count);
}
