using System.Text.Json.Serialization;

namespace CareFleet.Contracts.Vda5050;

/// <summary>How an action may run alongside driving and other actions (VDA 5050 §6.8).</summary>
public enum BlockingType
{
    /// <summary>Runs in parallel with other actions and with driving.</summary>
    [JsonStringEnumMemberName("NONE")] None,

    /// <summary>Runs in parallel with other actions, but the AGV must not drive.</summary>
    [JsonStringEnumMemberName("SOFT")] Soft,

    /// <summary>Runs alone and the AGV must not drive.</summary>
    [JsonStringEnumMemberName("HARD")] Hard,
}

/// <summary>Progress of an action as reported in <c>state.actionStates</c>.</summary>
public enum ActionStatus
{
    /// <summary>Received, not started.</summary>
    [JsonStringEnumMemberName("WAITING")] Waiting,

    /// <summary>Being prepared.</summary>
    [JsonStringEnumMemberName("INITIALIZING")] Initializing,

    /// <summary>Running.</summary>
    [JsonStringEnumMemberName("RUNNING")] Running,

    /// <summary>Paused by <c>startPause</c>. Named in the spec text; the 2.1 schema's enum omits it.</summary>
    [JsonStringEnumMemberName("PAUSED")] Paused,

    /// <summary>Finished successfully; the result is in <c>resultDescription</c>.</summary>
    [JsonStringEnumMemberName("FINISHED")] Finished,

    /// <summary>Failed or was cancelled.</summary>
    [JsonStringEnumMemberName("FAILED")] Failed,
}

/// <summary>Who controls the AGV. The master control may command only in <see cref="Automatic"/> and <see cref="Semiautomatic"/>.</summary>
public enum OperatingMode
{
    /// <summary>Master control in full control.</summary>
    [JsonStringEnumMemberName("AUTOMATIC")] Automatic,

    /// <summary>Master control in control; speed may be set by a person.</summary>
    [JsonStringEnumMemberName("SEMIAUTOMATIC")] Semiautomatic,

    /// <summary>Driven by hand; the master control must not send orders.</summary>
    [JsonStringEnumMemberName("MANUAL")] Manual,

    /// <summary>Under service; the master control must not send orders.</summary>
    [JsonStringEnumMemberName("SERVICE")] Service,

    /// <summary>Being taught; the master control must not send orders.</summary>
    [JsonStringEnumMemberName("TEACHIN")] Teachin,
}

/// <summary>Severity of an AGV error.</summary>
public enum ErrorLevel
{
    /// <summary>The AGV can continue; the warning clears itself.</summary>
    [JsonStringEnumMemberName("WARNING")] Warning,

    /// <summary>The AGV cannot continue; a person is needed.</summary>
    [JsonStringEnumMemberName("FATAL")] Fatal,
}

/// <summary>Level of an information entry (never to drive master-control logic).</summary>
public enum InfoLevel
{
    /// <summary>Informational.</summary>
    [JsonStringEnumMemberName("INFO")] Info,

    /// <summary>Debugging aid.</summary>
    [JsonStringEnumMemberName("DEBUG")] Debug,
}

/// <summary>Emergency-stop state.</summary>
public enum EStop
{
    /// <summary>Auto-acknowledgeable stop (e.g. a bumper).</summary>
    [JsonStringEnumMemberName("AUTOACK")] AutoAck,

    /// <summary>Must be acknowledged on the AGV.</summary>
    [JsonStringEnumMemberName("MANUAL")] Manual,

    /// <summary>Triggered or acknowledged remotely.</summary>
    [JsonStringEnumMemberName("REMOTE")] Remote,

    /// <summary>No emergency stop.</summary>
    [JsonStringEnumMemberName("NONE")] None,
}

/// <summary>State on the <c>connection</c> topic.</summary>
public enum ConnectionState
{
    /// <summary>Connected.</summary>
    [JsonStringEnumMemberName("ONLINE")] Online,

    /// <summary>Disconnected gracefully.</summary>
    [JsonStringEnumMemberName("OFFLINE")] Offline,

    /// <summary>Published by the broker as the last will: the connection dropped.</summary>
    [JsonStringEnumMemberName("CONNECTIONBROKEN")] ConnectionBroken,
}

/// <summary>How an edge's orientation is interpreted.</summary>
public enum OrientationType
{
    /// <summary>Relative to the global project coordinate system.</summary>
    [JsonStringEnumMemberName("GLOBAL")] Global,

    /// <summary>Tangential to the edge.</summary>
    [JsonStringEnumMemberName("TANGENTIAL")] Tangential,
}

/// <summary>Reference point of an edge corridor (2.1).</summary>
public enum CorridorReferencePoint
{
    /// <summary>The kinematic centre stays inside the corridor.</summary>
    [JsonStringEnumMemberName("KINEMATICCENTER")] KinematicCenter,

    /// <summary>The whole contour stays inside the corridor.</summary>
    [JsonStringEnumMemberName("CONTOUR")] Contour,
}

/// <summary>Status of a map on the AGV (2.1).</summary>
public enum MapStatus
{
    /// <summary>In use.</summary>
    [JsonStringEnumMemberName("ENABLED")] Enabled,

    /// <summary>Stored, not in use.</summary>
    [JsonStringEnumMemberName("DISABLED")] Disabled,
}

/// <summary>Kinematics of the AGV.</summary>
public enum AgvKinematic
{
    /// <summary>Differential drive.</summary>
    [JsonStringEnumMemberName("DIFF")] Diff,

    /// <summary>Omnidirectional.</summary>
    [JsonStringEnumMemberName("OMNI")] Omni,

    /// <summary>Three-wheel.</summary>
    [JsonStringEnumMemberName("THREEWHEEL")] ThreeWheel,
}

/// <summary>Class of AGV. The spec's classes are transport-centric; care robots declare <see cref="Carrier"/>.</summary>
public enum AgvClass
{
    /// <summary>Forklift.</summary>
    [JsonStringEnumMemberName("FORKLIFT")] Forklift,

    /// <summary>Conveyor.</summary>
    [JsonStringEnumMemberName("CONVEYOR")] Conveyor,

    /// <summary>Tugger.</summary>
    [JsonStringEnumMemberName("TUGGER")] Tugger,

    /// <summary>Carrier (used by CareFleet care robots).</summary>
    [JsonStringEnumMemberName("CARRIER")] Carrier,
}

/// <summary>Localization technique.</summary>
public enum LocalizationType
{
    /// <summary>Natural landmarks.</summary>
    [JsonStringEnumMemberName("NATURAL")] Natural,

    /// <summary>Reflectors.</summary>
    [JsonStringEnumMemberName("REFLECTOR")] Reflector,

    /// <summary>RFID tags.</summary>
    [JsonStringEnumMemberName("RFID")] Rfid,

    /// <summary>Data-matrix codes.</summary>
    [JsonStringEnumMemberName("DMC")] Dmc,

    /// <summary>Magnetic spots.</summary>
    [JsonStringEnumMemberName("SPOT")] Spot,

    /// <summary>Grid.</summary>
    [JsonStringEnumMemberName("GRID")] Grid,
}

/// <summary>Navigation technique.</summary>
public enum NavigationType
{
    /// <summary>Physically line-guided.</summary>
    [JsonStringEnumMemberName("PHYSICAL_LINE_GUIDED")] PhysicalLineGuided,

    /// <summary>Virtually line-guided.</summary>
    [JsonStringEnumMemberName("VIRTUAL_LINE_GUIDED")] VirtualLineGuided,

    /// <summary>Free navigation.</summary>
    [JsonStringEnumMemberName("AUTONOMOUS")] Autonomous,
}

/// <summary>Support level of an optional protocol parameter.</summary>
public enum ParameterSupport
{
    /// <summary>Supported.</summary>
    [JsonStringEnumMemberName("SUPPORTED")] Supported,

    /// <summary>Required for correct operation.</summary>
    [JsonStringEnumMemberName("REQUIRED")] Required,
}

/// <summary>Where an action may be used.</summary>
public enum ActionScope
{
    /// <summary>As an instant action.</summary>
    [JsonStringEnumMemberName("INSTANT")] Instant,

    /// <summary>On a node of an order.</summary>
    [JsonStringEnumMemberName("NODE")] Node,

    /// <summary>On an edge of an order.</summary>
    [JsonStringEnumMemberName("EDGE")] Edge,
}

/// <summary>Data type of an action parameter value declared in the factsheet.</summary>
public enum ValueDataType
{
    /// <summary>Boolean.</summary>
    [JsonStringEnumMemberName("BOOL")] BoolValue,

    /// <summary>Any number.</summary>
    [JsonStringEnumMemberName("NUMBER")] NumberValue,

    /// <summary>Integer.</summary>
    [JsonStringEnumMemberName("INTEGER")] IntegerValue,

    /// <summary>Floating point.</summary>
    [JsonStringEnumMemberName("FLOAT")] FloatValue,

    /// <summary>String.</summary>
    [JsonStringEnumMemberName("STRING")] StringValue,

    /// <summary>JSON object.</summary>
    [JsonStringEnumMemberName("OBJECT")] ObjectValue,

    /// <summary>JSON array.</summary>
    [JsonStringEnumMemberName("ARRAY")] ArrayValue,
}

/// <summary>Kind of wheel in the AGV geometry.</summary>
public enum WheelType
{
    /// <summary>Driven wheel.</summary>
    [JsonStringEnumMemberName("DRIVE")] Drive,

    /// <summary>Caster.</summary>
    [JsonStringEnumMemberName("CASTER")] Caster,

    /// <summary>Fixed wheel.</summary>
    [JsonStringEnumMemberName("FIXED")] Fixed,

    /// <summary>Mecanum wheel.</summary>
    [JsonStringEnumMemberName("MECANUM")] Mecanum,
}
