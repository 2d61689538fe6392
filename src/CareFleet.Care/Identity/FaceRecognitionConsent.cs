namespace CareFleet.Care.Identity;

/// <summary>
/// A resident's separate, revocable consent to face recognition (PIPL Art. 29 "separate consent"),
/// with who recorded it. Without an active consent no template may be stored or matched.
/// </summary>
public sealed record FaceRecognitionConsent(
    DateTimeOffset GrantedAt,
    string RecordedBy,
    DateTimeOffset? RevokedAt = null,
    string? RevokedBy = null)
{
    public bool IsActiveAt(DateTimeOffset at) => GrantedAt <= at && (RevokedAt is null || at < RevokedAt.Value);
}
