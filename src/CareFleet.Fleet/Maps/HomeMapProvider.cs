namespace CareFleet.Fleet.Maps;

/// <summary>The home map could not be loaded; the message names the file and every problem found.</summary>
public sealed class HomeMapUnavailableException(string message) : Exception(message);

/// <summary>The home's map, loaded once at start (section <c>CareFleet:Fleet:MapFile</c>).</summary>
public sealed class HomeMapProvider
{
    private HomeMap? _map;

    /// <summary>The loaded map, or null when the home runs without one.</summary>
    public HomeMap? Map => _map;

    /// <summary>Loads and validates the map file; throws <see cref="HomeMapUnavailableException"/> naming what is wrong.</summary>
    public async Task LoadAsync(string path, CancellationToken cancellationToken)
    {
        if (!File.Exists(path))
        {
            throw new HomeMapUnavailableException($"Map file '{path}' does not exist (CareFleet:Fleet:MapFile).");
        }

        var result = await HomeMapLoader.LoadFileAsync(path, cancellationToken);
        _map = result.Map ?? throw new HomeMapUnavailableException($"Map file '{path}' is not valid:{Environment.NewLine}{result.Describe()}");
    }

    /// <summary>The floor id of a VDA 5050 map id "{home}/{floor}", when it is one of this home's floors.</summary>
    public string? FloorOf(string? vdaMapId)
    {
        if (_map is null || vdaMapId is null || !_map.IsCompatible(vdaMapId))
        {
            return null;
        }

        var slash = vdaMapId.LastIndexOf('/');
        return slash < 0 ? null : vdaMapId[(slash + 1)..];
    }
}
