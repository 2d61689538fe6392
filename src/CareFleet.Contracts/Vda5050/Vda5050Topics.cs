using System.Diagnostics.CodeAnalysis;

namespace CareFleet.Contracts.Vda5050;

/// <summary>The VDA 5050 topics (the last level of the MQTT topic).</summary>
public enum Vda5050Topic
{
    /// <summary><c>order</c>, master control to AGV, QoS 0.</summary>
    Order,

    /// <summary><c>instantActions</c>, master control to AGV, QoS 0.</summary>
    InstantActions,

    /// <summary><c>state</c>, AGV to master control, QoS 0.</summary>
    State,

    /// <summary><c>visualization</c>, AGV to any, QoS 0.</summary>
    Visualization,

    /// <summary><c>connection</c>, AGV or broker (last will) to master control, QoS 1, retained.</summary>
    Connection,

    /// <summary><c>factsheet</c>, AGV to master control, QoS 0, retained.</summary>
    Factsheet,
}

/// <summary>A parsed VDA 5050 topic.</summary>
/// <param name="Manufacturer">Manufacturer level.</param>
/// <param name="SerialNumber">Serial number level.</param>
/// <param name="Topic">Topic level.</param>
public readonly record struct Vda5050TopicAddress(string Manufacturer, string SerialNumber, Vda5050Topic Topic);

/// <summary>Builds and parses <c>uagv/v2/{manufacturer}/{serialNumber}/{topic}</c> (§6.2).</summary>
public static class Vda5050Topics
{
    /// <summary>Interface name, the first topic level.</summary>
    public const string InterfaceName = "uagv";

    /// <summary>Major version level: "v" plus the protocol's major version.</summary>
    public const string MajorVersion = "v2";

    /// <summary>The prefix of every VDA 5050 topic CareFleet uses.</summary>
    public const string Prefix = InterfaceName + "/" + MajorVersion + "/";

    /// <summary>The wire name of a topic.</summary>
    /// <param name="topic">The topic.</param>
    /// <returns>e.g. <c>instantActions</c>.</returns>
    public static string Name(Vda5050Topic topic) => topic switch
    {
        Vda5050Topic.Order => "order",
        Vda5050Topic.InstantActions => "instantActions",
        Vda5050Topic.State => "state",
        Vda5050Topic.Visualization => "visualization",
        Vda5050Topic.Connection => "connection",
        Vda5050Topic.Factsheet => "factsheet",
        _ => throw new ArgumentOutOfRangeException(nameof(topic), topic, "Unknown VDA 5050 topic."),
    };

    /// <summary>The MQTT quality of service the spec gives a topic: 1 for connection, 0 for the rest.</summary>
    /// <param name="topic">The topic.</param>
    /// <returns>0 or 1.</returns>
    public static int QualityOfService(Vda5050Topic topic) => topic == Vda5050Topic.Connection ? 1 : 0;

    /// <summary>Whether messages on the topic are published retained (connection and factsheet).</summary>
    /// <param name="topic">The topic.</param>
    /// <returns>True when retained.</returns>
    public static bool IsRetained(Vda5050Topic topic) => topic is Vda5050Topic.Connection or Vda5050Topic.Factsheet;

    /// <summary>Builds a topic for one AGV.</summary>
    /// <param name="manufacturer">Manufacturer.</param>
    /// <param name="serialNumber">Serial number.</param>
    /// <param name="topic">Topic.</param>
    /// <returns>e.g. <c>uagv/v2/Acme/MED-1/order</c>.</returns>
    /// <exception cref="ArgumentException">A segment is not allowed in a topic.</exception>
    public static string Build(string manufacturer, string serialNumber, Vda5050Topic topic)
    {
        if (ValidateManufacturer(manufacturer) is { } m)
        {
            throw new ArgumentException(m, nameof(manufacturer));
        }

        if (ValidateSerialNumber(serialNumber) is { } s)
        {
            throw new ArgumentException(s, nameof(serialNumber));
        }

        return string.Concat(Prefix, manufacturer, "/", serialNumber, "/", Name(topic));
    }

    /// <summary>A subscription filter for one topic of every AGV, e.g. <c>uagv/v2/+/+/state</c>.</summary>
    /// <param name="topic">The topic.</param>
    /// <returns>The filter.</returns>
    public static string SubscriptionForAll(Vda5050Topic topic) => Prefix + "+/+/" + Name(topic);

    /// <summary>Parses a topic.</summary>
    /// <param name="topic">The MQTT topic.</param>
    /// <param name="address">The parsed address.</param>
    /// <param name="error">Why the topic was rejected.</param>
    /// <returns>True when the topic is a valid VDA 5050 v2 topic.</returns>
    public static bool TryParse(string? topic, out Vda5050TopicAddress address, [NotNullWhen(false)] out string? error)
    {
        address = default;
        if (string.IsNullOrEmpty(topic))
        {
            error = "Topic is empty.";
            return false;
        }

        var levels = topic.Split('/');
        if (levels.Length != 5)
        {
            error = $"Topic '{topic}' has {levels.Length} levels; expected 5: {InterfaceName}/{MajorVersion}/manufacturer/serialNumber/topic.";
            return false;
        }

        if (levels[0] != InterfaceName)
        {
            error = $"Topic '{topic}' has interface name '{levels[0]}'; expected '{InterfaceName}'.";
            return false;
        }

        if (levels[1] != MajorVersion)
        {
            error = $"Topic '{topic}' has major version '{levels[1]}'; expected '{MajorVersion}'.";
            return false;
        }

        if (ValidateManufacturer(levels[2]) is { } m)
        {
            error = m;
            return false;
        }

        if (ValidateSerialNumber(levels[3]) is { } s)
        {
            error = s;
            return false;
        }

        if (!TryParseTopicName(levels[4], out var t))
        {
            error = $"Topic '{topic}' ends in unknown topic '{levels[4]}'.";
            return false;
        }

        address = new Vda5050TopicAddress(levels[2], levels[3], t);
        error = null;
        return true;
    }

    /// <summary>Parses a topic's last level.</summary>
    /// <param name="name">e.g. <c>state</c> (case-sensitive, as on the wire).</param>
    /// <param name="topic">The topic.</param>
    /// <returns>True when known.</returns>
    public static bool TryParseTopicName(string name, out Vda5050Topic topic)
    {
        foreach (var candidate in Enum.GetValues<Vda5050Topic>())
        {
            if (Name(candidate) == name)
            {
                topic = candidate;
                return true;
            }
        }

        topic = default;
        return false;
    }

    /// <summary>Checks a manufacturer level: not empty, no <c>/ + # $</c> and no control characters.</summary>
    /// <param name="manufacturer">The value.</param>
    /// <returns>Null when valid, else the reason.</returns>
    public static string? ValidateManufacturer(string? manufacturer)
    {
        if (string.IsNullOrEmpty(manufacturer))
        {
            return "Manufacturer is empty.";
        }

        foreach (var c in manufacturer)
        {
            if (c is '/' or '+' or '#' or '$' || char.IsControl(c))
            {
                return $"Manufacturer '{manufacturer}' contains '{(char.IsControl(c) ? "\\u" + ((int)c).ToString("x4", System.Globalization.CultureInfo.InvariantCulture) : c.ToString())}', which is not allowed in a topic level.";
            }
        }

        return null;
    }

    /// <summary>Checks a serial number: not empty, only <c>A-Z a-z 0-9 _ . : -</c> (§6.2).</summary>
    /// <param name="serialNumber">The value.</param>
    /// <returns>Null when valid, else the reason.</returns>
    public static string? ValidateSerialNumber(string? serialNumber)
    {
        if (string.IsNullOrEmpty(serialNumber))
        {
            return "Serial number is empty.";
        }

        foreach (var c in serialNumber)
        {
            if (!(char.IsAsciiLetterOrDigit(c) || c is '_' or '.' or ':' or '-'))
            {
                return $"Serial number '{serialNumber}' contains '{c}'; only A-Z a-z 0-9 _ . : - are allowed.";
            }
        }

        return null;
    }
}
