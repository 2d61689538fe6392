using CareFleet.Contracts.Maps;
using CareFleet.Dashboard.Components.Fleet;

namespace CareFleet.Dashboard.Tests;

public sealed class MapViewTests
{
    [Fact]
    public void Bounds_EncloseEveryNode_WithYFlipped()
    {
        var floor = new MapFloor
        {
            Id = "F1",
            Nodes = [new MapNode { Id = "a", X = 0, Y = 0 }, new MapNode { Id = "b", X = 10, Y = 5 }, new MapNode { Id = "c", X = -2, Y = -3 }],
        };
        // x from -2 to 10, SVG y (= -map y) from -5 to 3, each widened by the margin of 1.
        Assert.Equal("-3 -6 14 10", MapView.Bounds(floor, margin: 1));
    }

    [Theory]
    [InlineData("F1-R101", "R101")]
    [InlineData("PHARMACY", "PHARMACY")]
    [InlineData("F2-", "F2-")]
    public void ShortName_DropsTheFloorPrefix(string id, string expected) => Assert.Equal(expected, MapView.ShortName(id));
}
