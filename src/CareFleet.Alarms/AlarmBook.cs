using System.Globalization;

namespace CareFleet.Alarms;

/// <summary>
/// The open alarms of one home and the rules of their lifecycle: raise (with de-duplication per subject
/// and condition), route, escalate, acknowledge, silence, resolve. Every accepted command returns the
/// events that record it; the host appends them to the store <b>before</b> it notifies anyone, and after a
/// restart calls <see cref="Restore"/> with the stored events so every open alarm, and its escalation
/// clock, continues where it was. If an append fails, the host discards this book and restores it from
/// the store. Not thread-safe: one caller at a time (the home's grain).
/// </summary>
public sealed class AlarmBook
{
    private readonly AlarmOptions _options;
    private readonly IStaffRoster _roster;
    private readonly TimeProvider _time;
    private readonly Dictionary<Guid, AlarmSnapshot> _open = [];
    private readonly Dictionary<(string Subject, string Condition), Guid> _openByCondition = [];

    /// <summary>Creates an empty book.</summary>
    /// <exception cref="ArgumentException">The options are invalid; the message lists every problem.</exception>
    public AlarmBook(AlarmOptions options, IStaffRoster roster, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(roster);
        ArgumentNullException.ThrowIfNull(time);
        var problems = options.Validate();
        if (problems.Count > 0)
        {
            throw new ArgumentException("Invalid alarm options: " + string.Join(" ", problems), nameof(options));
        }

        _options = options;
        _roster = roster;
        _time = time;
    }

    /// <summary>The open alarms.</summary>
    public IReadOnlyCollection<AlarmSnapshot> OpenAlarms => _open.Values;

    /// <summary>An open alarm by id, or null.</summary>
    public AlarmSnapshot? Find(Guid alarmId) => _open.GetValueOrDefault(alarmId);

    /// <summary>The open alarm for a subject and condition, or null.</summary>
    public AlarmSnapshot? FindOpen(string subjectId, string conditionKey) =>
        _openByCondition.TryGetValue((subjectId, conditionKey), out var id) ? _open[id] : null;

    /// <summary>
    /// Rebuilds the open alarms from stored events (any order across alarms; each alarm's events are
    /// ordered by sequence here). Resolved alarms are dropped. Replaces whatever the book held. An alarm
    /// whose history is broken (a gap, a foreign event) is left out and named in the returned problems, so
    /// one bad record cannot keep every other alarm from coming back; the host must show those to a person.
    /// </summary>
    public IReadOnlyList<string> Restore(IEnumerable<AlarmEvent> history)
    {
        ArgumentNullException.ThrowIfNull(history);
        _open.Clear();
        _openByCondition.Clear();
        var problems = new List<string>();
        foreach (var alarm in history.GroupBy(e => e.AlarmId))
        {
            AlarmSnapshot snapshot;
            try
            {
                snapshot = AlarmSnapshot.Replay(alarm.OrderBy(e => e.Sequence));
            }
            catch (ArgumentException ex)
            {
                problems.Add($"Alarm {alarm.Key} could not be restored: {ex.Message}");
                continue;
            }

            if (snapshot.IsOpen)
            {
                Track(snapshot);
            }
        }

        return problems;
    }

    /// <summary>
    /// Raises an alarm for a monitoring rule's request and notifies the first step of its chain. While an
    /// alarm for the same subject and condition is open, the request is a duplicate: no new alarm (if the
    /// condition had cleared, it is recorded as returned).
    /// </summary>
    public AlarmChange Raise(AlarmRequest request, Guid newAlarmId)
    {
        if (ValidateRequest(request) is { } problem)
        {
            return AlarmChange.Rejected(null, AlarmRejectionCode.InvalidRequest, problem);
        }

        if (FindOpen(request.SubjectId, request.ConditionKey) is { } existing)
        {
            var change = ReportCondition(existing, present: true);
            return change with { IsDuplicate = true };
        }

        if (newAlarmId == Guid.Empty || _open.ContainsKey(newAlarmId))
        {
            return AlarmChange.Rejected(null, AlarmRejectionCode.InvalidRequest, $"Alarm id {newAlarmId} is empty or already in use.");
        }

        var now = _time.GetUtcNow();
        var raised = new AlarmRaised(newAlarmId, 1, now, AlarmActor.SystemActor, request);
        var snapshot = AlarmSnapshot.Replay([raised]);
        var notified = Notify(snapshot, 0, NotificationReason.Raised, now);
        Track(snapshot.Apply(notified));
        return new AlarmChange(newAlarmId, [raised, notified], null);
    }

    /// <summary>Monitoring reports whether the condition behind an open alarm is present.</summary>
    public AlarmChange ReportCondition(string subjectId, string conditionKey, bool present) =>
        FindOpen(subjectId, conditionKey) is { } alarm
            ? ReportCondition(alarm, present)
            : AlarmChange.Rejected(null, AlarmRejectionCode.NotFound, $"No open alarm for condition '{conditionKey}' of '{subjectId}'.");

    /// <summary>"I own it": the actor takes the alarm; escalation stops.</summary>
    public AlarmChange Acknowledge(Guid alarmId, AlarmActor actor)
    {
        if (Guard(alarmId, actor, "acknowledge") is { } rejection)
        {
            return rejection;
        }

        var alarm = _open[alarmId];
        if (alarm.State == AlarmState.Acknowledged)
        {
            return AlarmChange.Rejected(alarmId, AlarmRejectionCode.AlreadyAcknowledged, $"Alarm {alarmId} is already acknowledged by {alarm.AcknowledgedBy!.Id}.");
        }

        return Commit(alarm, new AlarmAcknowledged(alarmId, alarm.LastSequence + 1, _time.GetUtcNow(), actor));
    }

    /// <summary>
    /// Mutes the alarm for <paramref name="duration"/> (at most <see cref="AlarmOptions.MaxSilence"/>). It
    /// does not clear the condition: when the silence runs out and the condition persists, the current step
    /// is notified again and its escalation timer restarts.
    /// </summary>
    public AlarmChange Silence(Guid alarmId, AlarmActor actor, TimeSpan duration)
    {
        if (Guard(alarmId, actor, "silence") is { } rejection)
        {
            return rejection;
        }

        var alarm = _open[alarmId];
        if (alarm.State == AlarmState.Acknowledged)
        {
            return AlarmChange.Rejected(alarmId, AlarmRejectionCode.InvalidState, $"Alarm {alarmId} is acknowledged and no longer sounds; resolve it instead.");
        }

        if (duration <= TimeSpan.Zero || duration > _options.MaxSilence)
        {
            return AlarmChange.Rejected(alarmId, AlarmRejectionCode.InvalidSilenceDuration, $"A silence must last more than zero and at most {_options.MaxSilence}; {duration} was asked.");
        }

        var now = _time.GetUtcNow();
        return Commit(alarm, new AlarmSilenced(alarmId, alarm.LastSequence + 1, now, actor, now + duration));
    }

    /// <summary>Closes the alarm. A reason is required; <see cref="ResolutionReason.Other"/> also needs a note.</summary>
    public AlarmChange Resolve(Guid alarmId, AlarmActor actor, ResolutionReason reason, string? note)
    {
        if (Guard(alarmId, actor, "resolve") is { } rejection)
        {
            return rejection;
        }

        if (reason == ResolutionReason.Unspecified || !Enum.IsDefined(reason))
        {
            return AlarmChange.Rejected(alarmId, AlarmRejectionCode.ReasonRequired, $"Resolving alarm {alarmId} needs a reason; '{reason}' is not one.");
        }

        if (reason == ResolutionReason.Other && string.IsNullOrWhiteSpace(note))
        {
            return AlarmChange.Rejected(alarmId, AlarmRejectionCode.NoteRequired, $"Resolving alarm {alarmId} with reason 'Other' needs a note saying what happened.");
        }

        var alarm = _open[alarmId];
        var change = Commit(alarm, new AlarmResolved(alarmId, alarm.LastSequence + 1, _time.GetUtcNow(), actor, reason, string.IsNullOrWhiteSpace(note) ? null : note.Trim()));
        Untrack(alarm);
        return change;
    }

    /// <summary>
    /// Performs what is due now: escalations, failsafe repeats and silence ends. If the process was down
    /// past several steps, the alarm goes straight to the step the clock has reached (one notification,
    /// sent now), so nobody waits for steps that already ran out.
    /// </summary>
    public IReadOnlyList<AlarmEvent> Tick()
    {
        var now = _time.GetUtcNow();
        var events = new List<AlarmEvent>();
        foreach (var alarm in _open.Values.OrderBy(a => a.RaisedAt).ThenBy(a => a.AlarmId).ToList())
        {
            var chain = _options.ChainFor(alarm.Priority);
            if (alarm.NextActionDueAt(chain) is not { } due || due > now)
            {
                continue;
            }

            var current = alarm;
            if (current.State == AlarmState.Silenced)
            {
                var ended = new AlarmSilenceEnded(current.AlarmId, current.LastSequence + 1, now, AlarmActor.SystemActor, current.ConditionPresent);
                events.Add(ended);
                current = current.Apply(ended);
                if (current.ConditionPresent)
                {
                    var renotified = Notify(current, current.Step, NotificationReason.Renotified, now);
                    events.Add(renotified);
                    current = current.Apply(renotified);
                }
            }
            else
            {
                var step = current.Step;
                var stepStart = current.StepStartedAt;
                while (step < chain.FailsafeStep && stepStart + chain.TimeoutOf(step) <= now)
                {
                    stepStart += chain.TimeoutOf(step);
                    step++;
                }

                var reason = step == current.Step ? NotificationReason.FailsafeRepeated : NotificationReason.Escalated;
                var notified = Notify(current, step, reason, now);
                events.Add(notified);
                current = current.Apply(notified);
            }

            _open[current.AlarmId] = current;
        }

        return events;
    }

    /// <summary>The earliest time any open alarm needs the engine to act, or null: the host sets its timer (or reminder) to it.</summary>
    public DateTimeOffset? NextDueAt()
    {
        DateTimeOffset? next = null;
        foreach (var alarm in _open.Values)
        {
            if (alarm.NextActionDueAt(_options.ChainFor(alarm.Priority)) is { } due && (next is null || due < next))
            {
                next = due;
            }
        }

        return next;
    }

    private AlarmChange ReportCondition(AlarmSnapshot alarm, bool present)
    {
        if (alarm.ConditionPresent == present)
        {
            return new AlarmChange(alarm.AlarmId, [], null);
        }

        var now = _time.GetUtcNow();
        AlarmEvent e = present
            ? new AlarmConditionReturned(alarm.AlarmId, alarm.LastSequence + 1, now, AlarmActor.SystemActor)
            : new AlarmConditionCleared(alarm.AlarmId, alarm.LastSequence + 1, now, AlarmActor.SystemActor);
        var current = alarm.Apply(e);
        if (present && current.Quiet)
        {
            var notified = Notify(current, current.Step, NotificationReason.ConditionReturned, now);
            _open[alarm.AlarmId] = current.Apply(notified);
            return new AlarmChange(alarm.AlarmId, [e, notified], null);
        }

        _open[alarm.AlarmId] = current;
        return new AlarmChange(alarm.AlarmId, [e], null);
    }

    private AlarmChange? Guard(Guid alarmId, AlarmActor actor, string verb)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (!_open.TryGetValue(alarmId, out _))
        {
            return AlarmChange.Rejected(alarmId, AlarmRejectionCode.NotFound, $"No open alarm {alarmId} to {verb} (unknown or already resolved).");
        }

        return actor.CanActOnAlarms
            ? null
            : AlarmChange.Rejected(alarmId, AlarmRejectionCode.NotAllowedForRole, $"{actor.Id} holds role {actor.Role}, which may not {verb} alarms.");
    }

    private AlarmChange Commit(AlarmSnapshot alarm, AlarmEvent e)
    {
        _open[alarm.AlarmId] = alarm.Apply(e);
        return new AlarmChange(alarm.AlarmId, [e], null);
    }

    private AlarmNotified Notify(AlarmSnapshot alarm, int step, NotificationReason reason, DateTimeOffset now)
    {
        var chain = _options.ChainFor(alarm.Priority);
        var skipped = new List<int>();
        while (true)
        {
            var recipients = Resolve(chain.TargetOf(step), alarm.Request, now);
            if (recipients.Count > 0 || step == chain.FailsafeStep)
            {
                if (recipients.Count == 0)
                {
                    // No failsafe on shift: tell everybody on shift rather than nobody.
                    recipients = [.. _roster.OnShift(now).Select(s => s.StaffId).Distinct(StringComparer.Ordinal)];
                }

                return new AlarmNotified(alarm.AlarmId, alarm.LastSequence + 1, now, AlarmActor.SystemActor, step, reason, recipients, skipped);
            }

            skipped.Add(step);
            step++;
            if (reason == NotificationReason.Raised && step > 0)
            {
                reason = NotificationReason.Escalated;
            }
        }
    }

    private List<string> Resolve(EscalationTarget target, AlarmRequest request, DateTimeOffset now)
    {
        IEnumerable<string> ids = target.Kind switch
        {
            EscalationTargetKind.RoomCaregiver when request.Location.RoomId is { } room => _roster.CoveringRoom(room, now).Select(s => s.StaffId),
            EscalationTargetKind.Role when target.Role is { } role => _roster.OnShiftWithRole(role, now).Select(s => s.StaffId),
            EscalationTargetKind.Staff when target.StaffId is { } id && _roster.IsOnShift(id, now) => [id],
            _ => [],
        };
        return [.. ids.Distinct(StringComparer.Ordinal)];
    }

    private void Track(AlarmSnapshot snapshot)
    {
        _open[snapshot.AlarmId] = snapshot;
        _openByCondition[(snapshot.Request.SubjectId, snapshot.Request.ConditionKey)] = snapshot.AlarmId;
    }

    private void Untrack(AlarmSnapshot snapshot)
    {
        _open.Remove(snapshot.AlarmId);
        _openByCondition.Remove((snapshot.Request.SubjectId, snapshot.Request.ConditionKey));
    }

    private static string? ValidateRequest(AlarmRequest? request)
    {
        if (request is null)
        {
            return "The alarm request is missing.";
        }

        if (string.IsNullOrWhiteSpace(request.SubjectId))
        {
            return "The alarm request has no subject id.";
        }

        if (string.IsNullOrWhiteSpace(request.ConditionKey))
        {
            return "The alarm request has no condition key.";
        }

        if (string.IsNullOrWhiteSpace(request.RuleId))
        {
            return "The alarm request has no rule id.";
        }

        if (!Enum.IsDefined(request.Priority))
        {
            return string.Create(CultureInfo.InvariantCulture, $"Alarm priority {(int)request.Priority} is not high, medium or low.");
        }

        return request.Location is null || request.Evidence is null
            ? "The alarm request needs a location (AlarmLocation.Unknown if none) and an evidence list."
            : null;
    }
}
