using CareFleet.Contracts.Maps;
using CareFleet.Contracts.Vda5050;

namespace CareFleet.Fleet.Routing;

/// <summary>What the router needs to know about a robot (from its factsheet's physical parameters).</summary>
/// <param name="MaxSpeed">Top speed in m/s.</param>
/// <param name="Width">Width in metres; decides which passages it fits.</param>
public sealed record RobotProfile(double MaxSpeed, double Width)
{
    /// <summary>Widest robot each width class admits, metres.</summary>
    public static double MaxWidthFor(WidthClass widthClass) => widthClass switch
    {
        WidthClass.Narrow => 0.6,
        WidthClass.Standard => 0.8,
        WidthClass.Wide => 1.2,
        _ => 0,
    };

    /// <summary>The profile a robot declares in its factsheet (<c>physicalParameters.speedMax</c> and <c>width</c>).</summary>
    /// <param name="factsheet">The factsheet.</param>
    /// <returns>The profile.</returns>
    public static RobotProfile FromFactsheet(Factsheet factsheet)
    {
        ArgumentNullException.ThrowIfNull(factsheet);
        return new RobotProfile(factsheet.PhysicalParameters.SpeedMax, factsheet.PhysicalParameters.Width);
    }

    /// <summary>Whether the robot fits a passage of the given class.</summary>
    /// <param name="widthClass">The passage's class.</param>
    /// <returns>True when it fits.</returns>
    public bool Fits(WidthClass widthClass) => Width <= MaxWidthFor(widthClass) + 1e-9;
}
