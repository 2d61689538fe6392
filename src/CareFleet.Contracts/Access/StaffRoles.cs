namespace CareFleet.Contracts.Access;

/// <summary>The staff roles every module authorises against.</summary>
public static class StaffRoles
{
    /// <summary>Manages staff, robots, tokens and configuration.</summary>
    public const string Admin = "admin";

    /// <summary>Registered nurse: medication, care plans, and everything a caregiver does.</summary>
    public const string Nurse = "nurse";

    /// <summary>Caregiver on the floor: alarms, observations, tasks; no medication orders.</summary>
    public const string Caregiver = "caregiver";

    /// <summary>Read-only access (a manager's overview, an auditor).</summary>
    public const string Viewer = "viewer";

    /// <summary>All roles, from most to least privileged.</summary>
    public static IReadOnlyList<string> All { get; } = [Admin, Nurse, Caregiver, Viewer];

    /// <summary>True when <paramref name="role"/> is one of <see cref="All"/>.</summary>
    public static bool IsKnown(string? role) => role is not null && All.Contains(role, StringComparer.Ordinal);
}

/// <summary>Authorisation policy names shared by the modules' endpoints.</summary>
public static class AccessPolicies
{
    /// <summary>Any authenticated staff member or integration token.</summary>
    public const string Staff = "staff";

    /// <summary>Admin only.</summary>
    public const string Admin = "admin";

    /// <summary>Nurse or admin.</summary>
    public const string Clinical = "clinical";

    /// <summary>Anyone who may act on care (caregiver, nurse, admin) but not a viewer.</summary>
    public const string CareStaff = "care-staff";
}
