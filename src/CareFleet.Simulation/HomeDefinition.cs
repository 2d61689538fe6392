using System.Text.Json;
using System.Text.Json.Serialization;
using CareFleet.Contracts.Maps;

namespace CareFleet.Simulation;

/// <summary>One robot of a sample home's robots.json.</summary>
public sealed record SimulatedRobotSpec(
    [property: JsonRequired] string Manufacturer,
    [property: JsonRequired] string SerialNumber,
    [property: JsonRequired] string Type,
    [property: JsonRequired] string Name,
    [property: JsonRequired] string StartPlace,
    double Battery = 90);

public sealed class HomeDefinitionException(string message) : Exception(message);

/// <summary>A sample home as the simulator sees it: the map and the robots to run.</summary>
public sealed record HomeDefinition(string Directory, HomeMapDocument Map, IReadOnlyList<SimulatedRobotSpec> Robots)
{
    private static readonly JsonSerializerOptions FileJson = new(JsonSerializerDefaults.Web) { ReadCommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true };

    public static HomeDefinition Load(string directory)
    {
        var mapPath = Path.Combine(directory, "map.json");
        var robotsPath = Path.Combine(directory, "robots.json");
        if (!File.Exists(mapPath) || !File.Exists(robotsPath))
        {
            throw new HomeDefinitionException($"'{directory}' is not a home directory: it needs map.json and robots.json.");
        }

        if (!HomeMapJson.TryDeserialize(File.ReadAllText(mapPath), out var map, out var error))
        {
            throw new HomeDefinitionException($"{mapPath}: {error}");
        }

        List<SimulatedRobotSpec>? robots;
        try
        {
            robots = JsonSerializer.Deserialize<List<SimulatedRobotSpec>>(File.ReadAllText(robotsPath), FileJson);
        }
        catch (JsonException e)
        {
            throw new HomeDefinitionException($"{robotsPath}: {e.Message}");
        }

        if (robots is null || robots.Count == 0)
        {
            throw new HomeDefinitionException($"{robotsPath}: expected a non-empty array of robots.");
        }

        foreach (var robot in robots)
        {
            if (map.Floors.SelectMany(f => f.Places).All(p => p.Id != robot.StartPlace))
            {
                throw new HomeDefinitionException($"{robotsPath}: robot {robot.SerialNumber} starts at '{robot.StartPlace}', which is not a place of the map.");
            }
        }

        return new HomeDefinition(directory, map, robots);
    }

    /// <summary>The floor and node of a place.</summary>
    public (MapFloor Floor, MapNode Node) Locate(string placeId)
    {
        foreach (var floor in Map.Floors)
        {
            var place = floor.Places.FirstOrDefault(p => p.Id == placeId);
            if (place is not null)
            {
                var node = floor.Nodes.FirstOrDefault(n => n.Id == place.NodeId)
                    ?? throw new HomeDefinitionException($"Place '{placeId}' is on node '{place.NodeId}', which floor '{floor.Id}' does not have.");
                return (floor, node);
            }
        }

        throw new HomeDefinitionException($"No place '{placeId}' on the map.");
    }
}
