using System.Text.Json.Serialization;

namespace CareFleet.Alarms;

/// <summary>
/// An immutable fact about one alarm. Every state change is one event with who and when; the host appends
/// it to the store before it notifies anybody, and an alarm's state (including its escalation clock) is
/// rebuilt from its events alone.
/// </summary>
/// <param name="AlarmId">The alarm.</param>
/// <param name="Sequence">1 for the first event of an alarm, then consecutive; lets the store reject a lost or duplicated append.</param>
/// <param name="At">When it happened, from the injected clock.</param>
/// <param name="Actor">Who did it.</param>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "type")]
[JsonDerivedType(typeof(AlarmRaised), "raised")]
[JsonDerivedType(typeof(AlarmNotified), "notified")]
[JsonDerivedType(typeof(AlarmAcknowledged), "acknowledged")]
[JsonDerivedType(typeof(AlarmSilenced), "silenced")]
[JsonDerivedType(typeof(AlarmSilenceEnded), "silence-ended")]
[JsonDerivedType(typeof(AlarmConditionCleared), "condition-cleared")]
[JsonDerivedType(typeof(AlarmConditionReturned), "condition-returned")]
[JsonDerivedType(typeof(AlarmResolved), "resolved")]
public abstract record AlarmEvent(Guid AlarmId, int Sequence, DateTimeOffset At, AlarmActor Actor);

/// <summary>The alarm was created from a monitoring rule's request.</summary>
public sealed record AlarmRaised(Guid AlarmId, int Sequence, DateTimeOffset At, AlarmActor Actor, AlarmRequest Request)
    : AlarmEvent(AlarmId, Sequence, At, Actor);

/// <summary>Why recipients were (re)notified.</summary>
public enum NotificationReason
{
    /// <summary>First notification when the alarm was raised.</summary>
    Raised = 1,

    /// <summary>The previous step did not acknowledge in time; the alarm moved up the chain.</summary>
    Escalated = 2,

    /// <summary>A silence ran out while the condition persists.</summary>
    Renotified = 3,

    /// <summary>The condition came back after it had cleared and the alarm had gone quiet.</summary>
    ConditionReturned = 4,

    /// <summary>The failsafe has still not acknowledged; it is told again.</summary>
    FailsafeRepeated = 5,
}

/// <summary>
/// Recipients were told about the alarm. <paramref name="Step"/> is the escalation step (0 = the first
/// destination; the chain's failsafe is the step after the last configured one). Steps whose target had
/// nobody on shift are listed in <paramref name="SkippedSteps"/>. Empty <paramref name="Recipients"/>
/// means nobody could be found at all: the host must broadcast to every screen.
/// </summary>
public sealed record AlarmNotified(
    Guid AlarmId,
    int Sequence,
    DateTimeOffset At,
    AlarmActor Actor,
    int Step,
    NotificationReason Reason,
    IReadOnlyList<string> Recipients,
    IReadOnlyList<int> SkippedSteps) : AlarmEvent(AlarmId, Sequence, At, Actor);

/// <summary>A staff member took ownership ("I own it"); escalation stops.</summary>
public sealed record AlarmAcknowledged(Guid AlarmId, int Sequence, DateTimeOffset At, AlarmActor Actor)
    : AlarmEvent(AlarmId, Sequence, At, Actor);

/// <summary>A staff member muted the alarm until <paramref name="Until"/>; it does not clear the condition.</summary>
public sealed record AlarmSilenced(Guid AlarmId, int Sequence, DateTimeOffset At, AlarmActor Actor, DateTimeOffset Until)
    : AlarmEvent(AlarmId, Sequence, At, Actor);

/// <summary>A silence ran out. When <paramref name="ConditionPresent"/> is false the alarm stays open but quiet.</summary>
public sealed record AlarmSilenceEnded(Guid AlarmId, int Sequence, DateTimeOffset At, AlarmActor Actor, bool ConditionPresent)
    : AlarmEvent(AlarmId, Sequence, At, Actor);

/// <summary>Monitoring reports that the condition is no longer present (the alarm stays latched until resolved).</summary>
public sealed record AlarmConditionCleared(Guid AlarmId, int Sequence, DateTimeOffset At, AlarmActor Actor)
    : AlarmEvent(AlarmId, Sequence, At, Actor);

/// <summary>Monitoring reports that a cleared condition is present again.</summary>
public sealed record AlarmConditionReturned(Guid AlarmId, int Sequence, DateTimeOffset At, AlarmActor Actor)
    : AlarmEvent(AlarmId, Sequence, At, Actor);

/// <summary>The alarm was closed with a reason.</summary>
public sealed record AlarmResolved(Guid AlarmId, int Sequence, DateTimeOffset At, AlarmActor Actor, ResolutionReason Reason, string? Note)
    : AlarmEvent(AlarmId, Sequence, At, Actor);

/// <summary>Why an alarm was resolved. <see cref="Other"/> needs a note.</summary>
public enum ResolutionReason
{
    /// <summary>No reason given; always rejected.</summary>
    Unspecified = 0,

    /// <summary>The resident was attended and the cause dealt with.</summary>
    Attended = 1,

    /// <summary>Escalated outside the home (GP, ambulance, hospital transfer).</summary>
    EscalatedToMedicalTeam = 2,

    /// <summary>No real condition: artefact, misread, wrong resident.</summary>
    FalseAlarm = 3,

    /// <summary>A sensor or robot fault caused it.</summary>
    EquipmentFault = 4,

    /// <summary>The same event is handled under another alarm.</summary>
    Duplicate = 5,

    /// <summary>Something else, explained in the note.</summary>
    Other = 6,
}
