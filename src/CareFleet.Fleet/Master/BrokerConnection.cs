namespace CareFleet.Fleet.Master;

/// <summary>How CareFleet's own client reaches the broker (embedded on loopback, or external).</summary>
/// <param name="SharedSubscriptions">Subscribe through <c>$share/carefleet/…</c> so several nodes split the robot traffic.</param>
public sealed record BrokerConnection(string Host, int Port, string? UserName, string? Password, bool UseTls, bool SharedSubscriptions);
