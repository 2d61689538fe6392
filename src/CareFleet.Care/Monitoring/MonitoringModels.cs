using CareFleet.Alarms;
using CareFleet.Care.Vitals;

namespace CareFleet.Care.Monitoring;

/// <summary>What monitoring needs to know about a resident, from the care record.</summary>
/// <param name="ResidentId">The resident.</param>
/// <param name="RoomId">The room, for routing alarms to the caregiver covering it.</param>
/// <param name="BedId">The bed, when known.</param>
/// <param name="SpO2Scale">NEWS2 SpO2 scale (Scale 2 only on a clinician's decision).</param>
/// <param name="MorseScore">Morse Fall Scale total (0–125), when assessed.</param>
/// <param name="BradenScore">Braden Scale total (6–23), when assessed.</param>
/// <param name="RepositionInterval">The care plan's turning interval; overrides the Braden default.</param>
/// <param name="HasBedRobot">Whether a bed robot can take observations (else staff do).</param>
/// <param name="TurnNeedsCaregiver">The care plan asks for a caregiver present when the transfer-assist robot turns the resident.</param>
public sealed record ResidentMonitoringProfile(
    string ResidentId,
    string RoomId,
    string? BedId = null,
    SpO2Scale SpO2Scale = SpO2Scale.Scale1,
    int? MorseScore = null,
    int? BradenScore = null,
    TimeSpan? RepositionInterval = null,
    bool HasBedRobot = false,
    bool TurnNeedsCaregiver = false);

/// <summary>What a bed sensor or bed robot reports.</summary>
public enum BedEventKind
{
    /// <summary>The resident is in bed.</summary>
    Occupied = 1,

    /// <summary>The resident sits at the edge of the bed (an exit is likely).</summary>
    EdgeOfBed = 2,

    /// <summary>The resident left the bed.</summary>
    Exit = 3,

    /// <summary>No motion detected for the sensor's configured time.</summary>
    NoMotion = 4,

    /// <summary>A change of position, with its angle.</summary>
    Turn = 5,

    /// <summary>The sensor stopped reporting.</summary>
    SensorOffline = 6,

    /// <summary>The sensor reports again.</summary>
    SensorOnline = 7,
}

/// <summary>A bed event. <paramref name="TurnAngleDegrees"/> is the lateral tilt change of a turn.</summary>
public sealed record BedEvent(string ResidentId, BedEventKind Kind, string? DeviceId = null, double? TurnAngleDegrees = null);

/// <summary>What a patrol robot found.</summary>
public enum PatrolFindingKind
{
    /// <summary>A resident lying on the floor.</summary>
    ResidentOnFloor = 1,

    /// <summary>A bed empty at night.</summary>
    BedEmptyAtNight = 2,

    /// <summary>A door open that should be closed.</summary>
    DoorOpen = 3,

    /// <summary>A wet floor.</summary>
    WetFloor = 4,

    /// <summary>A resident wandering.</summary>
    WanderingResident = 5,
}

/// <summary>A patrol finding with where it was and which robot reported it.</summary>
public sealed record PatrolFinding(PatrolFindingKind Kind, string RobotId, AlarmLocation Location, string? ResidentId = null);

/// <summary>A fall reported by a bed robot, wearable or camera.</summary>
public sealed record FallReport(string ResidentId, string ReportedBy, AlarmLocation? Location = null);

/// <summary>A robot fault reported by the fleet.</summary>
public enum RobotFaultKind
{
    /// <summary>A VDA 5050 error with level FATAL.</summary>
    FatalError = 1,

    /// <summary>The robot cannot move on.</summary>
    Stuck = 2,

    /// <summary>The robot's connection dropped while it had a task.</summary>
    OfflineDuringTask = 3,
}

/// <summary>A robot fault. <paramref name="ResidentId"/> is set when the robot was working with a resident.</summary>
public sealed record RobotFault(string RobotId, RobotFaultKind Kind, AlarmLocation Location, string Detail, string? TaskId = null, string? ResidentId = null);

/// <summary>What kind of care task monitoring asks for.</summary>
public enum CareTaskKind
{
    /// <summary>Take a full set of NEWS2 observations.</summary>
    TakeObservations = 1,

    /// <summary>Turn the resident.</summary>
    Reposition = 2,

    /// <summary>Go to the resident and stay until staff arrive.</summary>
    StayWithResident = 3,
}

/// <summary>Who should do a task.</summary>
public enum TaskPerformer
{
    /// <summary>The resident's bed robot.</summary>
    BedRobot = 1,

    /// <summary>A transfer-assist robot.</summary>
    TransferAssistRobot = 2,

    /// <summary>The nearest free robot.</summary>
    NearestFreeRobot = 3,

    /// <summary>Staff.</summary>
    Staff = 4,
}

/// <summary>A task monitoring asks the host to create (for the fleet or for staff). <paramref name="ResidentId"/> is null for a person found on the floor who is not yet identified.</summary>
public sealed record CareTaskRequest(
    CareTaskKind Kind,
    string? ResidentId,
    TaskPerformer Performer,
    DateTimeOffset DueAt,
    bool RequiresCaregiverPresent,
    AlarmLocation Location,
    string Reason);

/// <summary>A condition behind a raised alarm came or went; the host passes it to the alarm book.</summary>
public sealed record ConditionChange(string SubjectId, string ConditionKey, bool Present, DateTimeOffset At);

/// <summary>
/// What one input produced: alarm requests to raise, condition changes of alarms already raised, tasks,
/// and for vital signs the validation and the NEWS2 score. <see cref="Rejection"/> says why an input was
/// not processed at all.
/// </summary>
public sealed record MonitoringOutput(
    IReadOnlyList<AlarmRequest> Alarms,
    IReadOnlyList<ConditionChange> ConditionChanges,
    IReadOnlyList<CareTaskRequest> Tasks,
    VitalSignsValidation? Validation = null,
    News2Score? Score = null,
    string? Rejection = null)
{
    /// <summary>Nothing happened.</summary>
    public static MonitoringOutput None { get; } = new([], [], []);
}

/// <summary>The rules and condition keys monitoring raises alarms for.</summary>
public static class MonitoringConditions
{
    /// <summary>NEWS2 in the high band (≥7).</summary>
    public const string News2High = "news2.high";

    /// <summary>NEWS2 in the medium band (5–6).</summary>
    public const string News2Medium = "news2.medium";

    /// <summary>NEWS2 low–medium: a single parameter scoring 3.</summary>
    public const string News2LowMedium = "news2.low-medium";

    /// <summary>NEWS2 low band with a score above zero (no alarm by default).</summary>
    public const string News2Low = "news2.low";

    /// <summary>A resident at high fall risk at the edge of the bed or out of bed at night.</summary>
    public const string BedExitAtNight = "bed.exit-night";

    /// <summary>Out of bed at night and not back within the configured time.</summary>
    public const string NotReturned = "bed.not-returned";

    /// <summary>The bed reports no motion.</summary>
    public const string NoMotion = "bed.no-motion";

    /// <summary>The bed sensor is offline.</summary>
    public const string SensorOffline = "bed.sensor-offline";

    /// <summary>A fall (reported by a sensor or found by a patrol).</summary>
    public const string Fall = "fall";

    /// <summary>A turn is overdue beyond the grace period.</summary>
    public const string RepositionOverdue = "reposition.overdue";

    /// <summary>A bed empty at night, found on patrol.</summary>
    public const string PatrolBedEmpty = "patrol.bed-empty-night";

    /// <summary>A door open, found on patrol.</summary>
    public const string PatrolDoorOpen = "patrol.door-open";

    /// <summary>A wet floor, found on patrol.</summary>
    public const string PatrolWetFloor = "patrol.wet-floor";

    /// <summary>A wandering resident, found on patrol.</summary>
    public const string PatrolWandering = "patrol.wandering";

    /// <summary>A robot's FATAL error.</summary>
    public const string RobotFatalError = "robot.fatal-error";

    /// <summary>A stuck robot.</summary>
    public const string RobotStuck = "robot.stuck";

    /// <summary>A robot offline during a task.</summary>
    public const string RobotOffline = "robot.offline-during-task";
}
