using System.ComponentModel.DataAnnotations;

namespace CareFleet.Host.Mqtt;

public enum BrokerMode
{
    /// <summary>The MQTT broker runs inside the carefleet process.</summary>
    Embedded,

    /// <summary>CareFleet is a client of an external broker (e.g. Mosquitto), as in cluster mode.</summary>
    External,
}

public enum BrokerProvisioning
{
    /// <summary>The external broker's accounts are managed by its operator.</summary>
    None,

    /// <summary>Robot accounts and topic rights are created through Mosquitto's dynamic-security plugin.</summary>
    MosquittoDynamicSecurity,
}

/// <summary>The MQTT broker robots talk to (section <c>CareFleet:Mqtt</c>).</summary>
public sealed class MqttOptions
{
    public const string Section = "CareFleet:Mqtt";

    /// <summary><c>Embedded</c> (default) or <c>External</c>.</summary>
    public BrokerMode Mode { get; set; } = BrokerMode.Embedded;

    /// <summary>Embedded: the address to listen on. Default: 127.0.0.1 (loopback only).</summary>
    public string BindAddress { get; set; } = "127.0.0.1";

    /// <summary>The broker's host name (external) or 127.0.0.1 (embedded). Default: 127.0.0.1.</summary>
    public string Host { get; set; } = "127.0.0.1";

    /// <summary>The MQTT port: listened on (embedded) or connected to (external). Default: 1883.</summary>
    [Range(1, 65535)]
    public int Port { get; set; } = 1883;

    /// <summary>External: the user name of CareFleet's own connection. Default: none.</summary>
    public string? UserName { get; set; }

    /// <summary>External: the password of CareFleet's own connection. Default: none.</summary>
    public string? Password { get; set; }

    /// <summary>External: connect with TLS. Default: false.</summary>
    public bool UseTls { get; set; }

    /// <summary>External: how robots' broker accounts are created. Default: None.</summary>
    public BrokerProvisioning Provisioning { get; set; } = BrokerProvisioning.None;
}
