namespace CareFleet.Fleet.Robots;

/// <summary>The robot types CareFleet knows how to give work to.</summary>
public static class RobotTypes
{
    public const string Patrol = "patrol";
    public const string Medication = "medication";
    public const string TransferAssist = "transferAssist";
    public const string Companion = "companion";
    public const string Laundry = "laundry";
    public const string Exercise = "exercise";
    public const string HairWash = "hairWash";

    public static IReadOnlyList<string> All { get; } = [Patrol, Medication, TransferAssist, Companion, Laundry, Exercise, HairWash];

    public static bool IsKnown(string type) => All.Contains(type, StringComparer.Ordinal);
}
