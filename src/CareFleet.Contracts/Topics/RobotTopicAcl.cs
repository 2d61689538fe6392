using CareFleet.Contracts.Vda5050;

namespace CareFleet.Contracts.Topics;

/// <summary>
/// The broker rule for robot credentials: a robot may publish and subscribe only below its own
/// <c>uagv/v2/{manufacturer}/{serial}/#</c> and <c>carefleet/v1/robots/{manufacturer}/{serial}/#</c>.
/// </summary>
public static class RobotTopicAcl
{
    /// <summary>Prefix of CareFleet's own per-robot care topics.</summary>
    public const string CareTopicPrefix = "carefleet/v1/robots/";

    /// <summary>Builds a CareFleet care topic for a robot, e.g. <c>carefleet/v1/robots/Acme/MED-1/vitals</c>.</summary>
    /// <param name="manufacturer">Manufacturer.</param>
    /// <param name="serialNumber">Serial number.</param>
    /// <param name="subtopic">Care subtopic (no wildcards, no leading slash).</param>
    /// <returns>The topic.</returns>
    public static string CareTopic(string manufacturer, string serialNumber, string subtopic)
    {
        if (Vda5050Topics.ValidateManufacturer(manufacturer) is { } m)
        {
            throw new ArgumentException(m, nameof(manufacturer));
        }

        if (Vda5050Topics.ValidateSerialNumber(serialNumber) is { } s)
        {
            throw new ArgumentException(s, nameof(serialNumber));
        }

        ArgumentException.ThrowIfNullOrEmpty(subtopic);
        if (subtopic.StartsWith('/') || subtopic.AsSpan().IndexOfAny("+#$") >= 0)
        {
            throw new ArgumentException($"Subtopic '{subtopic}' must not start with '/' or contain wildcards or '$'.", nameof(subtopic));
        }

        return string.Concat(CareTopicPrefix, manufacturer, "/", serialNumber, "/", subtopic);
    }

    /// <summary>Whether a robot may publish to, or subscribe with, a topic or topic filter.</summary>
    /// <param name="manufacturer">The robot's manufacturer (from its credentials).</param>
    /// <param name="serialNumber">The robot's serial number (from its credentials).</param>
    /// <param name="topicOrFilter">The topic or filter it asks for; wildcards are allowed only below its own levels.</param>
    /// <returns>True when allowed.</returns>
    public static bool IsAllowed(string manufacturer, string serialNumber, string topicOrFilter)
    {
        if (Vda5050Topics.ValidateManufacturer(manufacturer) is not null || Vda5050Topics.ValidateSerialNumber(serialNumber) is not null
            || string.IsNullOrEmpty(topicOrFilter))
        {
            return false;
        }

        foreach (var prefix in (ReadOnlySpan<string>)[Vda5050Topics.Prefix, CareTopicPrefix])
        {
            var own = string.Concat(prefix, manufacturer, "/", serialNumber);

            // Exact levels only: "MED-1" must not grant "MED-10", and "own/#" also matches "own" itself in MQTT.
            if (topicOrFilter == own + "/#" || (topicOrFilter.StartsWith(own + "/", StringComparison.Ordinal) && topicOrFilter.Length > own.Length + 1))
            {
                return true;
            }
        }

        return false;
    }
}
