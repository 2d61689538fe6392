using CareFleet.Care.Identity;
using CareFleet.Care.Tests.Support;

namespace CareFleet.Care.Tests.Identity;

public sealed class IdentityVerifierTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 2, 8, 0, 0, TimeSpan.Zero);
    private static readonly FaceRecognitionConsent Consent = new(Now.AddDays(-30), "admin");
    private readonly float[] _face = Embeddings.Random(1);
    private readonly IdentityVerifier _verifier;
    private readonly IReadOnlyList<FaceTemplate> _floor;

    public IdentityVerifierTests()
    {
        var options = Meds.IdentityOptions();
        _verifier = new IdentityVerifier(options, new FaceMatcher(options));
        _floor =
        [
            FaceTemplate.Create("res-1", Meds.FaceModel, _face, Now.AddDays(-20)),
            FaceTemplate.Create("res-2", Meds.FaceModel, Embeddings.Random(2), Now.AddDays(-20)),
        ];
    }

    private FaceEmbeddingEvidence GoodFace => new(Meds.FaceModel, Embeddings.Near(_face, 0.95, 3));

    private static ExpectedResident Consenting => new("res-1", "WB-1", Consent);

    private static ExpectedResident NotConsenting => new("res-1", "WB-1", null);

    private IdentityVerification Verify(ExpectedResident who, IdentityEvidence evidence) => _verifier.Verify(who, evidence, _floor, Now);

    [Fact]
    public void Consented_FacePlusWristband_IsVerified()
    {
        var result = Verify(Consenting, new IdentityEvidence(GoodFace, "WB-1"));

        Assert.True(result.Verified, string.Join(", ", result.Failures));
        Assert.Equal(IdentityPath.FacePlusSecondIdentifier, result.Path);
    }

    [Fact]
    public void Consented_FacePlusCaregiver_IsVerified()
    {
        var result = Verify(Consenting, new IdentityEvidence(GoodFace, Caregiver: new CaregiverConfirmation("nurse-a", "res-1", Now.AddMinutes(-2))));

        Assert.True(result.Verified, string.Join(", ", result.Failures));
    }

    [Fact]
    public void Consented_FaceAlone_FailsForWantOfASecondIdentifier()
    {
        var result = Verify(Consenting, new IdentityEvidence(GoodFace));

        Assert.Equal([IdentityFailure.SecondIdentifierMissing], result.Failures);
    }

    [Fact]
    public void Consented_WristbandAndCaregiverWithoutFace_FailsForWantOfFaceEvidence()
    {
        var result = Verify(Consenting, new IdentityEvidence(null, "WB-1", new CaregiverConfirmation("nurse-a", "res-1", Now)));

        Assert.Equal([IdentityFailure.FaceEvidenceMissing], result.Failures);
    }

    [Fact]
    public void Consented_ButRevokedBeforeNow_FallsBackToTheNonBiometricPath()
    {
        var revoked = Consent with { RevokedAt = Now.AddHours(-1), RevokedBy = "admin" };

        var result = Verify(new ExpectedResident("res-1", "WB-1", revoked), new IdentityEvidence(GoodFace, "WB-1"));

        Assert.Equal(IdentityPath.WristbandPlusCaregiver, result.Path);
        Assert.Equal([IdentityFailure.CaregiverConfirmationMissing], result.Failures);
        Assert.True(result.FaceEvidenceIgnoredWithoutConsent);
        Assert.Null(result.Face);
    }

    [Fact]
    public void NoConsent_WristbandPlusCaregiver_IsVerified()
    {
        var result = Verify(NotConsenting, new IdentityEvidence(null, "WB-1", new CaregiverConfirmation("nurse-a", "res-1", Now.AddMinutes(-1))));

        Assert.True(result.Verified, string.Join(", ", result.Failures));
        Assert.Equal(IdentityPath.WristbandPlusCaregiver, result.Path);
    }

    [Fact]
    public void NoConsent_FaceCannotStandInForTheCaregiver()
    {
        var result = Verify(NotConsenting, new IdentityEvidence(GoodFace, "WB-1"));

        Assert.Equal([IdentityFailure.CaregiverConfirmationMissing], result.Failures);
        Assert.True(result.FaceEvidenceIgnoredWithoutConsent);
    }

    [Fact]
    public void NoConsent_CaregiverAlone_FailsForWantOfAWristbandScan()
    {
        var result = Verify(NotConsenting, new IdentityEvidence(Caregiver: new CaregiverConfirmation("nurse-a", "res-1", Now)));

        Assert.Equal([IdentityFailure.WristbandMissing], result.Failures);
    }

    [Fact]
    public void NoConsent_NothingAtAll_ListsBothMissingIdentifiers()
    {
        var result = Verify(NotConsenting, new IdentityEvidence());

        Assert.Equal([IdentityFailure.WristbandMissing, IdentityFailure.CaregiverConfirmationMissing], result.Failures);
    }

    [Fact]
    public void WrongWristband_Fails_EvenWhenFaceMatchesAndCaregiverConfirms()
    {
        var result = Verify(Consenting, new IdentityEvidence(GoodFace, "WB-2", new CaregiverConfirmation("nurse-a", "res-1", Now)));

        Assert.Equal([IdentityFailure.WristbandMismatch], result.Failures);
    }

    [Fact]
    public void CaregiverConfirmingAnotherResident_Fails()
    {
        var result = Verify(NotConsenting, new IdentityEvidence(null, "WB-1", new CaregiverConfirmation("nurse-a", "res-2", Now)));

        Assert.Equal([IdentityFailure.CaregiverConfirmedOtherResident], result.Failures);
    }

    [Fact]
    public void CaregiverConfirmation_OlderThanFifteenMinutes_IsStale()
    {
        var fresh = Verify(NotConsenting, new IdentityEvidence(null, "WB-1", new CaregiverConfirmation("nurse-a", "res-1", Now.AddMinutes(-15))));
        var stale = Verify(NotConsenting, new IdentityEvidence(null, "WB-1", new CaregiverConfirmation("nurse-a", "res-1", Now.AddMinutes(-15).AddSeconds(-1))));

        Assert.True(fresh.Verified);
        Assert.Equal([IdentityFailure.CaregiverConfirmationStale], stale.Failures);
    }

    [Fact]
    public void RobotScoreEvidence_IsAcceptedAsTheFaceIdentifier()
    {
        var result = Verify(Consenting, new IdentityEvidence(new FaceScoreEvidence(Meds.FaceModel, 0.9), "WB-1"));

        Assert.True(result.Verified, string.Join(", ", result.Failures));
        Assert.Equal(0.9, result.Face!.ExpectedSimilarity);
    }

    [Fact]
    public void RobotScoreEvidence_BelowThresholdWithLookAlike_ListsBoth()
    {
        var result = Verify(Consenting, new IdentityEvidence(new FaceScoreEvidence(Meds.FaceModel, 0.79, ClosestOtherSimilarity: 0.82), "WB-1"));

        Assert.Equal([IdentityFailure.FaceBelowThreshold, IdentityFailure.FaceLookAlike], result.Failures);
    }

    [Fact]
    public void RobotScore_ForAResidentWithNoEnrolledTemplate_Fails()
    {
        var floorWithoutResident = _floor.Where(t => t.ResidentId != "res-1").ToList();

        var result = _verifier.Verify(Consenting, new IdentityEvidence(new FaceScoreEvidence(Meds.FaceModel, 0.95), "WB-1"), floorWithoutResident, Now);

        Assert.Equal([IdentityFailure.FaceTemplateMissing], result.Failures);
    }
}
