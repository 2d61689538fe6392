namespace CareFleet.Host;

/// <summary>Bad configuration or environment found at start: shown to the user as one line, not a stack trace.</summary>
public sealed class StartupException(string message, Exception? inner = null) : Exception(message, inner);
