using CareFleet.Fleet.Twins;
using MudBlazor;

namespace CareFleet.Dashboard.Components.Fleet;

/// <summary>How a robot's twin is summed up for staff: one status word, a colour, a battery warning.</summary>
public static class RobotDisplay
{
    /// <summary>Below this charge a robot's battery is shown as low.</summary>
    public const double LowBattery = 20;

    /// <summary>
    /// The one status a caregiver needs first: a fault outranks a manual/service hand-over, which outranks
    /// pause, motion, charging and work. Keys into the Status_* texts.
    /// </summary>
    public static string Status(RobotTwinSnapshot twin)
    {
        ArgumentNullException.ThrowIfNull(twin);
        if (twin.Connection is not ConnectionStates.Online)
        {
            return "unknown";
        }

        return twin.FatalErrors > 0 ? "fault"
            : twin.OperatingMode is "MANUAL" ? "manual"
            : twin.OperatingMode is "SERVICE" ? "service"
            : twin.Paused ? "paused"
            : twin.Driving ? "driving"
            : twin.Charging ? "charging"
            : twin.OrderId is { Length: > 0 } ? "working"
            : "idle";
    }

    public static Color ConnectionColor(string connection) => connection switch
    {
        ConnectionStates.Online => Color.Success,
        ConnectionStates.ConnectionBroken => Color.Error,
        ConnectionStates.Offline => Color.Default,
        _ => Color.Warning,
    };

    public static bool IsBatteryLow(RobotTwinSnapshot twin) => twin?.BatteryCharge is < LowBattery;
}
