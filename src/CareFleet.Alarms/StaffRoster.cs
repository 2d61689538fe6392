namespace CareFleet.Alarms;

/// <summary>A staff member on shift.</summary>
public sealed record StaffMember(string StaffId, StaffRole Role);

/// <summary>
/// Who is on shift, as the host's rota knows it. Answers are recorded in the notification events, so an
/// alarm's history stays meaningful after the rota changes.
/// </summary>
public interface IStaffRoster
{
    /// <summary>The caregivers on shift at <paramref name="at"/> whose assignment covers <paramref name="roomId"/>.</summary>
    IReadOnlyList<StaffMember> CoveringRoom(string roomId, DateTimeOffset at);

    /// <summary>Everybody on shift at <paramref name="at"/> holding <paramref name="role"/>.</summary>
    IReadOnlyList<StaffMember> OnShiftWithRole(StaffRole role, DateTimeOffset at);

    /// <summary>Everybody on shift at <paramref name="at"/>; the last resort when no failsafe can be found.</summary>
    IReadOnlyList<StaffMember> OnShift(DateTimeOffset at);

    /// <summary>Whether <paramref name="staffId"/> is on shift at <paramref name="at"/>.</summary>
    bool IsOnShift(string staffId, DateTimeOffset at);
}
