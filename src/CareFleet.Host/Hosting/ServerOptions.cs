using System.ComponentModel.DataAnnotations;

namespace CareFleet.Host.Hosting;

/// <summary>The web server (section <c>CareFleet:Web</c>).</summary>
public sealed class WebOptions
{
    public const string Section = "CareFleet:Web";

    /// <summary>Address to listen on. Default: 127.0.0.1.</summary>
    public string BindAddress { get; set; } = "127.0.0.1";

    /// <summary>HTTP port. Default: 5080.</summary>
    [Range(1, 65535)]
    public int Port { get; set; } = 5080;
}

/// <summary>The co-hosted Orleans silo (section <c>CareFleet:Orleans</c>).</summary>
public sealed class SiloOptions
{
    public const string Section = "CareFleet:Orleans";

    /// <summary>Silo-to-silo port. Default: 11111.</summary>
    [Range(1, 65535)]
    public int SiloPort { get; set; } = 11111;

    /// <summary>Client gateway port. Default: 30000.</summary>
    [Range(1, 65535)]
    public int GatewayPort { get; set; } = 30000;
}

public enum ServerMode
{
    Serve,
    Demo,
}
