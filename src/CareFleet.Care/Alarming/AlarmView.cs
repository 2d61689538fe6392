using CareFleet.Alarms;

namespace CareFleet.Care.Alarming;

/// <summary>An alarm as the API and the dashboard show it.</summary>
public sealed record AlarmView(
    Guid Id,
    string State,
    string Priority,
    string SubjectId,
    string? ResidentId,
    string ConditionKey,
    string RuleId,
    AlarmLocation Location,
    string Summary,
    IReadOnlyList<AlarmEvidence> Evidence,
    string? ReportedBy,
    DateTimeOffset RaisedAt,
    int Step,
    DateTimeOffset StepStartedAt,
    IReadOnlyList<string> Recipients,
    bool ConditionPresent,
    DateTimeOffset? SilencedUntil,
    DateTimeOffset? NextActionDueAt,
    string? AcknowledgedBy,
    DateTimeOffset? AcknowledgedAt,
    string? ResolvedBy,
    DateTimeOffset? ResolvedAt,
    string? Resolution)
{
    /// <summary>The view of a snapshot under the given options.</summary>
    public static AlarmView From(AlarmSnapshot a, AlarmOptions options)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(options);
        var r = a.Request;
        return new AlarmView(
            a.AlarmId, a.State.ToString(), a.Priority.ToString(), r.SubjectId, r.ResidentId, r.ConditionKey, r.RuleId, r.Location, r.Summary, r.Evidence, r.ReportedBy,
            a.RaisedAt, a.Step, a.StepStartedAt, a.Recipients, a.ConditionPresent, a.SilencedUntil, a.NextActionDueAt(options.ChainFor(a.Priority)),
            a.AcknowledgedBy?.Id, a.AcknowledgedAt, a.ResolvedBy?.Id, a.ResolvedAt, a.Resolution?.ToString());
    }
}

/// <summary>The result of a staff command on an alarm, as the grain returns it.</summary>
/// <param name="Alarm">The alarm after the command, when accepted (null once resolved and no longer open is not implied: resolved alarms are returned too).</param>
/// <param name="Rejection">Why it was refused.</param>
public sealed record AlarmCommandResult(AlarmView? Alarm, AlarmRejection? Rejection);

/// <summary>
/// The open alarms of this node's home grains, and an event when one changes, for the dashboard (as
/// FleetLiveFeed does for robots). Published only after the change is stored.
/// </summary>
public sealed class AlarmsLiveFeed
{
    private readonly System.Collections.Concurrent.ConcurrentDictionary<Guid, AlarmView> _open = new();

    /// <summary>Raised after every stored change, with the alarm's new view (resolved ones included).</summary>
    public event Action<AlarmView>? Changed;

    /// <summary>The open alarms, highest priority and oldest first.</summary>
    public IReadOnlyList<AlarmView> Open => [.. _open.Values.OrderByDescending(a => Enum.Parse<AlarmPriority>(a.Priority)).ThenBy(a => a.RaisedAt)];

    /// <summary>Records a change and tells subscribers.</summary>
    public void Publish(AlarmView alarm)
    {
        ArgumentNullException.ThrowIfNull(alarm);
        if (alarm.State == nameof(AlarmState.Resolved))
        {
            _open.TryRemove(alarm.Id, out _);
        }
        else
        {
            _open[alarm.Id] = alarm;
        }

        Changed?.Invoke(alarm);
    }

    /// <summary>Replaces the open set after a home grain restored its book.</summary>
    public void Reset(IEnumerable<AlarmView> open)
    {
        ArgumentNullException.ThrowIfNull(open);
        _open.Clear();
        foreach (var alarm in open)
        {
            Publish(alarm);
        }
    }
}

/// <summary>The clock of monitoring and alarms (the host's clock unless a test or demo gives its own).</summary>
public sealed record CareClock(TimeProvider Time);

/// <summary>Alarm runtime options (section <c>CareFleet:Alarms</c>).</summary>
public sealed class AlarmRuntimeOptions
{
    /// <summary>The configuration section.</summary>
    public const string Section = "CareFleet:Alarms";

    /// <summary>The home's id; one alarm book per home. Default "home".</summary>
    public string HomeId { get; set; } = "home";

    /// <summary>Residents whose NEWS2 uses SpO2 Scale 2 (a clinician's decision, e.g. COPD with hypercapnic failure). Default none.</summary>
    public List<string> Scale2Residents { get; set; } = [];

    /// <summary>How often each resident's monitoring timers run, in seconds of the care clock. Default 10.</summary>
    public int MonitoringTickSeconds { get; set; } = 10;
}
