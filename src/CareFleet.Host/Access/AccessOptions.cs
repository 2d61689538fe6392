using System.ComponentModel.DataAnnotations;

namespace CareFleet.Host.Access;

/// <summary>Options of staff login and tokens (section <c>CareFleet:Access</c>).</summary>
public sealed class AccessOptions
{
    public const string Section = "CareFleet:Access";

    /// <summary>
    /// The admin password to set at start. Default: none — on first start a password is generated,
    /// printed and saved to <c>{DataDirectory}/initial-admin-password</c>. Also read from
    /// <c>CAREFLEET_ADMIN_PASSWORD</c> and <c>--admin-password</c>.
    /// </summary>
    public string? AdminPassword { get; set; }

    /// <summary>Lifetime of a bearer token from <c>POST /api/auth/token</c>. Default: 1 hour.</summary>
    [Range(typeof(TimeSpan), "00:01:00", "1.00:00:00")]
    public TimeSpan SessionTokenLifetime { get; set; } = TimeSpan.FromHours(1);

    /// <summary>Default lifetime of an API token for an integration. Default: 365 days.</summary>
    [Range(typeof(TimeSpan), "01:00:00", "3650.00:00:00")]
    public TimeSpan ApiTokenLifetime { get; set; } = TimeSpan.FromDays(365);

    /// <summary>Failed logins in a row that lock an account. Default: 5.</summary>
    [Range(1, 100)]
    public int MaxFailedLogins { get; set; } = 5;

    /// <summary>How long a locked account stays locked. Default: 15 minutes.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan Lockout { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>Minimum length of a staff password. Default: 10.</summary>
    [Range(8, 128)]
    public int MinPasswordLength { get; set; } = 10;
}
