using CareFleet.Care.Identity;

namespace CareFleet.Care.Medication;

/// <summary>A second staff member confirming a controlled-drug administration (UK NICE SC1 controlled-drug register practice; US LTC double-count policies).</summary>
public sealed record Witness(string StaffId, DateTimeOffset ConfirmedAt);

/// <summary>The resident as the handover check needs them. Allergies are substance or class names.</summary>
public sealed record HandoverResident(
    string ResidentId,
    string? WristbandCode,
    FaceRecognitionConsent? FaceConsent,
    IReadOnlyList<string> Allergies);
