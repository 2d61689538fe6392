using System.Text.Json.Serialization;

namespace CareFleet.Alarms;

/// <summary>The role a person (or the system) acts in when changing an alarm.</summary>
public enum StaffRole
{
    /// <summary>May see alarms but not act on them (e.g. a manager's read-only view, a visitor screen).</summary>
    Viewer = 0,

    /// <summary>A care assistant on the floor.</summary>
    Caregiver = 1,

    /// <summary>A registered nurse.</summary>
    Nurse = 2,

    /// <summary>The nurse in charge of the shift: the failsafe destination of every escalation chain.</summary>
    ChargeNurse = 3,

    /// <summary>Director of nursing or home manager.</summary>
    Manager = 4,

    /// <summary>CareFleet itself: monitoring rules, escalation timers.</summary>
    System = 5,
}

/// <summary>Who performed a change to an alarm.</summary>
/// <param name="Id">The user id, or a service name for the system.</param>
/// <param name="Role">The role the actor holds at the time of the change.</param>
public sealed record AlarmActor(string Id, StaffRole Role)
{
    /// <summary>The alarm engine acting on its own (raising, escalating, re-notifying).</summary>
    public static AlarmActor SystemActor { get; } = new("carefleet", StaffRole.System);

    /// <summary>
    /// The alarm role for a platform access role ("admin", "nurse", "caregiver", "viewer"); anything
    /// unknown is a viewer. Charge nurse is a duty on the rota, not an access role: pass
    /// <paramref name="isChargeNurseOnShift"/> from the roster.
    /// </summary>
    public static StaffRole RoleFromAccessRole(string? accessRole, bool isChargeNurseOnShift = false) => accessRole switch
    {
        "nurse" when isChargeNurseOnShift => StaffRole.ChargeNurse,
        "nurse" => StaffRole.Nurse,
        "caregiver" => StaffRole.Caregiver,
        "admin" => StaffRole.Manager,
        _ => StaffRole.Viewer,
    };

    /// <summary>Whether this actor may acknowledge, silence or resolve alarms.</summary>
    [JsonIgnore]
    public bool CanActOnAlarms => Role is StaffRole.Caregiver or StaffRole.Nurse or StaffRole.ChargeNurse or StaffRole.Manager;
}
