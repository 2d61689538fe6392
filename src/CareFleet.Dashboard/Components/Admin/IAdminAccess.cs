namespace CareFleet.Dashboard.Components.Admin;

public sealed record StaffRow(Guid Id, string UserName, string DisplayName, string Role, bool Disabled);

public sealed record ApiTokenRow(Guid Id, string Name, string Role, DateTimeOffset CreatedAt, DateTimeOffset ExpiresAt, DateTimeOffset? RevokedAt);

/// <summary>What the admin page needs of staff accounts and tokens; the host provides it.</summary>
public interface IAdminAccess
{
    Task<IReadOnlyList<StaffRow>> ListStaffAsync(CancellationToken cancellationToken);

    /// <summary>Creates a staff account; returns an error text for the form, or null when created.</summary>
    Task<string?> CreateStaffAsync(string userName, string displayName, string role, string password, CancellationToken cancellationToken);

    Task<IReadOnlyList<ApiTokenRow>> ListApiTokensAsync(CancellationToken cancellationToken);

    /// <summary>Creates an API token for an integration; the token text is shown once.</summary>
    Task<string> CreateApiTokenAsync(Guid ownerId, string name, string role, int days, CancellationToken cancellationToken);

    Task RevokeApiTokenAsync(Guid id, CancellationToken cancellationToken);
}
