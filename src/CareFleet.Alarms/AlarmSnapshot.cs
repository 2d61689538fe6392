namespace CareFleet.Alarms;

/// <summary>The states of an alarm.</summary>
public enum AlarmState
{
    /// <summary>Raised and notified to the first step; nobody owns it yet.</summary>
    Active = 1,

    /// <summary>Moved past the first step of its chain; nobody owns it yet.</summary>
    Escalated = 2,

    /// <summary>Muted until a time; re-notified then if the condition persists.</summary>
    Silenced = 3,

    /// <summary>Owned by a staff member; escalation stopped.</summary>
    Acknowledged = 4,

    /// <summary>Closed with a reason.</summary>
    Resolved = 5,
}

/// <summary>
/// An alarm's state, folded from its events. <see cref="Replay"/> is pure: the same events give the same
/// snapshot, which is how an alarm (and its escalation clock) survives a process restart.
/// </summary>
public sealed record AlarmSnapshot
{
    /// <summary>The alarm id.</summary>
    public required Guid AlarmId { get; init; }

    /// <summary>The request that raised it.</summary>
    public required AlarmRequest Request { get; init; }

    /// <summary>When it was raised.</summary>
    public required DateTimeOffset RaisedAt { get; init; }

    /// <summary>The current state.</summary>
    public required AlarmState State { get; init; }

    /// <summary>The escalation step last notified.</summary>
    public int Step { get; init; }

    /// <summary>When the current step was notified: its escalation timer runs from here.</summary>
    public DateTimeOffset StepStartedAt { get; init; }

    /// <summary>The recipients last notified.</summary>
    public IReadOnlyList<string> Recipients { get; init; } = [];

    /// <summary>The end of the current silence, while silenced.</summary>
    public DateTimeOffset? SilencedUntil { get; init; }

    /// <summary>Whether monitoring last said the condition is present.</summary>
    public bool ConditionPresent { get; init; } = true;

    /// <summary>A silence ended while the condition was absent: open, but nobody is being called.</summary>
    public bool Quiet { get; init; }

    /// <summary>Who acknowledged it.</summary>
    public AlarmActor? AcknowledgedBy { get; init; }

    /// <summary>When it was acknowledged.</summary>
    public DateTimeOffset? AcknowledgedAt { get; init; }

    /// <summary>Who resolved it.</summary>
    public AlarmActor? ResolvedBy { get; init; }

    /// <summary>When it was resolved.</summary>
    public DateTimeOffset? ResolvedAt { get; init; }

    /// <summary>Why it was resolved.</summary>
    public ResolutionReason? Resolution { get; init; }

    /// <summary>The sequence number of the last event applied.</summary>
    public int LastSequence { get; init; }

    /// <summary>The priority, from the request.</summary>
    public AlarmPriority Priority => Request.Priority;

    /// <summary>Whether the alarm is still open.</summary>
    public bool IsOpen => State != AlarmState.Resolved;

    /// <summary>Folds an alarm's events, in sequence order, into its state.</summary>
    /// <exception cref="ArgumentException">The events are not one alarm's consecutive history starting with <see cref="AlarmRaised"/>.</exception>
    public static AlarmSnapshot Replay(IEnumerable<AlarmEvent> events)
    {
        ArgumentNullException.ThrowIfNull(events);
        AlarmSnapshot? snapshot = null;
        foreach (var e in events)
        {
            snapshot = snapshot is null ? Start(e) : snapshot.Apply(e);
        }

        return snapshot ?? throw new ArgumentException("An alarm history needs at least its AlarmRaised event.", nameof(events));
    }

    /// <summary>Applies one more event.</summary>
    /// <exception cref="ArgumentException">The event belongs to another alarm or is out of sequence.</exception>
    public AlarmSnapshot Apply(AlarmEvent e)
    {
        ArgumentNullException.ThrowIfNull(e);
        if (e.AlarmId != AlarmId)
        {
            throw new ArgumentException($"Event {e.Sequence} belongs to alarm {e.AlarmId}, not {AlarmId}.", nameof(e));
        }

        if (e.Sequence != LastSequence + 1)
        {
            throw new ArgumentException($"Alarm {AlarmId}: expected event {LastSequence + 1}, got {e.Sequence}.", nameof(e));
        }

        var next = e switch
        {
            AlarmNotified n => this with
            {
                Step = n.Step,
                StepStartedAt = n.At,
                Recipients = n.Recipients,
                State = n.Step > 0 ? AlarmState.Escalated : AlarmState.Active,
                SilencedUntil = null,
                Quiet = false,
            },
            AlarmAcknowledged a => this with { State = AlarmState.Acknowledged, AcknowledgedBy = a.Actor, AcknowledgedAt = a.At, SilencedUntil = null, Quiet = false },
            AlarmSilenced s => this with { State = AlarmState.Silenced, SilencedUntil = s.Until },
            AlarmSilenceEnded x => this with
            {
                State = Step > 0 ? AlarmState.Escalated : AlarmState.Active,
                SilencedUntil = null,
                Quiet = !x.ConditionPresent,
            },
            AlarmConditionCleared => this with { ConditionPresent = false },
            AlarmConditionReturned => this with { ConditionPresent = true },
            AlarmResolved r => this with { State = AlarmState.Resolved, ResolvedBy = r.Actor, ResolvedAt = r.At, Resolution = r.Reason, SilencedUntil = null },
            AlarmRaised => throw new ArgumentException($"Alarm {AlarmId} was raised twice.", nameof(e)),
            _ => throw new ArgumentException($"Unknown alarm event type {e.GetType().Name}.", nameof(e)),
        };
        return next with { LastSequence = e.Sequence };
    }

    /// <summary>
    /// When the engine must next act on its own, or null when it waits for people (acknowledged, resolved,
    /// quiet). A pure function of the state and the chain: silence end, or the current step's notification
    /// time plus its time before escalation (the failsafe's repeat interval at the end of the chain).
    /// </summary>
    public DateTimeOffset? NextActionDueAt(EscalationChain chain)
    {
        ArgumentNullException.ThrowIfNull(chain);
        return State switch
        {
            AlarmState.Resolved or AlarmState.Acknowledged => null,
            AlarmState.Silenced => SilencedUntil,
            _ when Quiet => null,
            _ => StepStartedAt + chain.TimeoutOf(Step),
        };
    }

    private static AlarmSnapshot Start(AlarmEvent e)
    {
        if (e is not AlarmRaised raised)
        {
            throw new ArgumentException($"Alarm {e.AlarmId}: the history must start with AlarmRaised, not {e.GetType().Name}.", nameof(e));
        }

        if (raised.Sequence != 1)
        {
            throw new ArgumentException($"Alarm {e.AlarmId}: AlarmRaised must be event 1, was {raised.Sequence}.", nameof(e));
        }

        return new AlarmSnapshot
        {
            AlarmId = raised.AlarmId,
            Request = raised.Request,
            RaisedAt = raised.At,
            State = AlarmState.Active,
            StepStartedAt = raised.At,
            LastSequence = 1,
        };
    }
}
