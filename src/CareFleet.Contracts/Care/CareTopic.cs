using CareFleet.Contracts.Topics;
using CareFleet.Contracts.Vda5050;

namespace CareFleet.Contracts.Care;

/// <summary>The CareFleet care subtopics a robot publishes below <c>carefleet/v1/robots/{manufacturer}/{serialNumber}/</c>.</summary>
public enum CareTopic
{
    /// <summary><c>vitals</c>: <see cref="VitalSignsMessage"/>.</summary>
    Vitals,

    /// <summary><c>bed</c>: <see cref="BedEventMessage"/>.</summary>
    Bed,

    /// <summary><c>findings</c>: <see cref="PatrolFindingMessage"/>.</summary>
    Findings,
}

/// <summary>A parsed care topic: which robot, which subtopic.</summary>
/// <param name="Manufacturer">The robot's manufacturer.</param>
/// <param name="SerialNumber">The robot's serial number.</param>
/// <param name="Topic">The subtopic.</param>
public readonly record struct CareTopicAddress(string Manufacturer, string SerialNumber, CareTopic Topic);

/// <summary>Builds and parses care topics.</summary>
public static class CareTopics
{
    /// <summary>The subtopic name of <paramref name="topic"/>.</summary>
    /// <param name="topic">The subtopic.</param>
    /// <returns><c>vitals</c>, <c>bed</c> or <c>findings</c>.</returns>
    public static string NameOf(CareTopic topic) => topic switch
    {
        CareTopic.Vitals => "vitals",
        CareTopic.Bed => "bed",
        CareTopic.Findings => "findings",
        _ => throw new ArgumentOutOfRangeException(nameof(topic), topic, "Unknown care topic."),
    };

    /// <summary>The topic a robot publishes <paramref name="topic"/> on.</summary>
    /// <param name="manufacturer">Manufacturer.</param>
    /// <param name="serialNumber">Serial number.</param>
    /// <param name="topic">The subtopic.</param>
    /// <returns>E.g. <c>carefleet/v1/robots/AuroraMed/BED-1/vitals</c>.</returns>
    public static string For(string manufacturer, string serialNumber, CareTopic topic) =>
        RobotTopicAcl.CareTopic(manufacturer, serialNumber, NameOf(topic));

    /// <summary>The filter that receives <paramref name="topic"/> from every robot.</summary>
    /// <param name="topic">The subtopic.</param>
    /// <returns>E.g. <c>carefleet/v1/robots/+/+/vitals</c>.</returns>
    public static string SubscriptionForAll(CareTopic topic) => RobotTopicAcl.CareTopicPrefix + "+/+/" + NameOf(topic);

    /// <summary>Parses a received topic; on failure <paramref name="error"/> says why.</summary>
    /// <param name="topic">The topic.</param>
    /// <param name="address">The robot and subtopic.</param>
    /// <param name="error">Why the topic is not a care topic.</param>
    /// <returns>True when parsed.</returns>
    public static bool TryParse(string? topic, out CareTopicAddress address, out string error)
    {
        address = default;
        if (topic is null || !topic.StartsWith(RobotTopicAcl.CareTopicPrefix, StringComparison.Ordinal))
        {
            error = $"'{topic}' is not below {RobotTopicAcl.CareTopicPrefix}.";
            return false;
        }

        var parts = topic[RobotTopicAcl.CareTopicPrefix.Length..].Split('/');
        if (parts.Length != 3)
        {
            error = $"'{topic}' must be {RobotTopicAcl.CareTopicPrefix}{{manufacturer}}/{{serialNumber}}/{{subtopic}}.";
            return false;
        }

        if (Vda5050Topics.ValidateManufacturer(parts[0]) is { } m)
        {
            error = m;
            return false;
        }

        if (Vda5050Topics.ValidateSerialNumber(parts[1]) is { } s)
        {
            error = s;
            return false;
        }

        CareTopic? kind = parts[2] switch
        {
            "vitals" => CareTopic.Vitals,
            "bed" => CareTopic.Bed,
            "findings" => CareTopic.Findings,
            _ => null,
        };
        if (kind is null)
        {
            error = $"Unknown care subtopic '{parts[2]}' (expected vitals, bed or findings).";
            return false;
        }

        address = new CareTopicAddress(parts[0], parts[1], kind.Value);
        error = string.Empty;
        return true;
    }
}
