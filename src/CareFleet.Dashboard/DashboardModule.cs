using System.Globalization;
using CareFleet.Dashboard.Components;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Localization;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor.Services;

namespace CareFleet.Dashboard;

public static class DashboardModule
{
    /// <summary>The languages of the dashboard: English and Simplified Chinese.</summary>
    public static IReadOnlyList<string> Cultures { get; } = ["en", "zh-Hans"];

    public static WebApplicationBuilder AddCareFleetDashboard(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddRazorComponents().AddInteractiveServerComponents();
        builder.Services.AddMudServices();
        builder.Services.AddLocalization();
        builder.Services.Configure<RequestLocalizationOptions>(o =>
        {
            o.SetDefaultCulture(Cultures[0]).AddSupportedCultures([.. Cultures]).AddSupportedUICultures([.. Cultures]);
            o.FallBackToParentCultures = true;
            o.FallBackToParentUICultures = true;
        });
        return builder;
    }

    /// <summary>Picks each request's language: the culture cookie, else the browser's Accept-Language, else English.</summary>
    public static WebApplication UseCareFleetDashboard(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.UseRequestLocalization();
        return app;
    }

    private const string DisplayCookie = "carefleet.display";

    /// <summary>True when the user chose large text (kept in a cookie, like the language).</summary>
    public static bool WantsLargeText(HttpContext? http) => http?.Request.Cookies[DisplayCookie] == "large";

    public static WebApplication MapCareFleetDashboard(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.MapRazorComponents<App>().AddInteractiveServerRenderMode();

        // The language switch: a cookie the localization middleware reads, then back to the page.
        app.MapGet("/culture", (string culture, string? redirectUri, HttpContext http) =>
        {
            if (!Cultures.Contains(culture, StringComparer.OrdinalIgnoreCase))
            {
                return Results.BadRequest($"Unknown language '{culture}'. Known: {string.Join(", ", Cultures)}.");
            }

            http.Response.Cookies.Append(CookieRequestCultureProvider.DefaultCookieName,
                CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(CultureInfo.GetCultureInfo(culture))),
                new CookieOptions { MaxAge = TimeSpan.FromDays(365), HttpOnly = true, SameSite = SameSiteMode.Lax, IsEssential = true });
            return Results.LocalRedirect(LocalRedirects.OrHome(redirectUri));
        }).AllowAnonymous();

        // Large-text mode for tired eyes and wall-mounted tablets.
        app.MapGet("/display", (bool large, string? redirectUri, HttpContext http) =>
        {
            http.Response.Cookies.Append(DisplayCookie, large ? "large" : "normal",
                new CookieOptions { MaxAge = TimeSpan.FromDays(365), HttpOnly = true, SameSite = SameSiteMode.Lax, IsEssential = true });
            return Results.LocalRedirect(LocalRedirects.OrHome(redirectUri));
        }).AllowAnonymous();
        return app;
    }
}
