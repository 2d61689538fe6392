namespace CareFleet.Care.Identity;

/// <summary>Each way an identity check can fail.</summary>
public enum IdentityFailure
{
    FaceEvidenceMissing,
    FaceModelUnknown,
    FaceEmbeddingInvalid,
    FaceTemplateMissing,
    FaceBelowThreshold,
    FaceLookAlike,
    SecondIdentifierMissing,
    WristbandMissing,
    WristbandMismatch,
    CaregiverConfirmationMissing,
    CaregiverConfirmedOtherResident,
    CaregiverConfirmationStale,
}

/// <summary>Which rule set was applied.</summary>
public enum IdentityPath
{
    /// <summary>Consented face match plus a second identifier.</summary>
    FacePlusSecondIdentifier,

    /// <summary>No face-recognition consent: wristband/QR scan plus a caregiver's confirmation.</summary>
    WristbandPlusCaregiver,
}

public sealed record IdentityVerification(
    IdentityPath Path,
    IReadOnlyList<IdentityFailure> Failures,
    FaceMatchResult? Face,
    bool FaceEvidenceIgnoredWithoutConsent)
{
    public bool Verified => Failures.Count == 0;
}

/// <summary>
/// Right patient by two identifiers (Joint Commission NPSG.01.01.01). A face match counts as one identifier at most
/// and only with the resident's face-recognition consent; without it the non-biometric path is a wristband/QR scan
/// confirmed by a caregiver (China's 2025 facial-recognition security measures require a non-face alternative). A
/// wristband that was scanned and does not match always fails, whatever else agrees.
/// </summary>
public sealed class IdentityVerifier(IdentityOptions options, FaceMatcher matcher)
{
    public IdentityVerification Verify(
        ExpectedResident expected,
        IdentityEvidence evidence,
        IReadOnlyList<FaceTemplate> floorTemplates,
        DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(expected);
        ArgumentNullException.ThrowIfNull(evidence);
        ArgumentNullException.ThrowIfNull(floorTemplates);

        var failures = new List<IdentityFailure>();
        var wristband = CheckWristband(expected, evidence.ScannedWristband);
        var caregiver = CheckCaregiver(expected, evidence.Caregiver, now);
        if (wristband == WristbandCheck.Mismatch)
        {
            failures.Add(IdentityFailure.WristbandMismatch);
        }

        if (caregiver is { } caregiverFailure && caregiverFailure != IdentityFailure.CaregiverConfirmationMissing)
        {
            failures.Add(caregiverFailure);
        }

        var consented = expected.FaceConsent?.IsActiveAt(now) == true;
        if (!consented)
        {
            if (wristband == WristbandCheck.Missing)
            {
                failures.Add(IdentityFailure.WristbandMissing);
            }

            if (caregiver == IdentityFailure.CaregiverConfirmationMissing)
            {
                failures.Add(IdentityFailure.CaregiverConfirmationMissing);
            }

            return new(IdentityPath.WristbandPlusCaregiver, failures, null, evidence.Face is not null);
        }

        FaceMatchResult? face = null;
        if (evidence.Face is null)
        {
            failures.Add(IdentityFailure.FaceEvidenceMissing);
        }
        else
        {
            face = evidence.Face switch
            {
                FaceEmbeddingEvidence e => matcher.MatchEmbedding(e.ModelId, e.Embedding ?? [], expected.ResidentId, floorTemplates),
                FaceScoreEvidence s => HasTemplate(floorTemplates, expected.ResidentId, s.ModelId)
                    ? matcher.JudgeScore(s.ModelId, s.Similarity, s.ClosestOtherSimilarity)
                    : NoTemplate(matcher.JudgeScore(s.ModelId, s.Similarity, s.ClosestOtherSimilarity)),
                _ => throw new ArgumentException($"Unsupported face evidence type {evidence.Face.GetType().Name}.", nameof(evidence)),
            };
            AddFaceFailures(face, failures);
        }

        if (wristband == WristbandCheck.Missing && caregiver == IdentityFailure.CaregiverConfirmationMissing)
        {
            failures.Add(IdentityFailure.SecondIdentifierMissing);
        }

        return new(IdentityPath.FacePlusSecondIdentifier, failures, face, false);
    }

    // A score "against the enrolled template" means nothing when no template of that model is enrolled here: the
    // robot compared against something CareFleet never approved (or a template deleted when consent was revoked).
    private static bool HasTemplate(IReadOnlyList<FaceTemplate> templates, string residentId, string modelId)
    {
        foreach (var t in templates)
        {
            if (string.Equals(t.ResidentId, residentId, StringComparison.Ordinal) && string.Equals(t.ModelId, modelId, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    private static FaceMatchResult NoTemplate(FaceMatchResult judged) =>
        judged.Problem == FaceMatchProblem.None ? judged with { Problem = FaceMatchProblem.NoEnrolledTemplate, IsLookAlike = false } : judged;

    private static void AddFaceFailures(FaceMatchResult face, List<IdentityFailure> failures)
    {
        switch (face.Problem)
        {
            case FaceMatchProblem.UnknownModel:
                failures.Add(IdentityFailure.FaceModelUnknown);
                return;
            case FaceMatchProblem.InvalidEmbedding:
                failures.Add(IdentityFailure.FaceEmbeddingInvalid);
                return;
            case FaceMatchProblem.NoEnrolledTemplate:
                failures.Add(IdentityFailure.FaceTemplateMissing);
                return;
        }

        if (!face.PassesThreshold)
        {
            failures.Add(IdentityFailure.FaceBelowThreshold);
        }

        if (face.IsLookAlike)
        {
            failures.Add(IdentityFailure.FaceLookAlike);
        }
    }

    private enum WristbandCheck
    {
        Missing,
        Match,
        Mismatch,
    }

    private static WristbandCheck CheckWristband(ExpectedResident expected, string? scanned)
    {
        if (string.IsNullOrWhiteSpace(scanned))
        {
            return WristbandCheck.Missing;
        }

        return expected.WristbandCode is { } code && string.Equals(code.Trim(), scanned.Trim(), StringComparison.Ordinal)
            ? WristbandCheck.Match
            : WristbandCheck.Mismatch;
    }

    private IdentityFailure? CheckCaregiver(ExpectedResident expected, CaregiverConfirmation? confirmation, DateTimeOffset now)
    {
        if (confirmation is null || string.IsNullOrWhiteSpace(confirmation.StaffId))
        {
            return IdentityFailure.CaregiverConfirmationMissing;
        }

        if (!string.Equals(confirmation.ResidentId, expected.ResidentId, StringComparison.Ordinal))
        {
            return IdentityFailure.CaregiverConfirmedOtherResident;
        }

        return now - confirmation.ConfirmedAt > options.CaregiverConfirmationMaxAge
            ? IdentityFailure.CaregiverConfirmationStale
            : null;
    }
}
