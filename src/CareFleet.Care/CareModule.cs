using CareFleet.Care.Residents;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace CareFleet.Care;

public static class CareModule
{
    /// <summary>Adds the care record.</summary>
    public static IHostApplicationBuilder AddCare(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddScoped<ResidentDirectory>();
        builder.Services.AddScoped<ResidentImport>();
        return builder;
    }

    public static IEndpointRouteBuilder MapCareApi(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapResidentsApi();
        return endpoints;
    }
}
