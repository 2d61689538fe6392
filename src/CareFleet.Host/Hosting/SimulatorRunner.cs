using CareFleet.Host.Cli;
using CareFleet.Simulation;

namespace CareFleet.Host.Hosting;

/// <summary><c>carefleet sim</c>: the simulated home alone, against any CareFleet server and broker.</summary>
public static class SimulatorRunner
{
    public static async Task<int> RunAsync(ParsedCommand command, TextWriter output, CancellationToken cancellationToken)
    {
        var configuration = new ConfigurationBuilder()
            .AddEnvironmentVariables()
            .AddInMemoryCollection(command.Settings)
            .Build();
        var options = new SimulationOptions();
        configuration.GetSection(SimulationOptions.Section).Bind(options);
        var dataDirectory = configuration["CareFleet:DataDirectory"] ?? "data";
        options.CredentialsFile = Path.Combine(dataDirectory, "simulated-robots.json");
        var speedText = configuration["CareFleet:Clock:Speed"] ?? "1";
        if (!double.TryParse(speedText, System.Globalization.CultureInfo.InvariantCulture, out var speed) || speed < 1)
        {
            throw new StartupException($"--speed is '{speedText}'; it must be a number ≥ 1.");
        }

        HomeDefinition home;
        try
        {
            home = HomeDefinition.Load(options.Home);
        }
        catch (HomeDefinitionException e)
        {
            throw new StartupException(e.Message, e);
        }

        using var http = new HttpClient { BaseAddress = options.Server };
        var registration = options.ApiToken is { Length: > 0 } token ? new RegistrationClient(http, token) : null;
        TimeProvider time = speed == 1 ? TimeProvider.System : new Clock.ScaledTimeProvider(TimeProvider.System, speed);
        await using var simulation = new SimulatedHome(home, options, time, registration, new Progress<string>(output.WriteLine));
        await output.WriteLineAsync($"Connecting {home.Robots.Count} robots to {options.MqttHost}:{options.MqttPort} …");
        try
        {
            await simulation.StartAsync(cancellationToken);
        }
        catch (Exception e) when (e is HttpRequestException or InvalidOperationException or MQTTnet.Exceptions.MqttCommunicationException)
        {
            throw new StartupException(e.Message, e);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Stopped while robots were still connecting: those already online say goodbye on dispose.
            return 0;
        }

        await output.WriteLineAsync("All robots online. Press Ctrl+C to stop.");
        await simulation.RunAsync(cancellationToken);
        return 0;
    }
}
