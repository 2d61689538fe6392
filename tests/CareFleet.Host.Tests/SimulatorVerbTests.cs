using System.Net.Http.Json;
using CareFleet.Fleet.Twins;
using CareFleet.Host.Access;
using CareFleet.Host.Cli;
using CareFleet.Host.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace CareFleet.Host.Tests;

/// <summary><c>carefleet sim</c> against a running server, as a vendor's test bench would run it.</summary>
[Collection(ServerCollection.Name)]
public sealed class SimulatorVerbTests(ServerFixture server)
{
    [Fact]
    public async Task Sim_RegistersAndConnectsTheSampleFleet_AndSaysGoodbyeWhenStopped()
    {
        var admin = await server.AdminTokenAsync();
        using var created = await server.Http.SendAsync(server.Request(HttpMethod.Post, "/api/auth/api-tokens", admin, new { name = "sim verb test", role = "admin" }));
        var token = (await created.Content.ReadFromJsonAsync<CreateApiTokenResponse>())!.Token;
        var home = Path.Combine(AppContext.BaseDirectory, "samples", "homes", "sunrise-garden");
        var command = CommandLine.Parse(Verbs.All,
        [
            "sim", "--server", server.Http.BaseAddress!.ToString(), "--api-token", token,
            "--mqtt-port", server.MqttPort.ToString(System.Globalization.CultureInfo.InvariantCulture),
            "--home", home, "--data", TestEnvironment.TempDirectory("sim"),
        ]);

        var feed = server.Services.GetRequiredService<FleetLiveFeed>();
        using var stop = new CancellationTokenSource();
        using var output = new StringWriter();
        var run = SimulatorRunner.RunAsync(command, TextWriter.Synchronized(output), stop.Token);
        string[] fleet = ["KangleRobotics/MED-1", "KangleRobotics/MED-2", "KangleRobotics/CHESS-1", "MeridianCare/PATROL-1", "MeridianCare/PATROL-2",
            "MeridianCare/LAUNDRY-1", "AuroraMed/BED-1", "AuroraMed/BED-2", "AuroraMed/BED-3", "AuroraMed/EX-1"];
        foreach (var serial in fleet)
        {
            await TwinWaiter.WaitForAsync(feed, serial, t => t.Connection == ConnectionStates.Online && t.BatteryCharge is not null, "online with a battery reading");
        }

        await stop.CancelAsync();
        Assert.Equal(0, await run.WaitAsync(TimeSpan.FromSeconds(30)));
        await TwinWaiter.WaitForAsync(feed, "KangleRobotics/MED-1", t => t.Connection == ConnectionStates.Offline, "offline after a clean stop");
    }

    [Fact]
    public async Task Sim_WithoutATokenOrStoredCredentials_SaysWhatIsMissing()
    {
        var home = Path.Combine(AppContext.BaseDirectory, "samples", "homes", "sunrise-garden");
        var command = CommandLine.Parse(Verbs.All,
        [
            "sim", "--server", server.Http.BaseAddress!.ToString(),
            "--mqtt-port", server.MqttPort.ToString(System.Globalization.CultureInfo.InvariantCulture),
            "--home", home, "--data", TestEnvironment.TempDirectory("sim"),
        ]);
        var error = await Assert.ThrowsAsync<StartupException>(() => SimulatorRunner.RunAsync(command, TextWriter.Null, CancellationToken.None));
        Assert.Contains("API token", error.Message, StringComparison.Ordinal);
    }
}
