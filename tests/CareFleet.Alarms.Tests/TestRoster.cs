using CareFleet.Alarms;

namespace CareFleet.Alarms.Tests;

internal sealed class TestRoster : IStaffRoster
{
    private readonly List<(StaffMember Member, string[] Rooms)> _staff = [];

    public TestRoster With(string id, StaffRole role, params string[] rooms)
    {
        _staff.Add((new StaffMember(id, role), rooms));
        return this;
    }

    public TestRoster Without(string id)
    {
        _staff.RemoveAll(s => s.Member.StaffId == id);
        return this;
    }

    public static TestRoster Standard() => new TestRoster()
        .With("cg-amy", StaffRole.Caregiver, "101", "102")
        .With("cg-bo", StaffRole.Caregiver, "201")
        .With("rn-chen", StaffRole.Nurse)
        .With("cn-dara", StaffRole.ChargeNurse);

    public IReadOnlyList<StaffMember> CoveringRoom(string roomId, DateTimeOffset at) =>
        [.. _staff.Where(s => s.Rooms.Contains(roomId)).Select(s => s.Member)];

    public IReadOnlyList<StaffMember> OnShiftWithRole(StaffRole role, DateTimeOffset at) =>
        [.. _staff.Where(s => s.Member.Role == role).Select(s => s.Member)];

    public IReadOnlyList<StaffMember> OnShift(DateTimeOffset at) => [.. _staff.Select(s => s.Member)];

    public bool IsOnShift(string staffId, DateTimeOffset at) => _staff.Any(s => s.Member.StaffId == staffId);
}
