using System.Globalization;
using CareFleet.Alarms;

namespace CareFleet.Care.Alarming;

/// <summary>One rota line: who, in which role, covering which rooms, in which daily window.</summary>
public sealed class RosterEntry
{
    /// <summary>The staff member's user name (the same as their login).</summary>
    public string StaffId { get; set; } = string.Empty;

    /// <summary>Caregiver, Nurse or ChargeNurse.</summary>
    public StaffRole Role { get; set; } = StaffRole.Caregiver;

    /// <summary>Rooms covered: exact room ids, or prefixes ending in '*' (e.g. "F1-*"). Empty: no room.</summary>
    public List<string> Rooms { get; set; } = [];

    /// <summary>Shift start, local time "HH:mm". Default 00:00.</summary>
    public string From { get; set; } = "00:00";

    /// <summary>Shift end, local time "HH:mm"; before <see cref="From"/> means the shift crosses midnight. Equal to From: all day.</summary>
    public string To { get; set; } = "00:00";
}

/// <summary>
/// The minimal rota the alarm router uses (section <c>CareFleet:Roster</c>). Defaults, used when no entry is
/// configured: caregiver "caregiver-f1" covering "F1-*", "caregiver-f2" covering "F2-*", "nurse" a nurse and
/// "charge-nurse" the charge nurse, all on shift all day.
/// </summary>
public sealed class RosterOptions
{
    /// <summary>The configuration section.</summary>
    public const string Section = "CareFleet:Roster";

    /// <summary>The rota lines.</summary>
    public List<RosterEntry> Staff { get; set; } = [];

    /// <summary>The time zone of the shift times (IANA id). Default UTC.</summary>
    public string TimeZone { get; set; } = "UTC";

    internal static List<RosterEntry> Defaults() =>
    [
        new() { StaffId = "caregiver-f1", Role = StaffRole.Caregiver, Rooms = ["F1-*"] },
        new() { StaffId = "caregiver-f2", Role = StaffRole.Caregiver, Rooms = ["F2-*"] },
        new() { StaffId = "nurse", Role = StaffRole.Nurse },
        new() { StaffId = "charge-nurse", Role = StaffRole.ChargeNurse },
    ];
}

/// <summary>An <see cref="IStaffRoster"/> read from configuration: fixed daily shift windows, room patterns.</summary>
public sealed class ConfiguredRoster : IStaffRoster
{
    private readonly List<(StaffMember Member, RosterEntry Entry, TimeOnly From, TimeOnly To)> _lines = [];
    private readonly TimeZoneInfo _zone;

    /// <summary>Builds the rota; bad lines throw with a message naming the line.</summary>
    public ConfiguredRoster(RosterOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _zone = TimeZoneInfo.FindSystemTimeZoneById(options.TimeZone);
        var entries = options.Staff.Count == 0 ? RosterOptions.Defaults() : options.Staff;
        for (var i = 0; i < entries.Count; i++)
        {
            var e = entries[i];
            if (string.IsNullOrWhiteSpace(e.StaffId))
            {
                throw new ArgumentException($"Roster line {i} has no StaffId.", nameof(options));
            }

            if (!TimeOnly.TryParseExact(e.From, "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var from)
                || !TimeOnly.TryParseExact(e.To, "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var to))
            {
                throw new ArgumentException($"Roster line {i} ({e.StaffId}): From and To must be HH:mm, were '{e.From}' and '{e.To}'.", nameof(options));
            }

            _lines.Add((new StaffMember(e.StaffId, e.Role), e, from, to));
        }
    }

    /// <inheritdoc />
    public IReadOnlyList<StaffMember> CoveringRoom(string roomId, DateTimeOffset at) =>
        [.. _lines.Where(l => l.Member.Role == StaffRole.Caregiver && OnShift(l, at) && l.Entry.Rooms.Any(r => Covers(r, roomId))).Select(l => l.Member)];

    /// <inheritdoc />
    public IReadOnlyList<StaffMember> OnShiftWithRole(StaffRole role, DateTimeOffset at) =>
        [.. _lines.Where(l => l.Member.Role == role && OnShift(l, at)).Select(l => l.Member)];

    /// <inheritdoc />
    public IReadOnlyList<StaffMember> OnShift(DateTimeOffset at) => [.. _lines.Where(l => OnShift(l, at)).Select(l => l.Member)];

    /// <inheritdoc />
    public bool IsOnShift(string staffId, DateTimeOffset at) => _lines.Any(l => l.Member.StaffId == staffId && OnShift(l, at));

    private static bool Covers(string pattern, string? roomId) =>
        roomId is not null && (pattern.EndsWith('*') ? roomId.StartsWith(pattern[..^1], StringComparison.Ordinal) : pattern == roomId);

    private bool OnShift((StaffMember Member, RosterEntry Entry, TimeOnly From, TimeOnly To) line, DateTimeOffset at)
    {
        if (line.From == line.To)
        {
            return true;
        }

        var local = TimeOnly.FromDateTime(TimeZoneInfo.ConvertTime(at, _zone).DateTime);
        return line.From < line.To ? local >= line.From && local < line.To : local >= line.From || local < line.To;
    }
}
