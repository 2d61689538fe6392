using System.Globalization;
using CareFleet.Alarms;
using CareFleet.Care.Vitals;

namespace CareFleet.Care.Monitoring;

/// <summary>Where a resident's timers stood, to restore monitoring after a restart.</summary>
/// <param name="LastFullObservationAt">The last complete NEWS2 observation.</param>
/// <param name="LastFrequency">The monitoring frequency that observation set.</param>
/// <param name="LastTurnAt">The last sufficient turn.</param>
public sealed record MonitoringHistory(DateTimeOffset? LastFullObservationAt, ObservationFrequency? LastFrequency, DateTimeOffset? LastTurnAt);

/// <summary>
/// Turns signals (vital signs, bed events, falls, patrol findings, robot faults) into alarm requests and
/// task requests. Pure and deterministic: time comes from the injected clock, outputs are plain records
/// the host persists and hands to the alarm book and the fleet. Per (subject, condition) a condition must
/// persist for its onset delay before it fires, fires once, and stays latched (further signals raise
/// nothing) until the host reports the alarm resolved; after that a new signal starts a new onset. Not
/// thread-safe: one caller at a time (the resident's or home's grain).
/// </summary>
public sealed class MonitoringEngine
{
    private readonly MonitoringOptions _options;
    private readonly TimeProvider _time;
    private readonly Dictionary<string, ResidentState> _residents = new(StringComparer.Ordinal);
    private readonly Dictionary<(string Subject, string Condition), ConditionState> _conditions = [];

    /// <summary>Creates the engine.</summary>
    /// <exception cref="ArgumentException">The options are invalid; the message lists every problem.</exception>
    public MonitoringEngine(MonitoringOptions options, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(time);
        var problems = options.Validate();
        if (problems.Count > 0)
        {
            throw new ArgumentException("Invalid monitoring options: " + string.Join(" ", problems), nameof(options));
        }

        _options = options;
        _time = time;
    }

    /// <summary>The number of residents monitored.</summary>
    public int ResidentCount => _residents.Count;

    /// <summary>The conditions currently tracked (pending or latched).</summary>
    public int TrackedConditionCount => _conditions.Count;

    /// <summary>
    /// Starts (or updates) monitoring a resident. Without history, the first observation is due at once and
    /// the turning clock starts now. Updating keeps the timers and conditions.
    /// </summary>
    public void Register(ResidentMonitoringProfile profile, MonitoringHistory? history = null)
    {
        ArgumentNullException.ThrowIfNull(profile);
        ArgumentException.ThrowIfNullOrWhiteSpace(profile.ResidentId);
        ArgumentException.ThrowIfNullOrWhiteSpace(profile.RoomId);
        var now = _time.GetUtcNow();
        if (_residents.TryGetValue(profile.ResidentId, out var existing))
        {
            existing.Profile = profile;
            return;
        }

        _residents[profile.ResidentId] = new ResidentState(profile)
        {
            RegisteredAt = now,
            LastFullObservationAt = history?.LastFullObservationAt,
            Frequency = history?.LastFrequency ?? ObservationFrequency.TwelveHourly,
            LastTurnAt = history?.LastTurnAt ?? now,
        };
    }

    /// <summary>
    /// After a restart, tells the engine that an alarm for this condition is still open, so the condition
    /// stays latched (no second alarm) and its clearing is reported to the alarm book.
    /// </summary>
    public void RestoreOpenAlarm(string subjectId, string conditionKey)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(subjectId);
        ArgumentException.ThrowIfNullOrWhiteSpace(conditionKey);
        _conditions[(subjectId, conditionKey)] = new ConditionState(_options.OnsetDelayOf(conditionKey)) { Present = true, Latched = true, PendingSince = _time.GetUtcNow() };
    }

    /// <summary>Stops monitoring a resident and forgets their conditions.</summary>
    public void Unregister(string residentId)
    {
        _residents.Remove(residentId);
        foreach (var key in _conditions.Keys.Where(k => k.Subject == residentId).ToList())
        {
            _conditions.Remove(key);
        }
    }

    /// <summary>The last NEWS2 score of a resident, or null.</summary>
    public News2Score? LastScore(string residentId) => _residents.GetValueOrDefault(residentId)?.LastScore;

    /// <summary>
    /// Validates a vital-signs report, scores NEWS2 on the resident's scale and applies the band rules. An
    /// invalid report is never scored. A partial set can raise a band (its score is a lower bound) but
    /// only a complete set clears one and resets the observation schedule.
    /// </summary>
    public MonitoringOutput Observe(VitalSignsReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var now = _time.GetUtcNow();
        var validation = VitalSignsValidator.Validate(report, now);
        if (!validation.IsValid)
        {
            return new MonitoringOutput([], [], [], validation, null, "The vital-signs report was rejected: " + string.Join(" ", validation.Problems.Select(p => p.Message)));
        }

        if (!_residents.TryGetValue(report.ResidentId, out var resident))
        {
            return new MonitoringOutput([], [], [], validation, null, $"Resident '{report.ResidentId}' is not monitored.");
        }

        var vitals = validation.Accepted!;
        var score = News2.Score(vitals, resident.Profile.SpO2Scale);
        var output = new OutputBuilder();

        // Readings arrive late and out of order (robots buffer while offline). Only a reading newer than
        // the last one and young enough to describe the resident now may raise or clear an alarm.
        var current = vitals.EffectiveAt >= (resident.LastReadingAt ?? DateTimeOffset.MinValue) && now - vitals.EffectiveAt <= _options.MaxReadingAgeForAlarms;
        if (current)
        {
            resident.LastReadingAt = vitals.EffectiveAt;
            resident.LastScore = score;
            foreach (var (band, condition) in BandConditions)
            {
                if (!_options.News2Priorities.TryGetValue(band, out var priority))
                {
                    continue;
                }

                var present = score.Band == band && (band != News2Band.Low || score.Total > 0);
                if (present || score.IsComplete)
                {
                    Signal(resident.Profile.ResidentId, condition, present, () => News2Request(resident.Profile, vitals, score, condition, priority, now), pointEvent: false, now, output);
                }
            }
        }

        var observedAt = vitals.EffectiveAt < now ? vitals.EffectiveAt : now;
        if (score.IsComplete && observedAt > (resident.LastFullObservationAt ?? DateTimeOffset.MinValue))
        {
            resident.LastFullObservationAt = observedAt;
            resident.Frequency = score.Frequency;
            resident.ObservationTaskSent = false;
        }

        return output.Build(validation, score);
    }

    /// <summary>Applies a bed event: exits at night, not returned, no motion, turns, sensor state.</summary>
    public MonitoringOutput OnBedEvent(BedEvent bedEvent)
    {
        ArgumentNullException.ThrowIfNull(bedEvent);
        if (!_residents.TryGetValue(bedEvent.ResidentId ?? string.Empty, out var resident))
        {
            return Rejected($"Resident '{bedEvent.ResidentId}' is not monitored.");
        }

        if (!Enum.IsDefined(bedEvent.Kind))
        {
            return Rejected($"Bed event kind {(int)bedEvent.Kind} is not known.");
        }

        var now = _time.GetUtcNow();
        var output = new OutputBuilder();
        var profile = resident.Profile;
        var id = profile.ResidentId;
        var night = _options.IsNight(now);
        var highFallRisk = profile.MorseScore >= _options.MorseHighRiskThreshold;
        if (bedEvent.Kind != BedEventKind.SensorOffline)
        {
            Signal(id, MonitoringConditions.SensorOffline, false, null, false, now, output);
        }

        switch (bedEvent.Kind)
        {
            case BedEventKind.Occupied:
                resident.OutOfBedSince = null;
                Signal(id, MonitoringConditions.BedExitAtNight, false, null, false, now, output);
                Signal(id, MonitoringConditions.NotReturned, false, null, false, now, output);
                break;
            case BedEventKind.EdgeOfBed or BedEventKind.Exit:
                Signal(id, MonitoringConditions.NoMotion, false, null, false, now, output);
                if (bedEvent.Kind == BedEventKind.Exit && night)
                {
                    resident.OutOfBedSince ??= now;
                }

                if (night && highFallRisk)
                {
                    var what = bedEvent.Kind == BedEventKind.Exit ? "out of bed" : "sitting at the edge of the bed";
                    Signal(id, MonitoringConditions.BedExitAtNight, true, () => ResidentRequest(
                        profile, MonitoringConditions.BedExitAtNight, "bed-exit-night-high-fall-risk", $"High fall risk resident {what} at night",
                        [new("bedEvent", bedEvent.Kind.ToString()), new("morse", profile.MorseScore!.Value.ToString(CultureInfo.InvariantCulture), "{score}")],
                        bedEvent.DeviceId, now), false, now, output);
                }

                break;
            case BedEventKind.NoMotion:
                Signal(id, MonitoringConditions.NoMotion, true, () => ResidentRequest(
                    profile, MonitoringConditions.NoMotion, "bed-no-motion", "The bed reports no motion",
                    [new("bedEvent", "NoMotion")], bedEvent.DeviceId, now), false, now, output);
                break;
            case BedEventKind.Turn:
                Signal(id, MonitoringConditions.NoMotion, false, null, false, now, output);
                if (bedEvent.TurnAngleDegrees is { } angle && Math.Abs(angle) >= _options.MinimumTurnAngleDegrees)
                {
                    resident.LastTurnAt = now;
                    resident.RepositionTaskSent = false;
                    Signal(id, MonitoringConditions.RepositionOverdue, false, null, false, now, output);
                }

                break;
            case BedEventKind.SensorOffline:
                Signal(id, MonitoringConditions.SensorOffline, true, () => ResidentRequest(
                    profile, MonitoringConditions.SensorOffline, "bed-sensor-offline", "The bed sensor is offline",
                    [new("bedEvent", "SensorOffline")], bedEvent.DeviceId, now), false, now, output);
                break;
            default:
                break;
        }

        Evaluate(resident, now, output);
        return output.Build();
    }

    /// <summary>A fall: a high-priority alarm and a request for the nearest free robot to stay with the resident.</summary>
    public MonitoringOutput OnFall(FallReport fall)
    {
        ArgumentNullException.ThrowIfNull(fall);
        if (!_residents.TryGetValue(fall.ResidentId ?? string.Empty, out var resident))
        {
            return Rejected($"Resident '{fall.ResidentId}' is not monitored.");
        }

        var now = _time.GetUtcNow();
        var location = fall.Location ?? new AlarmLocation(resident.Profile.RoomId, resident.Profile.BedId);
        return RaiseFall(resident.Profile.ResidentId, location, fall.ReportedBy, "Fall detected", now);
    }

    /// <summary>A patrol finding becomes an alarm with its location and the reporting robot.</summary>
    public MonitoringOutput OnPatrolFinding(PatrolFinding finding)
    {
        ArgumentNullException.ThrowIfNull(finding);
        if (string.IsNullOrWhiteSpace(finding.RobotId) || finding.Location is null)
        {
            return Rejected("A patrol finding needs the reporting robot and a location.");
        }

        var now = _time.GetUtcNow();
        var subject = finding.ResidentId ?? LocationKey(finding.Location);
        if (finding.Kind == PatrolFindingKind.ResidentOnFloor)
        {
            return RaiseFall(subject, finding.Location, finding.RobotId, "Resident found on the floor by a patrol robot", now, finding.ResidentId);
        }

        var (condition, summary) = finding.Kind switch
        {
            PatrolFindingKind.BedEmptyAtNight => (MonitoringConditions.PatrolBedEmpty, "Bed empty at night"),
            PatrolFindingKind.DoorOpen => (MonitoringConditions.PatrolDoorOpen, "Door open"),
            PatrolFindingKind.WetFloor => (MonitoringConditions.PatrolWetFloor, "Wet floor"),
            PatrolFindingKind.WanderingResident => (MonitoringConditions.PatrolWandering, "Resident wandering"),
            _ => (string.Empty, string.Empty),
        };
        if (condition.Length == 0)
        {
            return Rejected($"Patrol finding kind {(int)finding.Kind} is not known.");
        }

        var output = new OutputBuilder();
        Signal(subject, condition, true, () => new AlarmRequest(
            subject, finding.ResidentId, condition, "patrol-" + condition["patrol.".Length..], _options.PriorityOf(condition), finding.Location, summary,
            [new("patrolFinding", finding.Kind.ToString())], now, finding.RobotId), pointEvent: true, now, output);
        return output.Build();
    }

    /// <summary>A robot fault becomes an alarm about the robot (High when it was working with a resident).</summary>
    public MonitoringOutput OnRobotFault(RobotFault fault)
    {
        ArgumentNullException.ThrowIfNull(fault);
        if (string.IsNullOrWhiteSpace(fault.RobotId) || fault.Location is null)
        {
            return Rejected("A robot fault needs the robot id and a location (AlarmLocation.Unknown if none).");
        }

        var condition = fault.Kind switch
        {
            RobotFaultKind.FatalError => MonitoringConditions.RobotFatalError,
            RobotFaultKind.Stuck => MonitoringConditions.RobotStuck,
            RobotFaultKind.OfflineDuringTask => MonitoringConditions.RobotOffline,
            _ => null,
        };
        if (condition is null)
        {
            return Rejected($"Robot fault kind {(int)fault.Kind} is not known.");
        }

        var now = _time.GetUtcNow();
        var priority = fault.ResidentId is null ? _options.PriorityOf(condition) : AlarmPriority.High;
        List<AlarmEvidence> evidence = [new("fault", fault.Kind.ToString()), new("detail", fault.Detail ?? string.Empty)];
        if (fault.TaskId is not null)
        {
            evidence.Add(new("taskId", fault.TaskId));
        }

        var output = new OutputBuilder();
        Signal(fault.RobotId, condition, true, () => new AlarmRequest(
            fault.RobotId, fault.ResidentId, condition, "robot-" + condition["robot.".Length..], priority, fault.Location,
            fault.ResidentId is null ? $"Robot fault: {fault.Kind}" : $"Robot fault while working with a resident: {fault.Kind}",
            evidence, now, fault.RobotId), pointEvent: false, now, output);
        return output.Build();
    }

    /// <summary>The robot works again: its fault conditions clear (open alarms stay until resolved).</summary>
    public MonitoringOutput OnRobotRecovered(string robotId)
    {
        var now = _time.GetUtcNow();
        var output = new OutputBuilder();
        foreach (var condition in (string[])[MonitoringConditions.RobotFatalError, MonitoringConditions.RobotStuck, MonitoringConditions.RobotOffline])
        {
            Signal(robotId, condition, false, null, false, now, output);
        }

        return output.Build();
    }

    /// <summary>
    /// The host reports that the alarm for a condition was resolved: the latch opens, and the condition must
    /// be signalled again (and persist for its onset delay) to raise a new alarm.
    /// </summary>
    public void AlarmResolved(string subjectId, string conditionKey) => _conditions.Remove((subjectId, conditionKey));

    /// <summary>
    /// Runs the timers: onset delays that have run out, residents not back in bed, overdue turns (a task,
    /// then an alarm) and overdue observations (a task for the bed robot, else for staff).
    /// </summary>
    public MonitoringOutput Tick()
    {
        var now = _time.GetUtcNow();
        var output = new OutputBuilder();
        foreach (var resident in _residents.Values)
        {
            Evaluate(resident, now, output);
        }

        foreach (var state in _conditions.Values)
        {
            TryFire(state, now, output);
        }

        return output.Build();
    }

    private static readonly (News2Band Band, string Condition)[] BandConditions =
    [
        (News2Band.High, MonitoringConditions.News2High),
        (News2Band.Medium, MonitoringConditions.News2Medium),
        (News2Band.LowMedium, MonitoringConditions.News2LowMedium),
        (News2Band.Low, MonitoringConditions.News2Low),
    ];

    private void Evaluate(ResidentState resident, DateTimeOffset now, OutputBuilder output)
    {
        var profile = resident.Profile;
        var location = new AlarmLocation(profile.RoomId, profile.BedId);
        if (resident.OutOfBedSince is { } since && now - since >= _options.NotReturnedAfter)
        {
            Signal(profile.ResidentId, MonitoringConditions.NotReturned, true, () => ResidentRequest(
                profile, MonitoringConditions.NotReturned, "bed-not-returned", "Out of bed at night and not back",
                [new("outOfBedSince", since.ToString("O", CultureInfo.InvariantCulture)), new("minutesOut", ((int)(now - since).TotalMinutes).ToString(CultureInfo.InvariantCulture), "min")],
                null, now), false, now, output);
        }

        if (_options.RepositionIntervalFor(profile) is { } interval)
        {
            var due = resident.LastTurnAt + interval;
            if (now >= due && !resident.RepositionTaskSent)
            {
                resident.RepositionTaskSent = true;
                output.Tasks.Add(new CareTaskRequest(
                    CareTaskKind.Reposition, profile.ResidentId, TaskPerformer.TransferAssistRobot, due, profile.TurnNeedsCaregiver, location,
                    string.Create(CultureInfo.InvariantCulture, $"Turn due every {interval.TotalMinutes} min; last turn {resident.LastTurnAt:O}")));
            }

            if (now >= due + _options.RepositionAlarmAfterDue)
            {
                Signal(profile.ResidentId, MonitoringConditions.RepositionOverdue, true, () => ResidentRequest(
                    profile, MonitoringConditions.RepositionOverdue, "reposition-overdue", "Turn overdue",
                    [new("lastTurnAt", resident.LastTurnAt.ToString("O", CultureInfo.InvariantCulture)), new("intervalMinutes", interval.TotalMinutes.ToString(CultureInfo.InvariantCulture), "min")],
                    null, now), false, now, output);
            }
        }

        var observationDue = resident.LastFullObservationAt is { } last
            ? ObservationSchedule.NextDue(last, resident.Frequency, _options.Observations)
            : resident.RegisteredAt;
        if (now >= observationDue && !resident.ObservationTaskSent)
        {
            resident.ObservationTaskSent = true;
            output.Tasks.Add(new CareTaskRequest(
                CareTaskKind.TakeObservations, profile.ResidentId, profile.HasBedRobot ? TaskPerformer.BedRobot : TaskPerformer.Staff, observationDue, false, location,
                resident.LastFullObservationAt is null ? "No NEWS2 observation on record" : $"NEWS2 observations due ({resident.Frequency})"));
        }
    }

    private MonitoringOutput RaiseFall(string subject, AlarmLocation location, string reportedBy, string summary, DateTimeOffset now, string? residentId = null)
    {
        residentId ??= _residents.ContainsKey(subject) ? subject : null;
        var output = new OutputBuilder();
        Signal(subject, MonitoringConditions.Fall, true, () => new AlarmRequest(
            subject, residentId, MonitoringConditions.Fall, "fall", _options.PriorityOf(MonitoringConditions.Fall), location, summary,
            [new("reportedBy", reportedBy)], now, reportedBy), pointEvent: true, now, output);
        if (output.Alarms.Count > 0)
        {
            output.Tasks.Add(new CareTaskRequest(CareTaskKind.StayWithResident, residentId, TaskPerformer.NearestFreeRobot, now, false, location, summary));
        }

        return output.Build();
    }

    private void Signal(string subject, string condition, bool present, Func<AlarmRequest>? request, bool pointEvent, DateTimeOffset now, OutputBuilder output)
    {
        var key = (subject, condition);
        _conditions.TryGetValue(key, out var state);
        if (!present)
        {
            if (state is null)
            {
                return;
            }

            if (state.Present)
            {
                state.Present = false;
                if (state.Latched)
                {
                    output.Changes.Add(new ConditionChange(subject, condition, false, now));
                }
            }

            if (!state.Latched)
            {
                _conditions.Remove(key);
            }

            return;
        }

        if (state is null)
        {
            state = new ConditionState(_options.OnsetDelayOf(condition));
            _conditions[key] = state;
        }

        state.Template = request!();
        if (!state.Present)
        {
            state.Present = true;
            state.PendingSince = now;
            if (state.Latched && !pointEvent)
            {
                output.Changes.Add(new ConditionChange(subject, condition, true, now));
            }
        }

        TryFire(state, now, output);
        if (pointEvent && state.Latched)
        {
            // A point event (a fall, a finding) is over once reported; the latch alone keeps it one alarm.
            state.Present = false;
        }
    }

    private static void TryFire(ConditionState state, DateTimeOffset now, OutputBuilder output)
    {
        if (state.Latched || !state.Present || now - state.PendingSince < state.OnsetDelay)
        {
            return;
        }

        state.Latched = true;
        output.Alarms.Add(state.Template! with { DetectedAt = now });
    }

    private static AlarmRequest News2Request(ResidentMonitoringProfile profile, VitalSigns vitals, News2Score score, string condition, AlarmPriority priority, DateTimeOffset now)
    {
        var evidence = new List<AlarmEvidence>(12)
        {
            new("news2.total", score.Total.ToString(CultureInfo.InvariantCulture), VitalSignCodes.Score),
            new("news2.band", score.Band.ToString()),
            new("news2.scale", score.Scale.ToString()),
            new("news2.complete", score.IsComplete ? "true" : "false"),
        };
        AddReading(evidence, "respiratoryRate", vitals.RespiratoryRate, VitalSignCodes.PerMinute);
        AddReading(evidence, "spO2", vitals.SpO2, VitalSignCodes.Percent);
        if (vitals.OnSupplementalOxygen is { } o2)
        {
            evidence.Add(new("supplementalOxygen", o2 ? "true" : "false"));
        }

        if (vitals.OxygenFlowLitresPerMinute is { } flow)
        {
            evidence.Add(new("oxygenFlow", flow.ToString(CultureInfo.InvariantCulture), VitalSignCodes.LitresPerMinute));
        }

        AddReading(evidence, "systolic", vitals.Systolic, VitalSignCodes.MillimetresOfMercury);
        AddReading(evidence, "heartRate", vitals.HeartRate, VitalSignCodes.PerMinute);
        if (vitals.TemperatureCelsius is { } t)
        {
            evidence.Add(new("temperature", t.ToString("0.0", CultureInfo.InvariantCulture), VitalSignCodes.Celsius));
        }

        if (vitals.Consciousness is { } c)
        {
            evidence.Add(new("consciousness", c.ToString()));
        }

        var summary = string.Create(CultureInfo.InvariantCulture, $"NEWS2 {score.Total}{(score.IsComplete ? string.Empty : "+ (partial)")}, {score.Band} band: {score.ClinicalResponse}");
        return new AlarmRequest(profile.ResidentId, profile.ResidentId, condition, "news2-band", priority, new AlarmLocation(profile.RoomId, profile.BedId), summary, evidence, now, vitals.DeviceId);
    }

    private static void AddReading(List<AlarmEvidence> evidence, string name, int? value, string unit)
    {
        if (value is { } v)
        {
            evidence.Add(new(name, v.ToString(CultureInfo.InvariantCulture), unit));
        }
    }

    private AlarmRequest ResidentRequest(ResidentMonitoringProfile profile, string condition, string rule, string summary, IReadOnlyList<AlarmEvidence> evidence, string? reportedBy, DateTimeOffset now) =>
        new(profile.ResidentId, profile.ResidentId, condition, rule, _options.PriorityOf(condition), new AlarmLocation(profile.RoomId, profile.BedId), summary, evidence, now, reportedBy);

    private static string LocationKey(AlarmLocation location) =>
        location.RoomId ?? location.AreaId ?? (location.X is { } x && location.Y is { } y
            ? string.Create(CultureInfo.InvariantCulture, $"map:{x:0.0},{y:0.0}")
            : "unknown-location");

    private static MonitoringOutput Rejected(string reason) => new([], [], [], Rejection: reason);

    private sealed class ResidentState(ResidentMonitoringProfile profile)
    {
        public ResidentMonitoringProfile Profile { get; set; } = profile;

        public DateTimeOffset RegisteredAt { get; init; }

        public DateTimeOffset? LastFullObservationAt { get; set; }

        public ObservationFrequency Frequency { get; set; }

        public bool ObservationTaskSent { get; set; }

        public DateTimeOffset LastTurnAt { get; set; }

        public bool RepositionTaskSent { get; set; }

        public DateTimeOffset? OutOfBedSince { get; set; }

        public News2Score? LastScore { get; set; }

        public DateTimeOffset? LastReadingAt { get; set; }
    }

    private sealed class ConditionState(TimeSpan onsetDelay)
    {
        public TimeSpan OnsetDelay { get; } = onsetDelay;

        public bool Present { get; set; }

        public DateTimeOffset PendingSince { get; set; }

        public bool Latched { get; set; }

        public AlarmRequest? Template { get; set; }
    }

    private sealed class OutputBuilder
    {
        public List<AlarmRequest> Alarms { get; } = [];

        public List<ConditionChange> Changes { get; } = [];

        public List<CareTaskRequest> Tasks { get; } = [];

        public MonitoringOutput Build(VitalSignsValidation? validation = null, News2Score? score = null) =>
            Alarms.Count == 0 && Changes.Count == 0 && Tasks.Count == 0 && validation is null && score is null
                ? MonitoringOutput.None
                : new MonitoringOutput(Alarms, Changes, Tasks, validation, score);
    }
}
