using MQTTnet;
using MQTTnet.Adapter;
using MQTTnet.Exceptions;

namespace CareFleet.Simulation;

/// <summary>Runs every robot of a sample home against a CareFleet server and broker.</summary>
public sealed class SimulatedHome(HomeDefinition home, SimulationOptions options, TimeProvider time, RegistrationClient? registration, IProgress<string>? progress = null) : IAsyncDisposable
{
    private readonly List<SimulatedRobot> _robots = [];
    private readonly RobotCredentialStore _credentials = new(options.CredentialsFile);

    public IReadOnlyList<SimulatedRobot> Robots => _robots;

    /// <summary>When set, the transfer-assist beds also publish their residents' vital signs.</summary>
    public Residents.SimulatedVitals? Vitals { get; set; }

    /// <summary>Connects every robot, registering or re-credentialing it through the API when needed.</summary>
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await Parallel.ForEachAsync(home.Robots, new ParallelOptions { MaxDegreeOfParallelism = 4, CancellationToken = cancellationToken }, async (spec, ct) =>
        {
            var robot = new SimulatedRobot(spec, home, time);
            await ConnectAsync(robot, ct);
            lock (_robots)
            {
                _robots.Add(robot);
            }

            progress?.Report($"{spec.Manufacturer}/{spec.SerialNumber} online");
        });
    }

    /// <summary>Publishes state until cancelled.</summary>
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        using var timer = new PeriodicTimer(options.StateInterval);
        try
        {
            while (await timer.WaitForNextTickAsync(cancellationToken))
            {
                foreach (var robot in _robots)
                {
                    try
                    {
                        if (!robot.IsConnected)
                        {
                            await ConnectAsync(robot, cancellationToken);
                        }

                        await robot.TickAsync(cancellationToken);
                    }
                    catch (Exception e) when (e is MqttCommunicationException or BrokerRefusedException or HttpRequestException)
                    {
                        progress?.Report($"{robot.Spec.SerialNumber}: {e.Message}; retrying");
                    }
                }

                if (Vitals is { } vitals)
                {
                    try
                    {
                        await vitals.PublishDueAsync(_robots, cancellationToken);
                    }
                    catch (MqttCommunicationException e)
                    {
                        progress?.Report($"vital signs: {e.Message}; retrying");
                    }
                }
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }
    }

    private async Task ConnectAsync(SimulatedRobot robot, CancellationToken cancellationToken)
    {
        var spec = robot.Spec;
        var userName = $"{spec.Manufacturer}/{spec.SerialNumber}";
        var password = _credentials.Get(userName);
        if (password is not null)
        {
            try
            {
                await robot.ConnectAsync(options.MqttHost, options.MqttPort, userName, password, cancellationToken);
                return;
            }
            catch (BrokerRefusedException)
            {
                // Credentials were rotated or the server's database was reset: ask for new ones below.
            }
        }

        if (registration is null)
        {
            throw new InvalidOperationException($"Robot {userName} has no valid broker credentials and no API token was given to register it.");
        }

        password = await registration.ObtainCredentialsAsync(spec, cancellationToken);
        _credentials.Set(userName, password);
        await robot.ConnectAsync(options.MqttHost, options.MqttPort, userName, password, cancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var robot in _robots)
        {
            await robot.DisposeAsync();
        }
    }
}
