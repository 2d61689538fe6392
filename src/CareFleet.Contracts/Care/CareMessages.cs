using System.Text.Json.Serialization;

namespace CareFleet.Contracts.Care;

/// <summary>A measured value with its UCUM unit, e.g. <c>{"value": 96, "unit": "%"}</c>.</summary>
/// <param name="Value">The number as measured.</param>
/// <param name="Unit">The UCUM unit code: <c>/min</c>, <c>%</c>, <c>mm[Hg]</c>, <c>Cel</c>, <c>[degF]</c>, <c>L/min</c>.</param>
public sealed record CareQuantity(decimal Value, string Unit);

/// <summary>
/// A set of vital signs for one resident, published by a bed robot, wearable or spot-check device on
/// <c>carefleet/v1/robots/{manufacturer}/{serialNumber}/vitals</c>. Every parameter is optional, but at
/// least one must be present. Clinical plausibility (an SpO2 of 140 %, a negative heart rate) is checked
/// by CareFleet after this structural check, with the parameter named in the rejection.
/// </summary>
public sealed record VitalSignsMessage
{
    /// <summary>Per-topic message counter of the sender, +1 per message (as in VDA 5050).</summary>
    public required long HeaderId { get; init; }

    /// <summary>When the values were measured (ISO 8601 with offset, UTC recommended).</summary>
    public required DateTimeOffset Timestamp { get; init; }

    /// <summary>The home's resident identifier, e.g. <c>R-0001</c>.</summary>
    public required string ResidentId { get; init; }

    /// <summary>The sensor or device within the robot, when the robot has several.</summary>
    public string? DeviceId { get; init; }

    /// <summary>Respiration rate in <c>/min</c>.</summary>
    public CareQuantity? RespiratoryRate { get; init; }

    /// <summary>Oxygen saturation in <c>%</c>.</summary>
    public CareQuantity? SpO2 { get; init; }

    /// <summary>Whether the resident breathes supplemental oxygen (NEWS2 "air or oxygen").</summary>
    public bool? SupplementalOxygen { get; init; }

    /// <summary>Oxygen flow in <c>L/min</c>, when on oxygen.</summary>
    public CareQuantity? OxygenFlow { get; init; }

    /// <summary>Systolic blood pressure in <c>mm[Hg]</c>.</summary>
    public CareQuantity? Systolic { get; init; }

    /// <summary>Diastolic blood pressure in <c>mm[Hg]</c>.</summary>
    public CareQuantity? Diastolic { get; init; }

    /// <summary>Pulse rate in <c>/min</c>.</summary>
    public CareQuantity? HeartRate { get; init; }

    /// <summary>Temperature in <c>Cel</c> or <c>[degF]</c>.</summary>
    public CareQuantity? Temperature { get; init; }

    /// <summary>ACVPU level: <c>A</c>, <c>C</c> (new confusion), <c>V</c>, <c>P</c> or <c>U</c>.</summary>
    public string? Consciousness { get; init; }
}

/// <summary>What a bed sensor, bed robot or wearable reports about a resident's movement.</summary>
[JsonConverter(typeof(StrictEnumConverter<BedEventType>))]
public enum BedEventType
{
    /// <summary>The resident is in bed.</summary>
    [JsonStringEnumMemberName("occupied")] Occupied,

    /// <summary>The resident sits at the edge of the bed.</summary>
    [JsonStringEnumMemberName("edgeOfBed")] EdgeOfBed,

    /// <summary>The resident left the bed.</summary>
    [JsonStringEnumMemberName("exit")] Exit,

    /// <summary>No motion for the sensor's configured time.</summary>
    [JsonStringEnumMemberName("noMotion")] NoMotion,

    /// <summary>A change of position; <see cref="BedEventMessage.TurnAngleDegrees"/> is required.</summary>
    [JsonStringEnumMemberName("turn")] Turn,

    /// <summary>The bed's sensor stopped reporting.</summary>
    [JsonStringEnumMemberName("sensorOffline")] SensorOffline,

    /// <summary>The bed's sensor reports again.</summary>
    [JsonStringEnumMemberName("sensorOnline")] SensorOnline,

    /// <summary>A fall was detected (bed robot, wearable or camera).</summary>
    [JsonStringEnumMemberName("fall")] Fall,
}

/// <summary>A bed or movement event, published on <c>carefleet/v1/robots/{manufacturer}/{serialNumber}/bed</c>.</summary>
public sealed record BedEventMessage
{
    /// <summary>Per-topic message counter of the sender.</summary>
    public required long HeaderId { get; init; }

    /// <summary>When it happened.</summary>
    public required DateTimeOffset Timestamp { get; init; }

    /// <summary>The resident.</summary>
    public required string ResidentId { get; init; }

    /// <summary>What happened.</summary>
    public required BedEventType Event { get; init; }

    /// <summary>The lateral tilt change of a turn, in degrees (0–180); required for <c>turn</c>.</summary>
    public double? TurnAngleDegrees { get; init; }

    /// <summary>The sensor within the robot, when it has several.</summary>
    public string? DeviceId { get; init; }
}

/// <summary>What a patrol robot found.</summary>
[JsonConverter(typeof(StrictEnumConverter<PatrolFindingType>))]
public enum PatrolFindingType
{
    /// <summary>A person lying on the floor.</summary>
    [JsonStringEnumMemberName("residentOnFloor")] ResidentOnFloor,

    /// <summary>A bed empty at night.</summary>
    [JsonStringEnumMemberName("bedEmptyAtNight")] BedEmptyAtNight,

    /// <summary>A door open that should be closed.</summary>
    [JsonStringEnumMemberName("doorOpen")] DoorOpen,

    /// <summary>A wet floor.</summary>
    [JsonStringEnumMemberName("wetFloor")] WetFloor,

    /// <summary>A resident wandering.</summary>
    [JsonStringEnumMemberName("wanderingResident")] WanderingResident,
}

/// <summary>Where a finding was made; at least a room, an area or a position.</summary>
/// <param name="RoomId">The room, as on the home map.</param>
/// <param name="AreaId">A corridor or zone of the home map.</param>
/// <param name="X">Map x in metres.</param>
/// <param name="Y">Map y in metres.</param>
public sealed record FindingLocation(string? RoomId = null, string? AreaId = null, double? X = null, double? Y = null);

/// <summary>A patrol finding, published on <c>carefleet/v1/robots/{manufacturer}/{serialNumber}/findings</c>.</summary>
public sealed record PatrolFindingMessage
{
    /// <summary>Per-topic message counter of the sender.</summary>
    public required long HeaderId { get; init; }

    /// <summary>When it was seen.</summary>
    public required DateTimeOffset Timestamp { get; init; }

    /// <summary>What was found.</summary>
    public required PatrolFindingType Finding { get; init; }

    /// <summary>Where.</summary>
    public required FindingLocation Location { get; init; }

    /// <summary>The resident, when the robot recognised them.</summary>
    public string? ResidentId { get; init; }
}

/// <summary>Enums on the care topics travel as their documented strings only; a number is refused.</summary>
/// <typeparam name="TEnum">The enum.</typeparam>
public sealed class StrictEnumConverter<TEnum>() : JsonStringEnumConverter<TEnum>(namingPolicy: null, allowIntegerValues: false)
    where TEnum : struct, Enum;
