using CareFleet.Contracts.Maps;

namespace CareFleet.Contracts.Tests;

public sealed class HomeMapJsonTests
{
    private const string SmallMap = """
        {
          "id": "tiny", "version": "3", "name": "Tiny Home",
          "floors": [ {
            "id": "F1", "level": 1, "name": "Ground",
            "nodes": [ { "id": "A", "x": 0, "y": 0 }, { "id": "B", "x": 3, "y": 4 } ],
            "edges": [ { "id": "AB", "from": "A", "to": "B", "maxSpeed": 0.7, "oneWay": true, "widthClass": "wide" } ],
            "places": [ { "id": "F1-R101", "kind": "room", "name": { "en": "Room 101", "zh": "101 房间" }, "nodeId": "B" },
                        { "id": "F1-R101-A", "kind": "bed", "name": { "en": "Bed A", "zh": "A 床" }, "nodeId": "B", "roomId": "F1-R101" },
                        { "id": "NURSE-F1", "kind": "nurseStation", "name": { "en": "Nurse station", "zh": "护士站" }, "nodeId": "A" } ]
          } ],
          "doors": [ { "id": "FD-1", "nodeId": "A", "controller": "door-1", "fireDoor": true } ],
          "lifts": [ { "id": "LIFT-A", "stops": [ { "floorId": "F1", "nodeId": "A" } ], "travelSecondsPerFloor": 12, "doorSeconds": 6 } ],
          "zones": [ { "id": "Q1", "floorId": "F1", "polygon": [ { "x": 0, "y": 0 }, { "x": 5, "y": 0 }, { "x": 5, "y": 5 } ],
                       "rules": { "quietHours": { "from": "21:00", "to": "07:00", "maxSpeed": 0.3 }, "noParking": false } },
                     { "id": "NP1", "nodeIds": [ "A" ], "rules": { "noParking": true } } ]
        }
        """;

    [Fact]
    public void Map_IsRead_WithTypedFields()
    {
        Assert.True(HomeMapJson.TryDeserialize(SmallMap, out var map, out var error), error);

        var floor = Assert.Single(map.Floors);
        Assert.Equal(WidthClass.Wide, Assert.Single(floor.Edges).WidthClass);
        Assert.True(floor.Edges[0].OneWay);
        Assert.Null(floor.Edges[0].Length);
        Assert.Equal(PlaceKind.NurseStation, floor.Places[2].Kind);
        Assert.Equal("101 房间", floor.Places[0].Name.Zh);
        Assert.Equal(new TimeOnly(21, 0), map.Zones[0].Rules.QuietHours!.From);
        Assert.True(map.Zones[1].Rules.NoParking);
        Assert.Equal(12, map.Lifts[0].TravelSecondsPerFloor);
    }

    [Fact]
    public void Map_RoundTrips()
    {
        Assert.True(HomeMapJson.TryDeserialize(SmallMap, out var map, out _));

        var written = HomeMapJson.Serialize(map);

        Assert.True(HomeMapJson.TryDeserialize(written, out var again, out var error), error);
        Assert.Equal(written, HomeMapJson.Serialize(again));
        Assert.Contains("\"widthClass\": \"wide\"", written, StringComparison.Ordinal);
        Assert.Contains("\"from\": \"21:00\"", written, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("", "empty")]
    [InlineData("null", "null")]
    [InlineData("{ \"id\": \"x\", \"floors\": [ { \"id\": \"F1\", \"level\": \"one\" } ] }", "$.floors[0].level")]
    [InlineData("{ \"zones\": [ { \"id\": \"Q\", \"rules\": { \"quietHours\": { \"from\": \"9pm\", \"to\": \"07:00\" } } } ] }", "9pm")]
    [InlineData("{ \"floors\": [ { \"places\": [ { \"id\": \"P\", \"kind\": \"spaceport\" } ] } ] }", "$.floors[0].places[0].kind")]
    [InlineData("{ \"id\": ", "line 1")]
    public void BadMapFile_IsRefused_SayingWhere(string json, string expected)
    {
        Assert.False(HomeMapJson.TryDeserialize(json, out _, out var error));
        Assert.Contains(expected, error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(22, 0, true)]
    [InlineData(3, 30, true)]
    [InlineData(7, 0, false)]
    [InlineData(12, 0, false)]
    [InlineData(21, 0, true)]
    public void QuietHours_WrapMidnight(int hour, int minute, bool inside)
    {
        var quiet = new QuietHours { From = new TimeOnly(21, 0), To = new TimeOnly(7, 0), MaxSpeed = 0.3 };

        Assert.Equal(inside, quiet.Contains(new TimeOnly(hour, minute)));
    }

    [Fact]
    public void DaytimeQuietHours_DoNotWrap()
    {
        var quiet = new QuietHours { From = new TimeOnly(13, 0), To = new TimeOnly(14, 30), MaxSpeed = 0.3 };

        Assert.True(quiet.Contains(new TimeOnly(13, 45)));
        Assert.False(quiet.Contains(new TimeOnly(15, 0)));
        Assert.False(quiet.Contains(new TimeOnly(2, 0)));
    }
}
