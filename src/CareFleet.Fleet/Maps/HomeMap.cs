using CareFleet.Contracts.Maps;
using CareFleet.Fleet.Routing;

namespace CareFleet.Fleet.Maps;

/// <summary>A validated home map: the document, its navigation graph and its places.</summary>
public sealed class HomeMap
{
    private readonly Dictionary<string, MapPlace> _places;

    internal HomeMap(HomeMapDocument document, NavGraph graph)
    {
        Document = document;
        Graph = graph;
        _places = document.Floors.SelectMany(f => f.Places).ToDictionary(p => p.Id, StringComparer.Ordinal);
    }

    /// <summary>Map id (what robots report as <c>mapId</c>).</summary>
    public string Id => Document.Id;

    /// <summary>Map version.</summary>
    public string Version => Document.Version;

    /// <summary>The document as read from the file.</summary>
    public HomeMapDocument Document { get; }

    /// <summary>The navigation graph.</summary>
    public NavGraph Graph { get; }

    /// <summary>All places by id.</summary>
    public IReadOnlyDictionary<string, MapPlace> Places => _places;

    /// <summary>Looks up a place.</summary>
    /// <param name="placeId">Place id, e.g. <c>F1-R101-A</c>.</param>
    /// <param name="place">The place.</param>
    /// <returns>True when found.</returns>
    public bool TryGetPlace(string placeId, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out MapPlace? place) =>
        _places.TryGetValue(placeId, out place);

    /// <summary>
    /// The VDA 5050 <c>mapId</c> of one floor: <c>{map id}/{floor id}</c>, e.g. <c>sunrise-garden/F2</c>. Each floor
    /// has its own coordinate frame, so robots localise per floor.
    /// </summary>
    /// <param name="floorId">Floor id.</param>
    /// <returns>The floor's map id.</returns>
    public string FloorMapId(string floorId) => $"{Id}/{floorId}";

    /// <summary>
    /// Whether a robot localised on <paramref name="mapId"/> (and, for 2.1 robots, <paramref name="mapVersion"/>)
    /// may be commanded on this map: the map id itself or one of its floor map ids (<see cref="FloorMapId"/>).
    /// 2.0 robots report no version, so only the id is compared for them.
    /// </summary>
    /// <param name="mapId">The robot's <c>agvPosition.mapId</c>.</param>
    /// <param name="mapVersion">The enabled map's version from <c>state.maps</c>, when reported.</param>
    /// <returns>True when compatible.</returns>
    public bool IsCompatible(string? mapId, string? mapVersion = null)
    {
        if (mapId is null || (mapVersion is not null && !string.Equals(mapVersion, Version, StringComparison.Ordinal)))
        {
            return false;
        }

        return string.Equals(mapId, Id, StringComparison.Ordinal)
            || (mapId.StartsWith(Id + "/", StringComparison.Ordinal) && Document.Floors.Any(f => string.Equals(mapId, FloorMapId(f.Id), StringComparison.Ordinal)));
    }
}
