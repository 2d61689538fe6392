namespace CareFleet.Care.Identity;

/// <summary>Face evidence a robot sends at the bedside.</summary>
public abstract record FaceEvidence(string ModelId);

/// <summary>The probe embedding itself, matched here 1:1 against the expected resident and 1:N against the floor.</summary>
public sealed record FaceEmbeddingEvidence(string ModelId, float[] Embedding) : FaceEvidence(ModelId);

/// <summary>
/// A similarity the robot computed with its own model against the enrolled template. If the robot also compared the
/// probe with the other residents' templates it sends the highest of those in <paramref name="ClosestOtherSimilarity"/>.
/// </summary>
public sealed record FaceScoreEvidence(string ModelId, double Similarity, double? ClosestOtherSimilarity = null) : FaceEvidence(ModelId);

/// <summary>A caregiver at the bedside confirming who the resident is.</summary>
public sealed record CaregiverConfirmation(string StaffId, string ResidentId, DateTimeOffset ConfirmedAt);

/// <summary>What identifies the resident at the bedside: face evidence, a wristband/QR scan, a caregiver's confirmation.</summary>
public sealed record IdentityEvidence(
    FaceEvidence? Face = null,
    string? ScannedWristband = null,
    CaregiverConfirmation? Caregiver = null);

/// <summary>The resident the dose is meant for, as far as identity is concerned.</summary>
public sealed record ExpectedResident(string ResidentId, string? WristbandCode, FaceRecognitionConsent? FaceConsent);
