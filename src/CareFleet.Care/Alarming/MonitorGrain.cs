using CareFleet.Alarms;
using CareFleet.Care.Monitoring;
using CareFleet.Care.Vitals;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CareFleet.Care.Alarming;

/// <summary>What one input did: a rejection, or the alarms it raised and the NEWS2 total when scored.</summary>
/// <param name="Rejection">Why the input changed nothing, or null.</param>
/// <param name="News2Total">The NEWS2 total of a vital-signs report.</param>
/// <param name="Band">Its band.</param>
/// <param name="AlarmIds">Alarms raised (or found open for the same condition).</param>
public sealed record MonitorOutcome(string? Rejection, int? News2Total, string? Band, IReadOnlyList<Guid> AlarmIds)
{
    internal static MonitorOutcome Rejected(string reason) => new(reason, null, null, []);
}

/// <summary>
/// Monitoring of one resident (key: the resident identifier, e.g. "R-0001"), or of a home's patrol findings
/// without a resident (key: <see cref="PatrolKey"/> + home id).
/// </summary>
public interface IResidentMonitorGrain : IGrainWithStringKey
{
    /// <summary>The key prefix of the grain that takes patrol findings about no particular resident.</summary>
    public const string PatrolKey = "patrol:";

    /// <summary>Validates, scores and applies a vital-signs report.</summary>
    Task<MonitorOutcome> ObserveVitals(VitalSignsReport report);

    /// <summary>Applies a bed event.</summary>
    Task<MonitorOutcome> OnBedEvent(BedEvent bedEvent);

    /// <summary>Applies a fall report.</summary>
    Task<MonitorOutcome> OnFall(FallReport fall);

    /// <summary>Applies a patrol finding.</summary>
    Task<MonitorOutcome> OnPatrolFinding(PatrolFinding finding);

    /// <summary>The alarm for a condition was resolved: the condition may fire again. One-way: the caller never waits.</summary>
    [Orleans.Concurrency.OneWay]
    Task AlarmResolved(string conditionKey);

    /// <summary>Runs the monitoring timers.</summary>
    Task Tick();
}

/// <summary>
/// Holds a <see cref="MonitoringEngine"/> for one resident. The profile comes from the care record (room,
/// bed) and configuration (SpO2 scale); open alarms are taken back from the home's book on activation so a
/// condition already alarmed stays latched after a restart.
/// </summary>
internal sealed partial class ResidentMonitorGrain(
    IServiceScopeFactory scopes,
    CareClock clock,
    IOptions<MonitoringOptions> monitoringOptions,
    IOptions<AlarmRuntimeOptions> runtimeOptions,
    ILogger<ResidentMonitorGrain> logger) : Grain, IResidentMonitorGrain
{
    private MonitoringEngine _engine = null!;
    private string? _residentId;
    private ITimer? _timer;

    private IHomeAlarmsGrain Home => GrainFactory.GetGrain<IHomeAlarmsGrain>(runtimeOptions.Value.HomeId);

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        _engine = new MonitoringEngine(monitoringOptions.Value, clock.Time);
        var key = this.GetPrimaryKeyString();
        if (key.StartsWith(IResidentMonitorGrain.PatrolKey, StringComparison.Ordinal))
        {
            return;
        }

        await using (var scope = scopes.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<CareDbContext>();
            var resident = await db.Residents.AsNoTracking().SingleOrDefaultAsync(r => r.Identifier == key && r.DischargedAt == null, cancellationToken);
            if (resident is null)
            {
                return;
            }

            var scale = runtimeOptions.Value.Scale2Residents.Contains(key, StringComparer.Ordinal) ? SpO2Scale.Scale2 : SpO2Scale.Scale1;
            _engine.Register(new ResidentMonitoringProfile(key, resident.RoomId, resident.BedId, scale));
            _residentId = key;
        }

        foreach (var open in await Home.GetOpen())
        {
            if (open.SubjectId == key)
            {
                _engine.RestoreOpenAlarm(open.SubjectId, open.ConditionKey);
            }
        }

        var self = this.AsReference<IResidentMonitorGrain>();
        var period = TimeSpan.FromSeconds(runtimeOptions.Value.MonitoringTickSeconds);
        _timer = clock.Time.CreateTimer(_ => _ = self.Tick(), null, period, period);
    }

    public override Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        _timer?.Dispose();
        return Task.CompletedTask;
    }

    public Task<MonitorOutcome> ObserveVitals(VitalSignsReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        return _residentId is null ? Task.FromResult(NotInRecord()) : ApplyAsync(_engine.Observe(report));
    }

    public Task<MonitorOutcome> OnBedEvent(BedEvent bedEvent) =>
        _residentId is null ? Task.FromResult(NotInRecord()) : ApplyAsync(_engine.OnBedEvent(bedEvent));

    public Task<MonitorOutcome> OnFall(FallReport fall) =>
        _residentId is null ? Task.FromResult(NotInRecord()) : ApplyAsync(_engine.OnFall(fall));

    public Task<MonitorOutcome> OnPatrolFinding(PatrolFinding finding) => ApplyAsync(_engine.OnPatrolFinding(finding));

    public Task AlarmResolved(string conditionKey)
    {
        _engine.AlarmResolved(this.GetPrimaryKeyString(), conditionKey);
        return Task.CompletedTask;
    }

    public async Task Tick() => await ApplyAsync(_engine.Tick());

    private async Task<MonitorOutcome> ApplyAsync(MonitoringOutput output)
    {
        if (output.Rejection is { } rejection)
        {
            return MonitorOutcome.Rejected(rejection);
        }

        var ids = new List<Guid>();
        foreach (var request in output.Alarms)
        {
            var result = await Home.Raise(request);
            if (result.Alarm is { } alarm)
            {
                ids.Add(alarm.Id);
            }
        }

        foreach (var change in output.ConditionChanges)
        {
            await Home.ReportCondition(change);
        }

        foreach (var task in output.Tasks)
        {
            LogTaskRequested(logger, task.Kind, task.Performer);
        }

        return new MonitorOutcome(null, output.Score?.Total, output.Score?.Band.ToString(), ids);
    }

    private MonitorOutcome NotInRecord() => MonitorOutcome.Rejected($"Resident '{this.GetPrimaryKeyString()}' is not in the care record.");

    [LoggerMessage(Level = LogLevel.Information, Message = "Monitoring asks for a care task: {Kind} by {Performer}")]
    private static partial void LogTaskRequested(ILogger logger, CareTaskKind kind, TaskPerformer performer);
}
