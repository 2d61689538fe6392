using CareFleet.Care.Identity;
using CareFleet.Care.Medication;
using CareFleet.Care.Tests.Support;

namespace CareFleet.Care.Tests.Medication;

public sealed class HandoverDeciderTests
{
    private readonly BedsideScenario _s = new();

    private static string Describe(HandoverDecision d) => string.Join("; ", d.Reasons.Select(r => $"{r.Code}: {r.Text}"));

    private static void AssertHeldFor(HandoverDecision decision, params HoldReason[] expected)
    {
        Assert.False(decision.IsRelease, "expected a hold");
        Assert.Equal(HandoverVerdict.Hold, decision.Verdict);
        Assert.Equal(expected.Order(), decision.Reasons.Select(r => r.Code).Order());
    }

    private HandoverRequest NoConsentRequest() => _s.Request with
    {
        Resident = _s.Request.Resident with { FaceConsent = null },
        Identity = new IdentityEvidence(null, "WB-1", new CaregiverConfirmation(BedsideScenario.Nurse, "res-1", _s.Time.GetUtcNow())),
    };

    private static MedicationOrder ControlledOrder() => Meds.Scheduled(Meds.Oxycodone) with { IsControlled = true };

    private HandoverRequest ControlledRequest(Witness? witness) => _s.Request with
    {
        Order = ControlledOrder(),
        ScannedBarcode = "04000000000037",
        Vitals = [],
        Witness = witness,
    };

    // Release paths

    [Fact]
    public void Dose_IsReleased_WhenEveryRightHolds_WithConsentedFaceAndWristband()
    {
        var decision = _s.Decide();

        Assert.True(decision.IsRelease, Describe(decision));
        Assert.Empty(decision.Reasons);
        Assert.Equal(_s.Dose.Id, decision.DoseId);
        Assert.Equal(_s.Time.GetUtcNow(), decision.DecidedAt);
        Assert.True(decision.Identity.Face!.Passed);
    }

    [Fact]
    public void Dose_IsReleased_WithoutFaceConsent_OnWristbandAndCaregiverConfirmation()
    {
        var decision = _s.Decide(NoConsentRequest());

        Assert.True(decision.IsRelease, Describe(decision));
        Assert.Equal(IdentityPath.WristbandPlusCaregiver, decision.Identity.Path);
    }

    [Fact]
    public void Dose_IsReleased_OnTheRobotsOwnSimilarityScore()
    {
        var decision = _s.Decide(_s.Request with
        {
            Identity = new IdentityEvidence(new FaceScoreEvidence(Meds.FaceModel, 0.91, 0.40), "WB-1"),
        });

        Assert.True(decision.IsRelease, Describe(decision));
    }

    [Fact]
    public void ControlledDrug_IsReleased_WithADistinctRecentWitness()
    {
        var decision = _s.Decide(ControlledRequest(new Witness(BedsideScenario.SecondNurse, _s.Time.GetUtcNow().AddMinutes(-5))));

        Assert.True(decision.IsRelease, Describe(decision));
    }

    [Fact]
    public void Dose_IsReleased_AtBothWindowEdges()
    {
        var early = new BedsideScenario(Meds.Day.AddHours(7));
        var atOpening = early.Decide(early.Request with { Vitals = [new VitalReading(VitalKind.HeartRate, 72, early.Time.GetUtcNow())] });
        _s.Time.SetUtcNow(_s.Dose.WindowCloses);
        var atClosing = _s.Decide(_s.Request with { Vitals = [new VitalReading(VitalKind.HeartRate, 72, _s.Dose.WindowCloses.AddMinutes(-1))] });

        Assert.True(atOpening.IsRelease, Describe(atOpening));
        Assert.True(atClosing.IsRelease, Describe(atClosing));
    }

    // Right resident

    [Fact]
    public void Dose_IsHeld_WhenTheResidentAtTheBedsideIsNotTheDosesResident()
    {
        var decision = _s.Decide(_s.Request with { Resident = _s.Request.Resident with { ResidentId = "res-2" } });

        Assert.Contains(HoldReason.WrongResident, decision.Reasons.Select(r => r.Code));
        Assert.False(decision.IsRelease);
    }

    [Fact]
    public void Dose_IsHeld_WhenTheDoseComesFromAnotherOrder()
    {
        var decision = _s.Decide(_s.Request with { Order = _s.Order with { OrderId = "ord-9" } });

        AssertHeldFor(decision, HoldReason.DoseOrderMismatch);
    }

    [Fact]
    public void Dose_IsHeld_WhenSecondIdentifierMissing()
    {
        var decision = _s.Decide(_s.Request with { Identity = _s.Request.Identity with { ScannedWristband = null } });

        AssertHeldFor(decision, HoldReason.SecondIdentifierMissing);
    }

    [Fact]
    public void Dose_IsHeld_WhenTheWristbandBelongsToSomeoneElse()
    {
        var decision = _s.Decide(_s.Request with { Identity = _s.Request.Identity with { ScannedWristband = "WB-7" } });

        AssertHeldFor(decision, HoldReason.WristbandMismatch);
    }

    [Fact]
    public void Dose_IsHeld_WhenConsentedResidentSendsNoFaceEvidence()
    {
        var decision = _s.Decide(_s.Request with
        {
            Identity = new IdentityEvidence(null, "WB-1", new CaregiverConfirmation(BedsideScenario.Nurse, "res-1", _s.Time.GetUtcNow())),
        });

        AssertHeldFor(decision, HoldReason.FaceEvidenceMissing);
    }

    [Fact]
    public void Dose_IsHeld_WhenFaceIsBelowTheModelThreshold()
    {
        var decision = _s.Decide(_s.Request with
        {
            Identity = _s.Request.Identity with { Face = new FaceEmbeddingEvidence(Meds.FaceModel, Embeddings.Near(_s.ResidentTemplate, 0.7, 5)) },
        });

        AssertHeldFor(decision, HoldReason.FaceBelowThreshold);
        Assert.Contains("0.700", decision.Reasons[0].Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Dose_IsHeld_WhenALookAlikeOnTheFloorMatchesBetter()
    {
        // res-61 resembles res-1; the face in front of the robot is res-61's.
        var twin = Embeddings.Near(_s.ResidentTemplate, 0.88, 61);
        _s.Registry.Enroll(FaceTemplate.Create("res-61", Meds.FaceModel, twin, Meds.Day), _s.Consent);
        var decision = _s.Decide(_s.Request with
        {
            FloorTemplates = _s.Registry.TemplatesFor(Enumerable.Range(1, 61).Select(i => $"res-{i}")),
            Identity = _s.Request.Identity with { Face = new FaceEmbeddingEvidence(Meds.FaceModel, Embeddings.Near(twin, 0.95, 62)) },
        });

        AssertHeldFor(decision, HoldReason.FaceLookAlike);
        Assert.Equal("res-61", decision.Identity.Face!.ClosestOtherResidentId);
    }

    [Fact]
    public void Dose_IsReleased_WhenTheLookAlikeIsNotOnThisFloor()
    {
        var twin = Embeddings.Near(_s.ResidentTemplate, 0.88, 61);
        _s.Registry.Enroll(FaceTemplate.Create("res-61", Meds.FaceModel, twin, Meds.Day), _s.Consent);

        // The floor list (res-1..60) does not include res-61, and the face is res-1's own.
        var decision = _s.Decide();

        Assert.True(decision.IsRelease, Describe(decision));
    }

    [Fact]
    public void Dose_IsHeld_WhenTheFaceModelIsNotConfigured()
    {
        var decision = _s.Decide(_s.Request with
        {
            Identity = _s.Request.Identity with { Face = new FaceEmbeddingEvidence("vendor-x", Embeddings.Near(_s.ResidentTemplate, 0.99, 5)) },
        });

        AssertHeldFor(decision, HoldReason.FaceModelUnknown);
    }

    [Fact]
    public void Dose_IsHeld_WhenTheEmbeddingHasTheWrongLength()
    {
        var decision = _s.Decide(_s.Request with
        {
            Identity = _s.Request.Identity with { Face = new FaceEmbeddingEvidence(Meds.FaceModel, new float[128]) },
        });

        AssertHeldFor(decision, HoldReason.FaceEmbeddingInvalid);
    }

    [Fact]
    public void Dose_IsHeld_WhenTheConsentedResidentHasNoTemplate()
    {
        var decision = _s.Decide(_s.Request with { FloorTemplates = [.. _s.Request.FloorTemplates.Where(t => t.ResidentId != "res-1")] });

        AssertHeldFor(decision, HoldReason.FaceTemplateMissing);
    }

    [Fact]
    public void Dose_IsHeld_WithoutConsent_WhenOnlyTheFaceAndWristbandAreOffered()
    {
        var decision = _s.Decide(_s.Request with { Resident = _s.Request.Resident with { FaceConsent = null } });

        AssertHeldFor(decision, HoldReason.CaregiverConfirmationMissing);
        Assert.Null(decision.Identity.Face);
        Assert.True(decision.Identity.FaceEvidenceIgnoredWithoutConsent);
    }

    [Fact]
    public void Dose_IsHeld_WithoutConsent_WhenTheWristbandIsNotScanned()
    {
        var request = NoConsentRequest();

        var decision = _s.Decide(request with { Identity = request.Identity with { ScannedWristband = null } });

        AssertHeldFor(decision, HoldReason.WristbandMissing);
    }

    [Fact]
    public void Dose_IsHeld_WhenTheCaregiverConfirmedAnotherResident()
    {
        var request = NoConsentRequest();

        var decision = _s.Decide(request with { Identity = request.Identity with { Caregiver = new CaregiverConfirmation(BedsideScenario.Nurse, "res-2", _s.Time.GetUtcNow()) } });

        AssertHeldFor(decision, HoldReason.CaregiverConfirmedOtherResident);
    }

    [Fact]
    public void Dose_IsHeld_WhenTheCaregiverConfirmationIsStale()
    {
        var request = NoConsentRequest();

        var decision = _s.Decide(request with { Identity = request.Identity with { Caregiver = new CaregiverConfirmation(BedsideScenario.Nurse, "res-1", _s.Time.GetUtcNow().AddMinutes(-40)) } });

        AssertHeldFor(decision, HoldReason.CaregiverConfirmationStale);
    }

    // Right drug, dose, route

    [Fact]
    public void Dose_IsHeld_WhenThePackageWasNotScanned()
    {
        AssertHeldFor(_s.Decide(_s.Request with { ScannedBarcode = null }), HoldReason.DrugNotScanned);
    }

    [Fact]
    public void Dose_IsHeld_WhenTheScanIsNoGtin()
    {
        AssertHeldFor(_s.Decide(_s.Request with { ScannedBarcode = "(01)04000000000014" }), HoldReason.BarcodeUnreadable);
    }

    [Fact]
    public void Dose_IsHeld_WhenTheScannedDrugIsNotTheOrderedOne()
    {
        var decision = _s.Decide(_s.Request with { ScannedBarcode = "04000000000020" });

        AssertHeldFor(decision, HoldReason.WrongDrug);
        Assert.Contains("Digoxin", decision.Reasons[0].Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Dose_IsReleased_WhenTheScanIsTheOrderedGtinInAnotherLength()
    {
        var order = _s.Order with { Drug = Meds.Amoxicillin };
        var decision = _s.Decide(_s.Request with
        {
            Order = order,
            Resident = _s.Request.Resident with { Allergies = [] },
            ScannedBarcode = "04006381333931",
        });

        Assert.True(decision.IsRelease, Describe(decision));
    }

    [Fact]
    public void Dose_IsHeld_WhenThePreparedDoseDiffersFromTheOrder()
    {
        AssertHeldFor(_s.Decide(_s.Request with { PreparedDose = new DoseQuantity(2, "tablet") }), HoldReason.WrongDose);
        AssertHeldFor(_s.Decide(_s.Request with { PreparedDose = new DoseQuantity(1, "capsule") }), HoldReason.WrongDose);
    }

    [Fact]
    public void Dose_UnitComparison_IgnoresCase()
    {
        Assert.True(_s.Decide(_s.Request with { PreparedDose = new DoseQuantity(1.0m, "Tablet") }).IsRelease);
    }

    [Fact]
    public void Dose_IsHeld_WhenTheRouteDiffersFromTheOrder()
    {
        AssertHeldFor(_s.Decide(_s.Request with { PreparedRoute = MedicationRoute.Sublingual }), HoldReason.WrongRoute);
    }

    // Right time

    [Fact]
    public void Dose_IsHeld_JustBeforeTheWindowOpens()
    {
        var early = new BedsideScenario(Meds.Day.AddHours(7).AddTicks(-1));

        AssertHeldFor(early.Decide(), HoldReason.TooEarly);
    }

    [Fact]
    public void Dose_IsHeld_JustAfterTheWindowCloses()
    {
        _s.Time.SetUtcNow(_s.Dose.WindowCloses.AddTicks(1));

        var decision = _s.Decide(_s.Request with { Vitals = [new VitalReading(VitalKind.HeartRate, 72, _s.Dose.WindowCloses)] });

        AssertHeldFor(decision, HoldReason.WindowClosed);
    }

    [Fact]
    public void TimeCriticalDose_IsHeld_FortyMinutesLate()
    {
        var order = _s.Order with { Class = OrderClass.TimeCritical };
        var dose = new DoseScheduler(_s.Options).Derive(order, Meds.Day, Meds.Day.AddDays(1), TimeZoneInfo.Utc).Single();
        _s.Time.SetUtcNow(dose.ScheduledAt.AddMinutes(40));

        AssertHeldFor(_s.Decide(_s.Request with { Order = order, Dose = dose }), HoldReason.WindowClosed);
    }

    // The order

    [Fact]
    public void Dose_IsHeld_WhileTheOrderIsOnHold()
    {
        var order = _s.Order with { Holds = [new OrderHold("NPO before surgery", Meds.Day.AddHours(6), Meds.Day.AddHours(12), "dr-1")] };

        var decision = _s.Decide(_s.Request with { Order = order });

        AssertHeldFor(decision, HoldReason.OrderOnHold);
        Assert.Contains("NPO before surgery", decision.Reasons[0].Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Dose_IsReleased_AfterTheHoldHasEnded()
    {
        var order = _s.Order with { Holds = [new OrderHold("lab result pending", Meds.Day.AddHours(-20), Meds.Day.AddHours(7))] };

        Assert.True(_s.Decide(_s.Request with { Order = order }).IsRelease);
    }

    [Fact]
    public void Dose_IsHeld_WhenTheOrderHasBeenStopped()
    {
        AssertHeldFor(_s.Decide(_s.Request with { Order = _s.Order with { Stop = Meds.Day.AddHours(7.5) } }), HoldReason.OrderNotActive);
    }

    // Safety

    [Fact]
    public void Dose_IsHeld_OnAnAllergyConflict()
    {
        var order = _s.Order with { Drug = Meds.Amoxicillin };

        var decision = _s.Decide(_s.Request with { Order = order, ScannedBarcode = "4006381333931" });

        AssertHeldFor(decision, HoldReason.AllergyConflict);
        Assert.Contains("penicillins", decision.Reasons[0].Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Dose_IsHeld_WhenAlreadyGiven()
    {
        var given = Record(_s.Dose.Id, AdministrationOutcome.Given, "r1");

        AssertHeldFor(_s.Decide(_s.Request with { History = [given] }), HoldReason.AlreadyGiven);
    }

    [Fact]
    public void Dose_IsHeld_WhenItAlreadyHasAnotherOutcome()
    {
        var refused = Record(_s.Dose.Id, AdministrationOutcome.Refused, "r1");

        AssertHeldFor(_s.Decide(_s.Request with { History = [refused] }), HoldReason.OutcomeAlreadyRecorded);
    }

    [Fact]
    public void Dose_IsReleased_WhenTheEarlierGivenRecordWasEnteredInError()
    {
        var given = Record(_s.Dose.Id, AdministrationOutcome.Given, "r1");
        var marker = Record(_s.Dose.Id, AdministrationOutcome.EnteredInError, "r2") with { CorrectsRecordId = "r1" };

        Assert.True(_s.Decide(_s.Request with { History = [given, marker] }).IsRelease);
    }

    [Fact]
    public void Dose_IsHeld_WhenRequiredVitalsAreMissing()
    {
        AssertHeldFor(_s.Decide(_s.Request with { Vitals = [new VitalReading(VitalKind.SystolicBloodPressure, 120, _s.Time.GetUtcNow())] }), HoldReason.VitalsMissing);
    }

    [Fact]
    public void Dose_IsHeld_WhenThePulseIsBelowTheOrdersMinimum()
    {
        var decision = _s.Decide(_s.Request with { Vitals = [new VitalReading(VitalKind.HeartRate, 52, _s.Time.GetUtcNow().AddMinutes(-5))] });

        AssertHeldFor(decision, HoldReason.VitalsOutOfRange);
        Assert.Contains("52", decision.Reasons[0].Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Dose_IsReleased_WhenThePulseIsExactlyTheMinimum()
    {
        Assert.True(_s.Decide(_s.Request with { Vitals = [new VitalReading(VitalKind.HeartRate, 60, _s.Time.GetUtcNow())] }).IsRelease);
    }

    [Fact]
    public void Dose_UsesTheLatestReading_NotAnOlderGoodOne()
    {
        var now = _s.Time.GetUtcNow();
        var decision = _s.Decide(_s.Request with
        {
            Vitals = [new VitalReading(VitalKind.HeartRate, 75, now.AddMinutes(-30)), new VitalReading(VitalKind.HeartRate, 48, now.AddMinutes(-2))],
        });

        AssertHeldFor(decision, HoldReason.VitalsOutOfRange);
    }

    [Fact]
    public void VitalsHold_NamesTheVitalSignInBothLanguages()
    {
        var finding = Assert.Single(_s.Decide(_s.Request with { Vitals = [] }).Reasons);

        Assert.Equal("Heart rate must be measured before this dose.", finding.Text);
        Assert.Equal("给药前须测量心率。", finding.TextZh);
    }

    [Fact]
    public void Dose_IsHeld_WhenTheRequiredReadingIsTooOld()
    {
        var decision = _s.Decide(_s.Request with { Vitals = [new VitalReading(VitalKind.HeartRate, 72, _s.Time.GetUtcNow().AddMinutes(-61))] });

        AssertHeldFor(decision, HoldReason.VitalsStale);
    }

    [Fact]
    public void Dose_RespectsTheRequirementsOwnMaxAgeAndMaximum()
    {
        var order = _s.Order with
        {
            VitalsRequired = [new VitalRequirement(VitalKind.SystolicBloodPressure, Minimum: 100, Maximum: 160, MaxAge: TimeSpan.FromMinutes(10))],
        };
        var now = _s.Time.GetUtcNow();

        var decision = _s.Decide(_s.Request with { Order = order, Vitals = [new VitalReading(VitalKind.SystolicBloodPressure, 170, now.AddMinutes(-11))] });

        AssertHeldFor(decision, HoldReason.VitalsStale, HoldReason.VitalsOutOfRange);
    }

    [Fact]
    public void ControlledDrug_IsHeld_WithoutAWitness()
    {
        AssertHeldFor(_s.Decide(ControlledRequest(null)), HoldReason.WitnessMissing);
    }

    [Fact]
    public void ControlledDrug_IsHeld_WhenTheWitnessIsTheAdministeringNurse()
    {
        AssertHeldFor(_s.Decide(ControlledRequest(new Witness(BedsideScenario.Nurse, _s.Time.GetUtcNow()))), HoldReason.WitnessNotDistinct);
    }

    [Fact]
    public void ControlledDrug_IsHeld_WhenTheWitnessConfirmedLongAgo()
    {
        AssertHeldFor(_s.Decide(ControlledRequest(new Witness(BedsideScenario.SecondNurse, _s.Time.GetUtcNow().AddMinutes(-31)))), HoldReason.WitnessStale);
    }

    [Fact]
    public void UncontrolledDrug_NeedsNoWitness()
    {
        Assert.Null(_s.Request.Witness);
        Assert.True(_s.Decide().IsRelease);
    }

    // PRN

    private HandoverRequest PrnRequest(PrnTerms terms, string? indication, params AdministrationRecord[] history)
    {
        var order = Meds.Prn(Meds.Paracetamol) with { Prn = terms };
        var dose = new DoseScheduler(_s.Options).CreatePrnDose(order, _s.Time.GetUtcNow());
        return _s.Request with
        {
            Order = order,
            Dose = dose,
            ScannedBarcode = "04000000000020",
            Vitals = [],
            PrnIndication = indication,
            History = history,
        };
    }

    private AdministrationRecord PrnGiven(int hoursAgo, string id) =>
        Record(new DoseId($"prn-1@h{hoursAgo}"), AdministrationOutcome.Given, id) with
        {
            OrderId = "prn-1",
            IsPrn = true,
            OccurredAt = _s.Time.GetUtcNow().AddHours(-hoursAgo),
            PrnIndication = "pain",
        };

    [Fact]
    public void PrnDose_IsReleased_UnderItsLimitWithAnOrderedIndication()
    {
        var decision = _s.Decide(PrnRequest(new PrnTerms(["pain"], 3), "Pain", PrnGiven(2, "a"), PrnGiven(30, "b")));

        Assert.True(decision.IsRelease, Describe(decision));
    }

    [Fact]
    public void PrnDose_IsHeld_WithoutAnIndication()
    {
        AssertHeldFor(_s.Decide(PrnRequest(new PrnTerms(["pain"], 3), null)), HoldReason.PrnIndicationMissing);
    }

    [Fact]
    public void PrnDose_IsHeld_ForAnIndicationTheOrderDoesNotCover()
    {
        AssertHeldFor(_s.Decide(PrnRequest(new PrnTerms(["pain"], 3), "agitation")), HoldReason.PrnIndicationNotOrdered);
    }

    [Fact]
    public void PrnDose_IsHeld_AtItsTwentyFourHourLimit()
    {
        var decision = _s.Decide(PrnRequest(new PrnTerms(["pain"], 2), "pain", PrnGiven(3, "a"), PrnGiven(23, "b")));

        AssertHeldFor(decision, HoldReason.PrnLimitReached);
    }

    [Fact]
    public void PrnDose_DosesOlderThanTwentyFourHours_DoNotCount()
    {
        var decision = _s.Decide(PrnRequest(new PrnTerms(["pain"], 2), "pain", PrnGiven(3, "a"), PrnGiven(24, "b")));

        Assert.True(decision.IsRelease, Describe(decision));
    }

    [Fact]
    public void PrnDose_EnteredInErrorDoses_DoNotCount()
    {
        var wrong = PrnGiven(3, "a");
        var marker = Record(wrong.DoseId, AdministrationOutcome.EnteredInError, "m") with { CorrectsRecordId = "a" };

        var decision = _s.Decide(PrnRequest(new PrnTerms(["pain"], 1), "pain", wrong, marker));

        Assert.True(decision.IsRelease, Describe(decision));
    }

    [Fact]
    public void PrnDose_IsHeld_BeforeItsMinimumInterval()
    {
        var decision = _s.Decide(PrnRequest(new PrnTerms(["pain"], 6, TimeSpan.FromHours(4)), "pain", PrnGiven(3, "a")));

        AssertHeldFor(decision, HoldReason.PrnTooSoon);
    }

    // Every reason, not just the first

    [Fact]
    public void Hold_ListsEveryFailedCheck_InEnglishAndChinese()
    {
        _s.Time.SetUtcNow(_s.Dose.WindowCloses.AddMinutes(5));

        var decision = _s.Decide(_s.Request with
        {
            Identity = new IdentityEvidence(new FaceScoreEvidence(Meds.FaceModel, 0.5), null),
            ScannedBarcode = "04000000000020",
            PreparedDose = new DoseQuantity(2, "tablet"),
            Vitals = [],
        });

        AssertHeldFor(decision,
            HoldReason.FaceBelowThreshold,
            HoldReason.SecondIdentifierMissing,
            HoldReason.WrongDrug,
            HoldReason.WrongDose,
            HoldReason.WindowClosed,
            HoldReason.VitalsMissing);
        Assert.All(decision.Reasons, r =>
        {
            Assert.False(string.IsNullOrWhiteSpace(r.Text));
            Assert.Contains(r.TextZh, c => c >= '\u4e00' && c <= '\u9fff');
        });
    }

    [Fact]
    public void HoldTexts_NeverNameTheResident()
    {
        var decision = _s.Decide(_s.Request with { Identity = new IdentityEvidence(), Resident = _s.Request.Resident with { ResidentId = "res-1" } });

        Assert.All(decision.Reasons, r => Assert.DoesNotContain("res-1", r.Text, StringComparison.Ordinal));
    }

    [Fact]
    public void Decision_OnAnInvalidOrder_IsAnErrorNamingTheProblem()
    {
        var ex = Assert.Throws<ArgumentException>(() => _s.Decide(_s.Request with { Order = _s.Order with { Dose = new DoseQuantity(1, "") } }));

        Assert.Contains("positive dose with a unit", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Decision_RequiresTheAdministeringStaffMember()
    {
        Assert.Throws<ArgumentException>(() => _s.Decide(_s.Request with { AdministeringStaffId = " " }));
    }

    private AdministrationRecord Record(DoseId dose, AdministrationOutcome outcome, string recordId) => new(
        recordId, 1, dose, "ord-1", "res-1", outcome, _s.Time.GetUtcNow().AddMinutes(-10), _s.Time.GetUtcNow().AddMinutes(-10),
        BedsideScenario.Nurse, "msg-" + recordId, false, outcome == AdministrationOutcome.Given ? null : "reason", null, null, null);
}
