using System.Text.Json.Serialization;

namespace CareFleet.Contracts.Maps;

/// <summary>
/// A home map file: floors with their navigation graphs and named places, doors, lifts and zones.
/// Coordinates are metres in each floor's own frame. Only the file format lives here; validation is the
/// fleet's (<c>HomeMapLoader</c>).
/// </summary>
public sealed record HomeMapDocument
{
    /// <summary>Map id; robots report it as <c>agvPosition.mapId</c>.</summary>
    public string Id { get; init; } = "";

    /// <summary>Map version; changes whenever the graph changes.</summary>
    public string Version { get; init; } = "";

    /// <summary>Name of the home.</summary>
    public string Name { get; init; } = "";

    /// <summary>Floors.</summary>
    public IReadOnlyList<MapFloor> Floors { get; init; } = [];

    /// <summary>Doors with a controller (fire doors, ward doors).</summary>
    public IReadOnlyList<MapDoor> Doors { get; init; } = [];

    /// <summary>Lifts joining floors.</summary>
    public IReadOnlyList<MapLift> Lifts { get; init; } = [];

    /// <summary>Zones with rules.</summary>
    public IReadOnlyList<MapZone> Zones { get; init; } = [];
}

/// <summary>A floor.</summary>
public sealed record MapFloor
{
    /// <summary>Floor id, e.g. <c>F1</c>.</summary>
    public string Id { get; init; } = "";

    /// <summary>Level number (ground floor 1); lifts use the difference of levels for travel time.</summary>
    public int Level { get; init; }

    /// <summary>Display name.</summary>
    public string Name { get; init; } = "";

    /// <summary>Named places on this floor.</summary>
    public IReadOnlyList<MapPlace> Places { get; init; } = [];

    /// <summary>Navigation nodes.</summary>
    public IReadOnlyList<MapNode> Nodes { get; init; } = [];

    /// <summary>Navigation edges.</summary>
    public IReadOnlyList<MapEdge> Edges { get; init; } = [];
}

/// <summary>A navigation node; its id is unique across the whole map.</summary>
public sealed record MapNode
{
    /// <summary>Node id.</summary>
    public string Id { get; init; } = "";

    /// <summary>X in metres.</summary>
    public double X { get; init; }

    /// <summary>Y in metres.</summary>
    public double Y { get; init; }
}

/// <summary>A navigation edge between two nodes of the same floor; two-way unless <see cref="OneWay"/>.</summary>
public sealed record MapEdge
{
    /// <summary>Edge id.</summary>
    public string Id { get; init; } = "";

    /// <summary>Start node id.</summary>
    public string From { get; init; } = "";

    /// <summary>End node id.</summary>
    public string To { get; init; } = "";

    /// <summary>Length in metres; the straight-line distance when absent.</summary>
    public double? Length { get; init; }

    /// <summary>Speed limit in m/s; the robot's own maximum when absent.</summary>
    public double? MaxSpeed { get; init; }

    /// <summary>Drivable only from <see cref="From"/> to <see cref="To"/>.</summary>
    public bool OneWay { get; init; }

    /// <summary>How wide a robot the passage takes.</summary>
    public WidthClass WidthClass { get; init; } = WidthClass.Standard;
}

/// <summary>Width of a passage, compared with a robot's width.</summary>
public enum WidthClass
{
    /// <summary>Narrow passage: robots up to 0.6 m wide.</summary>
    [JsonStringEnumMemberName("narrow")] Narrow,

    /// <summary>Standard corridor: robots up to 0.8 m wide.</summary>
    [JsonStringEnumMemberName("standard")] Standard,

    /// <summary>Wide corridor: robots up to 1.2 m wide (bed robots).</summary>
    [JsonStringEnumMemberName("wide")] Wide,
}

/// <summary>A named place.</summary>
public sealed record MapPlace
{
    /// <summary>Place id, e.g. <c>F1-R101</c>, <c>F1-R101-A</c>, <c>CHG-1</c>, <c>PHARMACY</c>.</summary>
    public string Id { get; init; } = "";

    /// <summary>Kind.</summary>
    public PlaceKind Kind { get; init; }

    /// <summary>Name in English and Simplified Chinese.</summary>
    public LocalizedName Name { get; init; } = new("", "");

    /// <summary>Node where a robot stands to serve the place.</summary>
    public string NodeId { get; init; } = "";

    /// <summary>For a bed: the room place it belongs to.</summary>
    public string? RoomId { get; init; }
}

/// <summary>A name in the dashboard's two languages.</summary>
/// <param name="En">English.</param>
/// <param name="Zh">Simplified Chinese.</param>
public sealed record LocalizedName(string En, string Zh);

/// <summary>Kinds of place.</summary>
public enum PlaceKind
{
    /// <summary>Resident room.</summary>
    [JsonStringEnumMemberName("room")] Room,

    /// <summary>A bed in a room.</summary>
    [JsonStringEnumMemberName("bed")] Bed,

    /// <summary>Nurse station.</summary>
    [JsonStringEnumMemberName("nurseStation")] NurseStation,

    /// <summary>Pharmacy.</summary>
    [JsonStringEnumMemberName("pharmacy")] Pharmacy,

    /// <summary>Laundry.</summary>
    [JsonStringEnumMemberName("laundry")] Laundry,

    /// <summary>Activity room.</summary>
    [JsonStringEnumMemberName("activityRoom")] ActivityRoom,

    /// <summary>Dining room.</summary>
    [JsonStringEnumMemberName("dining")] Dining,

    /// <summary>Charging station.</summary>
    [JsonStringEnumMemberName("charger")] Charger,

    /// <summary>Parking spot.</summary>
    [JsonStringEnumMemberName("parking")] Parking,

    /// <summary>Lift landing.</summary>
    [JsonStringEnumMemberName("lift")] Lift,

    /// <summary>Door.</summary>
    [JsonStringEnumMemberName("door")] Door,

    /// <summary>Corridor point of interest.</summary>
    [JsonStringEnumMemberName("corridor")] Corridor,

    /// <summary>Bathroom.</summary>
    [JsonStringEnumMemberName("bathroom")] Bathroom,

    /// <summary>Other.</summary>
    [JsonStringEnumMemberName("other")] Other,
}

/// <summary>A door with a controller: on a node (robots wait there) or on an edge.</summary>
public sealed record MapDoor
{
    /// <summary>Door id.</summary>
    public string Id { get; init; } = "";

    /// <summary>Node the door stands on, when it is modelled as a node.</summary>
    public string? NodeId { get; init; }

    /// <summary>Edge the door stands on, when it is modelled as an edge.</summary>
    public string? EdgeId { get; init; }

    /// <summary>Id of the door controller (how CareFleet opens it).</summary>
    public string Controller { get; init; } = "";

    /// <summary>A fire door: never park on or next to it.</summary>
    public bool FireDoor { get; init; }
}

/// <summary>A lift: one landing node per floor it serves.</summary>
public sealed record MapLift
{
    /// <summary>Lift id, e.g. <c>LIFT-A</c>.</summary>
    public string Id { get; init; } = "";

    /// <summary>The landing node on each floor.</summary>
    public IReadOnlyList<MapLiftStop> Stops { get; init; } = [];

    /// <summary>Travel time per floor of level difference, seconds.</summary>
    public double TravelSecondsPerFloor { get; init; } = 10;

    /// <summary>Time to open and close the doors once, seconds.</summary>
    public double DoorSeconds { get; init; } = 8;
}

/// <summary>A lift landing.</summary>
/// <param name="FloorId">Floor.</param>
/// <param name="NodeId">Node on that floor where a robot enters and leaves the lift.</param>
public sealed record MapLiftStop(string FloorId, string NodeId);

/// <summary>A zone with rules, given as a polygon on a floor or as a list of nodes.</summary>
public sealed record MapZone
{
    /// <summary>Zone id.</summary>
    public string Id { get; init; } = "";

    /// <summary>Floor of the polygon.</summary>
    public string? FloorId { get; init; }

    /// <summary>Polygon corners (metres); nodes inside belong to the zone.</summary>
    public IReadOnlyList<MapPoint>? Polygon { get; init; }

    /// <summary>Nodes belonging to the zone, as an alternative or in addition to the polygon.</summary>
    public IReadOnlyList<string>? NodeIds { get; init; }

    /// <summary>Rules.</summary>
    public ZoneRules Rules { get; init; } = new();
}

/// <summary>A point.</summary>
/// <param name="X">X in metres.</param>
/// <param name="Y">Y in metres.</param>
public sealed record MapPoint(double X, double Y);

/// <summary>Rules of a zone.</summary>
public sealed record ZoneRules
{
    /// <summary>Quiet hours with a lower speed limit (e.g. near bedrooms at night).</summary>
    public QuietHours? QuietHours { get; init; }

    /// <summary>A speed limit in m/s at all times.</summary>
    public double? MaxSpeed { get; init; }

    /// <summary>Robots must never stop or wait here (fire doors, handrails).</summary>
    public bool NoParking { get; init; }
}

/// <summary>Quiet hours; may wrap midnight (from 21:00 to 07:00).</summary>
public sealed record QuietHours
{
    /// <summary>Start, local time of the home, <c>HH:mm</c>.</summary>
    [JsonConverter(typeof(HourMinuteConverter))]
    public TimeOnly From { get; init; }

    /// <summary>End, local time of the home, <c>HH:mm</c>.</summary>
    [JsonConverter(typeof(HourMinuteConverter))]
    public TimeOnly To { get; init; }

    /// <summary>Speed limit during quiet hours, m/s.</summary>
    public double MaxSpeed { get; init; }

    /// <summary>Whether a time of day falls within the quiet hours.</summary>
    /// <param name="time">Local time of day.</param>
    /// <returns>True when inside.</returns>
    public bool Contains(TimeOnly time) => From <= To ? time >= From && time < To : time >= From || time < To;
}
