using System.Net;
using CareFleet.Care;
using CareFleet.Care.Medication;
using CareFleet.Care.Alarming;
using CareFleet.Fleet;
using CareFleet.Host.Access;
using CareFleet.Host.Clock;
using CareFleet.Host.Mqtt;
using CareFleet.Host.Persistence;
using CareFleet.Dashboard;
using Microsoft.AspNetCore.DataProtection;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;
using Scalar.AspNetCore;

namespace CareFleet.Host.Hosting;

/// <summary>The composition root: each module adds itself; this only decides the order.</summary>
public static class CareFleetServer
{
    /// <param name="configureServices">Last word on the services, after every module (tests replace the care clock here).</param>
    public static WebApplication Build(IReadOnlyDictionary<string, string?> overrides, ServerMode mode, bool verbose, Action<IServiceCollection>? configureServices = null)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            ContentRootPath = AppContext.BaseDirectory,
            // Named explicitly so static web assets resolve when the host runs inside another process (tests).
            ApplicationName = typeof(CareFleetServer).Assembly.GetName().Name,
            Args = [],
        });
        ApplyOverrides(builder.Configuration, overrides);
        if (!verbose)
        {
            builder.Logging.AddFilter((category, level) => level >= LogLevel.Warning || category?.StartsWith("CareFleet", StringComparison.Ordinal) == true && level >= LogLevel.Warning);
        }

        var dataDirectory = Path.GetFullPath(builder.Configuration["CareFleet:DataDirectory"] ?? "data", Environment.CurrentDirectory);
        builder.Services.AddSingleton(new DataDirectory(dataDirectory));
        // Login cookies must survive a restart: keep the data-protection keys with the data. On a single box
        // they sit beside the database, readable only by the service account.
        builder.Services.AddDataProtection().SetApplicationName("CareFleet").PersistKeysToFileSystem(new DirectoryInfo(Path.Combine(dataDirectory, "keys")));
        builder.Logging.AddFilter("Microsoft.AspNetCore.DataProtection", LogLevel.Error);
        // The silo's advice about server GC does not apply to a co-hosted single box.
        builder.Logging.AddFilter("Orleans.Runtime.Silo", LogLevel.Error);
        if (!verbose)
        {
            // At start the watchdog reports the time since its (never run) last check as a stall; --verbose shows it.
            builder.Logging.AddFilter("Orleans.Runtime.Watchdog", LogLevel.Error);
        }


        builder.AddCareFleetClock();
        builder.AddCareFleetWeb();
        builder.AddCareFleetPersistence(dataDirectory);
        builder.AddCareFleetAccess();
        builder.AddCareFleetMqtt();
        builder.AddCareFleetSilo();
        builder.AddFleet();
        builder.AddCare();
        builder.AddMedicationRecord();
        builder.AddAlarms();
        builder.AddCareFleetDashboard();
        builder.AddCareFleetObservability();
        builder.Services.AddSingleton<DatabaseMigrator>();
        configureServices?.Invoke(builder.Services);

        var app = builder.Build();
        app.UseExceptionHandler();
        app.UseCareFleetDashboard();
        app.UseStatusCodePages();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseAntiforgery();
        app.MapStaticAssets();
        app.MapCareFleetHealth();
        app.MapOpenApi().AllowAnonymous();
        app.MapScalarApiReference("/api/reference").AllowAnonymous();
        app.MapPrometheusScrapingEndpoint("/metrics");
        app.MapAccessApi();
        app.MapFleetApi();
        app.MapCareApi();
        app.MapMedicationRecordApi();
        app.MapAlarms();
        app.MapCareFleetDashboard();
        return app;
    }

    private static void ApplyOverrides(ConfigurationManager configuration, IReadOnlyDictionary<string, string?> overrides)
    {
        var settings = new Dictionary<string, string?>(overrides, StringComparer.OrdinalIgnoreCase);
        if (!settings.ContainsKey("CareFleet:Access:AdminPassword") && Environment.GetEnvironmentVariable("CAREFLEET_ADMIN_PASSWORD") is { Length: > 0 } password)
        {
            settings["CareFleet:Access:AdminPassword"] = password;
        }

        // Flags win over environment variables, which win over appsettings.json.
        configuration.AddInMemoryCollection(settings);
    }

    private static void AddCareFleetClock(this WebApplicationBuilder builder)
    {
        var speedText = builder.Configuration["CareFleet:Clock:Speed"] ?? "1";
        if (!double.TryParse(speedText, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var speed) || speed < 1 || speed > 10_000)
        {
            throw new StartupException($"CareFleet:Clock:Speed (--speed) is '{speedText}'; it must be a number from 1 to 10000.");
        }

        // The process clock stays real: Orleans' membership and the web stack read TimeProvider and would
        // declare the silo dead if it ran fast. Only the simulated home and the care clock (monitoring,
        // alarm escalation) run at the demo's speed.
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddSingleton(new CareClock(speed == 1 ? TimeProvider.System : new ScaledTimeProvider(TimeProvider.System, speed)));
    }

    private static void AddCareFleetWeb(this WebApplicationBuilder builder)
    {
        var web = builder.Configuration.GetSection(WebOptions.Section).Get<WebOptions>() ?? new WebOptions();
        if (!IPAddress.TryParse(web.BindAddress, out _))
        {
            throw new StartupException($"CareFleet:Web:BindAddress '{web.BindAddress}' is not an IP address.");
        }

        if (web.Port is < 1 or > 65535)
        {
            throw new StartupException($"CareFleet:Web:Port (--port) is {web.Port}; it must be 1–65535.");
        }

        builder.Services.AddOptions<WebOptions>().BindConfiguration(WebOptions.Section);
        builder.WebHost.UseUrls($"http://{web.BindAddress}:{web.Port}");
        // Serve the dashboard's and component library's files from the build output, not only when published.
        builder.WebHost.UseStaticWebAssets();
        builder.Services.AddProblemDetails();
        builder.Services.AddOpenApi();
        builder.Services.ConfigureHttpJsonOptions(o => o.SerializerOptions.Converters.Add(new System.Text.Json.Serialization.JsonStringEnumConverter()));
    }

    private static void AddCareFleetSilo(this WebApplicationBuilder builder)
    {
        var silo = builder.Configuration.GetSection(SiloOptions.Section).Get<SiloOptions>() ?? new SiloOptions();
        builder.UseOrleans(o =>
        {
            o.UseLocalhostClustering(silo.SiloPort, silo.GatewayPort);
        });
    }

    private static void AddCareFleetObservability(this WebApplicationBuilder builder)
    {
        builder.Services.AddOpenTelemetry()
            .WithMetrics(m => m
                .AddAspNetCoreInstrumentation()
                .AddMeter("CareFleet.*", "Microsoft.Orleans")
                .AddPrometheusExporter())
            .WithTracing(t => t
                .AddAspNetCoreInstrumentation()
                .AddSource("CareFleet.*", "Microsoft.Orleans.Runtime", "Microsoft.Orleans.Application"));
        builder.Services.AddHealthChecks()
            .AddCheck<DatabaseHealthCheck>("database", tags: ["ready"])
            .AddCheck<BrokerHealthCheck>("broker", tags: ["ready"])
            .AddCheck<SiloHealthCheck>("silo", tags: ["ready"]);
    }

    private static void MapCareFleetHealth(this WebApplication app)
    {
        app.MapHealthChecks("/health/live", new Microsoft.AspNetCore.Diagnostics.HealthChecks.HealthCheckOptions { Predicate = _ => false }).AllowAnonymous();
        app.MapHealthChecks("/health/ready", new Microsoft.AspNetCore.Diagnostics.HealthChecks.HealthCheckOptions
        {
            Predicate = c => c.Tags.Contains("ready"),
            ResponseWriter = HealthResponse.WriteAsync,
        }).AllowAnonymous();
    }
}

/// <summary>The resolved data directory (SQLite file, generated secrets).</summary>
public sealed record DataDirectory(string Path);
