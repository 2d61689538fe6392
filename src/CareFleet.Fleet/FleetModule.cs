using CareFleet.Fleet.Dispatch;
using CareFleet.Fleet.Maps;
using CareFleet.Fleet.Master;
using CareFleet.Fleet.Robots;
using CareFleet.Fleet.Tasks;
using CareFleet.Fleet.Twins;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace CareFleet.Fleet;

public static class FleetModule
{
    /// <summary>Adds the fleet: robot registry, twins, and the VDA 5050 master control. Needs a <see cref="BrokerConnection"/>.</summary>
    public static IHostApplicationBuilder AddFleet(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddScoped<RobotRegistry>();
        builder.Services.AddSingleton<RobotCredentialCache>();
        builder.Services.AddSingleton<FleetLiveFeed>();
        builder.Services.AddSingleton<HomeMapProvider>();
        builder.Services.AddSingleton<FleetStateBus>();
        builder.Services.AddSingleton<MasterControl>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<MasterControl>());
        builder.Services.AddSingleton<RobotCommandSender>();
        builder.Services.AddSingleton<FleetCoordinator>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<FleetCoordinator>());
        builder.Services.AddOptions<FleetDispatchOptions>().BindConfiguration(FleetDispatchOptions.Section).ValidateOnStart();
        builder.Services.AddSingleton<FleetDispatcher>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<FleetDispatcher>());
        return builder;
    }

    public static IEndpointRouteBuilder MapFleetApi(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapRobotsApi();
        endpoints.MapTasksApi();
        endpoints.MapTrafficApi();
        return endpoints;
    }
}
