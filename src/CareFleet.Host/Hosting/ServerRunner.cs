using System.Diagnostics;
using System.Net.Sockets;
using CareFleet.Care.Alarming;
using CareFleet.Care.Medication;
using CareFleet.Care.Residents;
using CareFleet.Contracts.Access;
using CareFleet.Fleet.Maps;
using CareFleet.Fleet.Twins;
using CareFleet.Host.Access;
using CareFleet.Host.Cli;
using CareFleet.Host.Persistence;
using CareFleet.Simulation;
using CareFleet.Simulation.Residents;
using Microsoft.AspNetCore.Connections;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CareFleet.Host.Hosting;

/// <summary>Runs <c>serve</c>, <c>demo</c> and <c>migrate</c>, reporting progress as it starts.</summary>
public static class ServerRunner
{
    public static async Task<int> MigrateAsync(ParsedCommand command, TextWriter output, CancellationToken cancellationToken)
    {
        await using var app = CareFleetServer.Build(command.Settings, ServerMode.Serve, command.Flags.Contains("verbose"));
        var database = app.Services.GetRequiredService<ResolvedDatabase>();
        await output.WriteLineAsync($"Migrating {database.Describe()} …");
        await app.Services.GetRequiredService<DatabaseMigrator>().MigrateAsync(cancellationToken);
        await output.WriteLineAsync("Database schema is current.");
        return 0;
    }

    public static async Task<int> RunAsync(ParsedCommand command, ServerMode mode, TextWriter output, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        var steps = mode == ServerMode.Demo ? 6 : 4;
        var step = 0;
        async Task Progress(string text) => await output.WriteLineAsync($"[{++step}/{steps}] {text}");

        var settings = new Dictionary<string, string?>(command.Settings, StringComparer.OrdinalIgnoreCase);
        SimulatedResidents? cohort = null;
        if (mode == ServerMode.Demo)
        {
            // The simulated residents are drawn before the server starts: the clinician's Scale 2 choice for the
            // COPD residents is part of the server's configuration, as it would be in a real home.
            cohort = DrawResidents(ResolveHome(settings.GetValueOrDefault("CareFleet:Simulation:Home")), settings);
            var i = 0;
            foreach (var resident in cohort.Scale2Residents)
            {
                settings[$"CareFleet:Alarms:Scale2Residents:{i++}"] = resident;
            }
        }

        await using var app = CareFleetServer.Build(settings, mode, command.Flags.Contains("verbose"));
        var services = app.Services;
        var database = services.GetRequiredService<ResolvedDatabase>();
        var configuration = services.GetRequiredService<IConfiguration>();

        await Progress($"Database: {database.Describe()}");
        if (mode == ServerMode.Demo || configuration.GetValue<bool>("CareFleet:Database:MigrateOnStart"))
        {
            await services.GetRequiredService<DatabaseMigrator>().MigrateAsync(cancellationToken);
        }
        else
        {
            await EnsureSchemaCurrentAsync(services, database, cancellationToken);
        }

        var dataDirectory = services.GetRequiredService<DataDirectory>().Path;
        var loginHint = await EnsureAdminAsync(services, dataDirectory, cancellationToken);

        string? homeDirectory = null;
        if (mode == ServerMode.Demo)
        {
            homeDirectory = ResolveHome(configuration["CareFleet:Simulation:Home"]);
            await Progress($"Sample home: {homeDirectory}");
            await AdmitSampleResidentsAsync(services, homeDirectory, cancellationToken);
            try
            {
                await MedicationSeed.LoadSampleAsync(services, homeDirectory, cancellationToken);
            }
            catch (MedicationFileException e)
            {
                throw new StartupException(e.Message, e);
            }
        }

        var mapFile = configuration["CareFleet:Fleet:MapFile"] ?? (homeDirectory is null ? null : Path.Combine(homeDirectory, "map.json"));
        if (mapFile is not null)
        {
            try
            {
                await services.GetRequiredService<HomeMapProvider>().LoadAsync(Path.GetFullPath(mapFile), cancellationToken);
            }
            catch (HomeMapUnavailableException e)
            {
                throw new StartupException(e.Message, e);
            }
        }

        await Progress("Starting web server, MQTT broker and silo …");
        try
        {
            await app.StartAsync(cancellationToken);
        }
        catch (Exception e) when (e is not StartupException && FindAddressInUse(e) is not null)
        {
            var bound = services.GetRequiredService<IOptions<WebOptions>>().Value;
            throw new StartupException($"Port {bound.Port} on {bound.BindAddress} is already in use; choose another with --port or CareFleet:Web:Port.", e);
        }

        var web = services.GetRequiredService<IOptions<WebOptions>>().Value;
        var address = $"http://{web.BindAddress}:{web.Port}";
        await Progress($"Server ready at {address}");

        SimulatedHome? simulation = null;
        Task? simulationRun = null;
        string? simulationToken = null;
        using var stopping = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, app.Lifetime.ApplicationStopping);
        if (mode == ServerMode.Demo)
        {
            await Progress("Simulator: connecting robots …");
            (simulation, simulationRun, simulationToken) = await StartSimulationAsync(services, homeDirectory!, address, dataDirectory, configuration, cohort!, stopping.Token);
            var feed = services.GetRequiredService<FleetLiveFeed>();
            var expected = simulation.Robots.Count;
            var waited = Stopwatch.StartNew();
            while (feed.CountOnline < expected && waited.Elapsed < TimeSpan.FromSeconds(20) && !stopping.IsCancellationRequested)
            {
                await Task.Delay(50, stopping.Token);
            }

            await Progress($"{feed.CountOnline} of {expected} robots online");
            var queued = await DemoWork.QueueAsync(new Uri(address), simulationToken!, stopping.Token);
            await output.WriteLineAsync($"      {queued} tasks queued for the robots (patrols on both floors, a laundry delivery)");
        }

        await output.WriteLineAsync();
        await output.WriteLineAsync($"CareFleet is ready ({clock.Elapsed.TotalSeconds:0.0} s).");
        await output.WriteLineAsync($"  Dashboard:  {address}/");
        await output.WriteLineAsync($"  API:        {address}/api/reference");
        await output.WriteLineAsync($"  Log in as:  {loginHint}");
        await output.WriteLineAsync("Press Ctrl+C to stop.");

        try
        {
            await app.WaitForShutdownAsync(cancellationToken);
        }
        catch (OperationCanceledException)
        {
        }

        await output.WriteLineAsync("Stopping …");
        if (simulation is not null)
        {
            await stopping.CancelAsync();
            await simulationRun!.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            await simulation.DisposeAsync();
        }

        await app.StopAsync(CancellationToken.None);
        await output.WriteLineAsync("Stopped.");
        return 0;
    }

    private static async Task EnsureSchemaCurrentAsync(IServiceProvider services, ResolvedDatabase database, CancellationToken cancellationToken)
    {
        await using var scope = services.CreateAsyncScope();
        foreach (var type in PersistenceExtensions.ModuleContexts)
        {
            var db = (DbContext)scope.ServiceProvider.GetRequiredService(type);
            IEnumerable<string> pending;
            try
            {
                pending = await db.Database.GetPendingMigrationsAsync(cancellationToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                throw new StartupException($"Cannot reach the database ({database.Describe()}; set CareFleet:Database:ConnectionString): {e.GetBaseException().Message}", e);
            }

            if (pending.Any())
            {
                throw new StartupException($"The database schema is not current ({database.Describe()}): run 'carefleet migrate' or start with --migrate.");
            }
        }
    }

    private static async Task<string> EnsureAdminAsync(IServiceProvider services, string dataDirectory, CancellationToken cancellationToken)
    {
        var configured = services.GetRequiredService<IOptions<AccessOptions>>().Value.AdminPassword;
        await using var scope = services.CreateAsyncScope();
        var generated = await scope.ServiceProvider.GetRequiredService<AccessService>().EnsureAdminAsync(configured, cancellationToken);
        var file = Path.Combine(dataDirectory, "initial-admin-password");
        if (generated is not null)
        {
            Directory.CreateDirectory(dataDirectory);
            await File.WriteAllTextAsync(file, generated + Environment.NewLine, cancellationToken);
            if (!OperatingSystem.IsWindows())
            {
                File.SetUnixFileMode(file, UnixFileMode.UserRead | UnixFileMode.UserWrite);
            }

            return $"admin / {generated}   (generated; also saved in {file})";
        }

        if (configured is not null)
        {
            return "admin / the password you gave (--admin-password or CAREFLEET_ADMIN_PASSWORD)";
        }

        return File.Exists(file)
            ? $"admin / the password in {file}"
            : "admin / the password set earlier (reset it with --admin-password)";
    }

    private static string ResolveHome(string? configured)
    {
        var relative = configured ?? "samples/homes/sunrise-garden";
        foreach (var candidate in new[] { Path.GetFullPath(relative), Path.Combine(AppContext.BaseDirectory, relative) })
        {
            if (File.Exists(Path.Combine(candidate, "map.json")))
            {
                return candidate;
            }
        }

        throw new StartupException($"CareFleet:Simulation:Home (--home) '{relative}' is not a home directory with map.json, robots.json and residents.json.");
    }

    private static async Task AdmitSampleResidentsAsync(IServiceProvider services, string homeDirectory, CancellationToken cancellationToken)
    {
        var path = Path.Combine(homeDirectory, "residents.json");
        IReadOnlyList<ResidentFileEntry> entries;
        try
        {
            entries = ResidentImport.Parse(await File.ReadAllTextAsync(path, cancellationToken), path);
        }
        catch (ResidentFileException e)
        {
            throw new StartupException(e.Message, e);
        }

        await using var scope = services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<ResidentImport>().AdmitMissingAsync(entries, "sample home", cancellationToken);
    }

    private static SimulatedResidents DrawResidents(string homeDirectory, IReadOnlyDictionary<string, string?> settings)
    {
        var path = Path.Combine(homeDirectory, "residents.json");
        IReadOnlyList<ResidentFileEntry> entries;
        try
        {
            entries = ResidentImport.Parse(File.ReadAllText(path), path);
        }
        catch (ResidentFileException e)
        {
            throw new StartupException(e.Message, e);
        }

        var options = new ResidentSimulationOptions();
        new ConfigurationBuilder().AddInMemoryCollection(settings).Build().GetSection("CareFleet:Simulation:Residents").Bind(options);
        return new SimulatedResidents(entries.Select(e => e.Identifier), options, TimeProvider.System.GetUtcNow());
    }

    private static async Task<(SimulatedHome Home, Task Run, string Token)> StartSimulationAsync(IServiceProvider services, string homeDirectory, string address, string dataDirectory, IConfiguration configuration, SimulatedResidents cohort, CancellationToken cancellationToken)
    {
        HomeDefinition home;
        try
        {
            home = HomeDefinition.Load(homeDirectory);
        }
        catch (HomeDefinitionException e)
        {
            throw new StartupException(e.Message, e);
        }

        // The in-process simulator registers its robots through the public API like any vendor, with a
        // short-lived admin token minted for it.
        string token;
        await using (var scope = services.CreateAsyncScope())
        {
            var access = scope.ServiceProvider.GetRequiredService<AccessService>();
            var db = scope.ServiceProvider.GetRequiredService<AccessDbContext>();
            var adminId = await db.Staff.Where(s => s.UserName == "admin").Select(s => s.Id).SingleAsync(cancellationToken);
            token = (await access.CreateApiTokenAsync(adminId, "demo simulator", StaffRoles.Admin, TimeSpan.FromDays(1), cancellationToken)).Token.Token;
        }

        var mqtt = services.GetRequiredService<IOptions<Mqtt.MqttOptions>>().Value;
        var options = new SimulationOptions
        {
            Home = homeDirectory,
            Server = new Uri(address),
            ApiToken = token,
            MqttHost = "127.0.0.1",
            MqttPort = mqtt.Port,
            CredentialsFile = Path.Combine(dataDirectory, "simulated-robots.json"),
        };
        configuration.GetSection(SimulationOptions.Section).Bind(options);
        options.Home = homeDirectory;
        options.ApiToken = token;
        options.Server = new Uri(address);
        var http = new HttpClient { BaseAddress = options.Server };
        var time = services.GetRequiredService<CareClock>().Time;
        var simulation = new SimulatedHome(home, options, time, new RegistrationClient(http, token))
        {
            // The transfer-assist beds measure their residents' vital signs on the care topic.
            Vitals = new SimulatedVitals(cohort, time),
        };
        await simulation.StartAsync(cancellationToken);
        return (simulation, simulation.RunAsync(cancellationToken), token);
    }

    private static Exception? FindAddressInUse(Exception e)
    {
        for (Exception? x = e; x is not null; x = x.InnerException)
        {
            if (x is AddressInUseException || x is SocketException { SocketErrorCode: SocketError.AddressAlreadyInUse } || (x is IOException && x.Message.Contains("address already in use", StringComparison.OrdinalIgnoreCase)))
            {
                return x;
            }
        }

        return null;
    }
}
