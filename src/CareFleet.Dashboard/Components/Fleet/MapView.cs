using System.Globalization;
using CareFleet.Contracts.Maps;

namespace CareFleet.Dashboard.Components.Fleet;

/// <summary>Drawing a floor in SVG: map y points up, SVG y points down, so y is negated.</summary>
public static class MapView
{
    /// <summary>The viewBox around every node of the floor, with a margin for labels.</summary>
    public static string Bounds(MapFloor floor, double margin = 4)
    {
        ArgumentNullException.ThrowIfNull(floor);
        if (floor.Nodes.Count == 0)
        {
            return "0 0 10 10";
        }

        var minX = floor.Nodes.Min(n => n.X) - margin;
        var maxX = floor.Nodes.Max(n => n.X) + margin;
        var minY = floor.Nodes.Min(n => -n.Y) - margin;
        var maxY = floor.Nodes.Max(n => -n.Y) + margin;
        return string.Create(CultureInfo.InvariantCulture, $"{minX:0.##} {minY:0.##} {maxX - minX:0.##} {maxY - minY:0.##}");
    }

    /// <summary>"F1-R101" → "R101": the floor is already on screen.</summary>
    public static string ShortName(string placeId)
    {
        ArgumentNullException.ThrowIfNull(placeId);
        var dash = placeId.IndexOf('-', StringComparison.Ordinal);
        return dash > 0 && dash < placeId.Length - 1 ? placeId[(dash + 1)..] : placeId;
    }
}
