using CareFleet.Alarms;
using CareFleet.Alarms.Persistence;
using CareFleet.Care.Ingest;
using CareFleet.Care.Monitoring;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Orleans.Serialization;

namespace CareFleet.Care.Alarming;

/// <summary>Monitoring and alarms at run time: care-topic ingestion, resident and home grains, the alarm API.</summary>
public static class AlarmsModule
{
    /// <summary>
    /// Adds monitoring and alarms. Needs the host's <see cref="TimeProvider"/>, an <see cref="AlarmsDbContext"/>,
    /// a BrokerConnection and the Orleans silo.
    /// </summary>
    public static IHostApplicationBuilder AddAlarms(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddOptions<AlarmRuntimeOptions>().BindConfiguration(AlarmRuntimeOptions.Section)
            .Validate(o => !string.IsNullOrWhiteSpace(o.HomeId) && o.MonitoringTickSeconds is >= 1 and <= 3600, "CareFleet:Alarms needs a HomeId and MonitoringTickSeconds from 1 to 3600.")
            .ValidateOnStart();
        builder.Services.AddOptions<RosterOptions>().BindConfiguration(RosterOptions.Section);
        builder.Services.AddOptions<AlarmOptions>().Validate(o => o.Validate().Count == 0, "The alarm escalation chains are invalid.");
        builder.Services.AddOptions<MonitoringOptions>().Validate(o => o.Validate().Count == 0, "The monitoring options are invalid.");
        builder.Services.TryAddSingleton(sp => new CareClock(sp.GetRequiredService<TimeProvider>()));
        builder.Services.AddSingleton<IStaffRoster>(sp => new ConfiguredRoster(sp.GetRequiredService<IOptions<RosterOptions>>().Value));
        builder.Services.AddSingleton<AlarmsLiveFeed>();
        builder.Services.AddScoped<AlarmEventStore>();
        builder.Services.AddSingleton<AlarmsContext>();
        builder.Services.AddSingleton<CareTopicSubscriber>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<CareTopicSubscriber>());

        // The alarm and monitoring records cross grain calls as JSON: they are plain records shared with the
        // pure engines, which carry no Orleans attributes.
        builder.Services.AddSerializer(s => s.AddJsonSerializer(IsCareRecord, IsCareRecord, o => o.Configure(c => c.SerializerOptions = new System.Text.Json.JsonSerializerOptions(AlarmEventJson.Options))));
        return builder;
    }

    /// <summary>Maps <c>/api/alarms</c>.</summary>
    public static IEndpointRouteBuilder MapAlarms(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapAlarmsApi();
        return endpoints;
    }

    private static bool IsCareRecord(Type type) =>
        type.Namespace is "CareFleet.Alarms" or "CareFleet.Care.Alarming" or "CareFleet.Care.Monitoring" or "CareFleet.Care.Vitals"
        && !type.IsAssignableTo(typeof(IAddressable)) && !type.IsEnum;
}
