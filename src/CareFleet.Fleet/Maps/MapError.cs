namespace CareFleet.Fleet.Maps;

/// <summary>One problem found in a map file.</summary>
/// <param name="Element">The element, e.g. <c>edge F1-E12</c> or <c>place CHG-2</c>.</param>
/// <param name="Problem">What is wrong with it.</param>
public sealed record MapError(string Element, string Problem)
{
    /// <inheritdoc />
    public override string ToString() => $"{Element}: {Problem}";
}

/// <summary>The outcome of loading a map: the map, or every problem found.</summary>
public sealed record HomeMapLoadResult
{
    /// <summary>The loaded map when there were no errors.</summary>
    public HomeMap? Map { get; init; }

    /// <summary>Every problem found; empty when the map loaded.</summary>
    public IReadOnlyList<MapError> Errors { get; init; } = [];

    /// <summary>True when the map loaded.</summary>
    public bool Succeeded => Map is not null;

    /// <summary>All errors, one per line.</summary>
    /// <returns>The text.</returns>
    public string Describe() => Succeeded ? "loaded" : string.Join(Environment.NewLine, Errors);
}
