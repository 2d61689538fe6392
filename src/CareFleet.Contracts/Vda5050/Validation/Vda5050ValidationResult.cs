namespace CareFleet.Contracts.Vda5050.Validation;

/// <summary>One reason a message was rejected.</summary>
/// <param name="Location">JSON pointer to the offending value (empty for the whole document), e.g. <c>/nodeStates/1/sequenceId</c>.</param>
/// <param name="Message">What is wrong.</param>
public sealed record Vda5050ValidationError(string Location, string Message)
{
    /// <inheritdoc />
    public override string ToString() => $"{(Location.Length == 0 ? "(document)" : Location)}: {Message}";
}

/// <summary>The outcome of validating an inbound message.</summary>
public sealed record Vda5050ValidationResult
{
    /// <summary>True when the message passed the official schema and the semantic checks.</summary>
    public bool IsValid => Errors.Count == 0;

    /// <summary>The reasons for rejection; empty when valid.</summary>
    public IReadOnlyList<Vda5050ValidationError> Errors { get; init; } = [];

    /// <summary>The schema version used (<c>2.0</c> or <c>2.1</c>), or null when none could be chosen.</summary>
    public string? SchemaVersion { get; init; }

    /// <summary>All errors on one line each, for logs and error messages.</summary>
    /// <returns>The summary.</returns>
    public string Describe() => IsValid ? "valid" : string.Join(Environment.NewLine, Errors);
}
