using CareFleet.Contracts.Access;
using CareFleet.Dashboard.Components.Admin;

namespace CareFleet.Host.Access;

/// <summary>The dashboard's admin page over the host's staff accounts and tokens.</summary>
internal sealed class AdminAccess(IServiceScopeFactory scopes) : IAdminAccess
{
    public async Task<IReadOnlyList<StaffRow>> ListStaffAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var staff = await scope.ServiceProvider.GetRequiredService<AccessService>().ListStaffAsync(cancellationToken);
        return staff.Select(s => new StaffRow(s.Id, s.UserName, s.DisplayName, s.Role, s.Disabled)).ToList();
    }

    public async Task<string?> CreateStaffAsync(string userName, string displayName, string role, string password, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var access = scope.ServiceProvider.GetRequiredService<AccessService>();
        var errors = access.ValidateNewStaff(userName, role, password);
        if (errors.Count > 0)
        {
            return string.Join(" ", errors.Select(e => $"{e.Key}: {e.Value[0]}"));
        }

        var normalized = AccessService.Normalize(userName);
        if (await access.StaffExistsAsync(normalized, cancellationToken))
        {
            return $"'{normalized}' already exists";
        }

        await access.CreateStaffAsync(normalized, displayName.Trim().Length == 0 ? normalized : displayName.Trim(), role, password, cancellationToken);
        return null;
    }

    public async Task<IReadOnlyList<ApiTokenRow>> ListApiTokensAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var tokens = await scope.ServiceProvider.GetRequiredService<AccessService>().ListApiTokensAsync(cancellationToken);
        return tokens.Select(t => new ApiTokenRow(t.Id, t.Name, t.Role, t.CreatedAt, t.ExpiresAt, t.RevokedAt)).ToList();
    }

    public async Task<string> CreateApiTokenAsync(Guid ownerId, string name, string role, int days, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var (token, _) = await scope.ServiceProvider.GetRequiredService<AccessService>()
            .CreateApiTokenAsync(ownerId, name, StaffRoles.IsKnown(role) ? role : StaffRoles.Viewer, TimeSpan.FromDays(Math.Clamp(days, 1, 3650)), cancellationToken);
        return token.Token;
    }

    public async Task RevokeApiTokenAsync(Guid id, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<AccessService>().RevokeApiTokenAsync(id, cancellationToken);
    }
}
