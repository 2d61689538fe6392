namespace CareFleet.Simulation;

/// <summary>Where the simulated home lives and how it reaches CareFleet (section <c>CareFleet:Simulation</c>).</summary>
public sealed class SimulationOptions
{
    public const string Section = "CareFleet:Simulation";

    /// <summary>The home directory with map.json, robots.json and residents.json. Default: samples/homes/sunrise-garden.</summary>
    public string Home { get; set; } = "samples/homes/sunrise-garden";

    /// <summary>The CareFleet server's base address. Default: http://127.0.0.1:5080.</summary>
    public Uri Server { get; set; } = new("http://127.0.0.1:5080");

    /// <summary>An admin API token to register the simulated robots. Default: none (robots must already have stored credentials).</summary>
    public string? ApiToken { get; set; }

    /// <summary>The broker's host. Default: 127.0.0.1.</summary>
    public string MqttHost { get; set; } = "127.0.0.1";

    /// <summary>The broker's port. Default: 1883.</summary>
    public int MqttPort { get; set; } = 1883;

    /// <summary>Where robots keep the credentials issued to them. Default: data/simulated-robots.json.</summary>
    public string CredentialsFile { get; set; } = "data/simulated-robots.json";

    /// <summary>Real time between state messages of one robot. Default: 1 s (VDA 5050 asks for at most 30 s).</summary>
    public TimeSpan StateInterval { get; set; } = TimeSpan.FromSeconds(1);
}
