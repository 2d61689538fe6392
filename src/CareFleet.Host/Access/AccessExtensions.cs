using CareFleet.Contracts.Access;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;

namespace CareFleet.Host.Access;

public static class AccessExtensions
{
    /// <summary>
    /// Cookie login for the dashboard (the default scheme) and bearer tokens for <c>/api</c> and <c>/fhir</c>:
    /// every API policy names the bearer scheme only, so a dashboard cookie never opens the API.
    /// </summary>
    public static WebApplicationBuilder AddCareFleetAccess(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<AccessOptions>().BindConfiguration(AccessOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddScoped<AccessService>();
        builder.Services.AddSingleton<CareFleet.Dashboard.Components.Admin.IAdminAccess, AdminAccess>();
        builder.Services.AddAuthentication(CookieAuthenticationDefaults.AuthenticationScheme)
            .AddCookie(o =>
            {
                o.LoginPath = "/login";
                o.LogoutPath = "/account/logout";
                o.AccessDeniedPath = "/denied";
                o.Cookie.Name = "carefleet";
                o.Cookie.HttpOnly = true;
                o.Cookie.SameSite = SameSiteMode.Strict;
                o.SlidingExpiration = true;
                o.ExpireTimeSpan = TimeSpan.FromHours(12);
            })
            .AddScheme<AuthenticationSchemeOptions, BearerTokenHandler>(BearerTokenHandler.SchemeName, null);

        builder.Services.AddAuthorizationBuilder()
            .AddPolicy(AccessPolicies.Staff, p => p.AddAuthenticationSchemes(BearerTokenHandler.SchemeName).RequireAuthenticatedUser().RequireRole(StaffRoles.All))
            .AddPolicy(AccessPolicies.Admin, p => p.AddAuthenticationSchemes(BearerTokenHandler.SchemeName).RequireRole(StaffRoles.Admin))
            .AddPolicy(AccessPolicies.Clinical, p => p.AddAuthenticationSchemes(BearerTokenHandler.SchemeName).RequireRole(StaffRoles.Admin, StaffRoles.Nurse))
            .AddPolicy(AccessPolicies.CareStaff, p => p.AddAuthenticationSchemes(BearerTokenHandler.SchemeName).RequireRole(StaffRoles.Admin, StaffRoles.Nurse, StaffRoles.Caregiver));
        builder.Services.AddCascadingAuthenticationState();
        return builder;
    }
}
