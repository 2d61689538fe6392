using CareFleet.Care.Medication;
using CareFleet.Care.Tests.Support;
using Microsoft.Extensions.Time.Testing;

namespace CareFleet.Care.Tests.Medication;

public sealed class MedicationAdministrationLogTests
{
    private readonly FakeTimeProvider _time = new(Meds.Day.AddHours(8).AddMinutes(5));
    private readonly MedicationAdministrationLog _log;
    private readonly DueDose _dose;

    public MedicationAdministrationLogTests()
    {
        _log = new MedicationAdministrationLog(new MedicationOptions(), _time);
        _dose = new DoseScheduler(new MedicationOptions()).Derive(Meds.Scheduled(Meds.Digoxin), Meds.Day, Meds.Day.AddDays(1), TimeZoneInfo.Utc).Single();
    }

    private OutcomeReport Report(AdministrationOutcome outcome, string messageId = "m-1", string? reason = null, DueDose? dose = null) =>
        new((dose ?? _dose).Id, "ord-1", "res-1", outcome, _time.GetUtcNow().AddMinutes(-1), "nurse-a", messageId, Reason: reason);

    [Theory]
    [InlineData(AdministrationOutcome.Given, null)]
    [InlineData(AdministrationOutcome.Refused, "resident declined, said she felt sick")]
    [InlineData(AdministrationOutcome.Held, "pulse 52")]
    [InlineData(AdministrationOutcome.NotAvailable, "out of stock, pharmacy called")]
    [InlineData(AdministrationOutcome.Missed, null)]
    public void EachOutcome_IsRecordedOnce_AndStandsForTheDose(AdministrationOutcome outcome, string? reason)
    {
        var result = _log.Record(Report(outcome, reason: reason));

        Assert.Equal(OutcomeStatus.Recorded, result.Status);
        Assert.Equal(outcome, result.Record!.Outcome);
        Assert.Equal(reason, result.Record.Reason);
        Assert.Equal(_time.GetUtcNow(), result.Record.RecordedAt);
        Assert.Equal(result.Record, _log.StandingOutcome(_dose.Id));
        Assert.Single(_log.Records);
    }

    [Theory]
    [InlineData(AdministrationOutcome.Refused)]
    [InlineData(AdministrationOutcome.Held)]
    [InlineData(AdministrationOutcome.NotAvailable)]
    public void NotGivenOutcomes_NeedAReason(AdministrationOutcome outcome)
    {
        var result = _log.Record(Report(outcome, reason: " "));

        Assert.Equal(OutcomeRejection.ReasonRequired, result.Rejection);
        Assert.Empty(_log.Records);
    }

    [Fact]
    public void Resend_WithTheSameMessageId_ReturnsTheSameRecord_AndAppendsNothing()
    {
        var first = _log.Record(Report(AdministrationOutcome.Given));

        var again = _log.Record(Report(AdministrationOutcome.Given));

        Assert.Equal(OutcomeStatus.Replayed, again.Status);
        Assert.Same(first.Record, again.Record);
        Assert.Single(_log.Records);
    }

    [Fact]
    public void SecondOutcome_FromAnotherMessage_IsRejected_AndPointsAtTheFirst()
    {
        var first = _log.Record(Report(AdministrationOutcome.Given));

        var conflicting = _log.Record(Report(AdministrationOutcome.Refused, "m-2", "declined"));
        var doubleGiven = _log.Record(Report(AdministrationOutcome.Given, "m-3"));

        Assert.Equal(OutcomeRejection.OutcomeAlreadyRecorded, conflicting.Rejection);
        Assert.Equal(OutcomeRejection.OutcomeAlreadyRecorded, doubleGiven.Rejection);
        Assert.Same(first.Record, conflicting.Conflicting);
        Assert.Single(_log.Records);
    }

    [Fact]
    public void MessageId_ReusedForDifferentContent_IsRejected()
    {
        _log.Record(Report(AdministrationOutcome.Given));

        var result = _log.Record(Report(AdministrationOutcome.Refused, "m-1", "declined"));

        Assert.Equal(OutcomeRejection.MessageIdReused, result.Rejection);
    }

    [Fact]
    public void SameMessageId_OnAnotherDose_IsIndependent()
    {
        var evening = _dose with { Id = DoseId.For("ord-1", Meds.Day.AddHours(20)) };

        _log.Record(Report(AdministrationOutcome.Given));
        var other = _log.Record(Report(AdministrationOutcome.Given, dose: evening) with { OccurredAt = _time.GetUtcNow() });

        Assert.Equal(OutcomeStatus.Recorded, other.Status);
    }

    [Fact]
    public void Outcome_DatedInTheFuture_IsRejected_DocumentationComesAfterTheAct()
    {
        var result = _log.Record(Report(AdministrationOutcome.Given) with { OccurredAt = _time.GetUtcNow().AddMinutes(10) });

        Assert.Equal(OutcomeRejection.RecordedBeforeItHappened, result.Rejection);
    }

    [Fact]
    public void EnteredInError_CannotBeReportedAsAnOutcome()
    {
        Assert.Equal(OutcomeRejection.InvalidReport, _log.Record(Report(AdministrationOutcome.EnteredInError)).Rejection);
    }

    [Fact]
    public void Report_WithoutMessageId_IsRejectedWithAClearMessage()
    {
        var result = _log.Record(Report(AdministrationOutcome.Given, messageId: ""));

        Assert.Equal(OutcomeRejection.InvalidReport, result.Rejection);
        Assert.Contains("client message id", result.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void Correction_AppendsAMarkerAndTheNewRecord_LeavingTheOriginalVisible()
    {
        var original = _log.Record(Report(AdministrationOutcome.Refused, reason: "declined")).Record!;

        var result = _log.Correct(new CorrectionReport(original.RecordId, "charted on the wrong resident's dose", "nurse-b", "c-1",
            Report(AdministrationOutcome.Given, "c-1")));

        Assert.Equal(OutcomeStatus.Recorded, result.Status);
        Assert.Equal([AdministrationOutcome.Refused, AdministrationOutcome.EnteredInError, AdministrationOutcome.Given], _log.Records.Select(r => r.Outcome));
        Assert.Equal(original.RecordId, result.Records[0].CorrectsRecordId);
        Assert.Same(original, _log.Records[0]);
        Assert.Equal(AdministrationOutcome.Given, _log.StandingOutcome(_dose.Id)!.Outcome);
        Assert.Equal([1L, 2L, 3L], _log.Records.Select(r => r.Sequence));
    }

    [Fact]
    public void Correction_WithoutReplacement_ReopensTheDose()
    {
        var original = _log.Record(Report(AdministrationOutcome.Given)).Record!;

        _log.Correct(new CorrectionReport(original.RecordId, "robot reported given but drawer was full", "nurse-b", "c-1"));

        Assert.Null(_log.StandingOutcome(_dose.Id));
        Assert.Equal(OutcomeStatus.Recorded, _log.Record(Report(AdministrationOutcome.Refused, "m-2", "declined")).Status);
    }

    [Fact]
    public void Correction_Resent_IsReplayed_AndASecondCorrectionOfTheSameRecordIsRejected()
    {
        var original = _log.Record(Report(AdministrationOutcome.Given)).Record!;
        var correction = new CorrectionReport(original.RecordId, "wrong", "nurse-b", "c-1");

        var first = _log.Correct(correction);
        var resend = _log.Correct(correction);
        var again = _log.Correct(correction with { ClientMessageId = "c-2" });

        Assert.Equal(OutcomeStatus.Replayed, resend.Status);
        Assert.Equal(first.Records, resend.Records);
        Assert.Equal(OutcomeRejection.AlreadyEnteredInError, again.Rejection);
        Assert.Equal(2, _log.Records.Count);
    }

    [Fact]
    public void Correction_OfAnUnknownRecord_IsRejected()
    {
        Assert.Equal(OutcomeRejection.RecordNotFound, _log.Correct(new CorrectionReport("nope", "x", "nurse-b", "c-1")).Rejection);
    }

    [Fact]
    public void Correction_NeedsAReason()
    {
        var original = _log.Record(Report(AdministrationOutcome.Given)).Record!;

        Assert.Equal(OutcomeRejection.ReasonRequired, _log.Correct(new CorrectionReport(original.RecordId, "", "nurse-b", "c-1")).Rejection);
    }

    [Fact]
    public void OverdueDoses_AreClosedAsMissed_OnceWhateverTheNumberOfSweeps()
    {
        var open = _log.CloseOverdueDoses([_dose]);
        _time.SetUtcNow(_dose.WindowCloses.AddTicks(1));
        var first = _log.CloseOverdueDoses([_dose]);
        var second = _log.CloseOverdueDoses([_dose]);

        Assert.Empty(open);
        Assert.Equal(AdministrationOutcome.Missed, Assert.Single(first).Outcome);
        Assert.Empty(second);
        Assert.Single(_log.Records);
    }

    [Fact]
    public void OverdueDoses_UnderAnOrderHold_AreClosedAsHeldWithTheHoldReason()
    {
        var held = _dose with { Hold = new OrderHold("hospital leave", Meds.Day) };
        _time.SetUtcNow(_dose.WindowCloses.AddMinutes(1));

        var record = Assert.Single(_log.CloseOverdueDoses([held]));

        Assert.Equal(AdministrationOutcome.Held, record.Outcome);
        Assert.Contains("hospital leave", record.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Sweep_LeavesDosesThatHaveAnOutcome()
    {
        _log.Record(Report(AdministrationOutcome.Given));
        _time.SetUtcNow(_dose.WindowCloses.AddHours(1));

        Assert.Empty(_log.CloseOverdueDoses([_dose]));
    }

    // PRN

    private OutcomeReport PrnGiven(string? indication = "pain") =>
        new(DoseId.ForPrn("prn-1", _time.GetUtcNow()), "prn-1", "res-1", AdministrationOutcome.Given, _time.GetUtcNow(), "nurse-a", "p-1",
            IsPrn: true, PrnIndication: indication);

    [Fact]
    public void PrnGiven_NeedsItsIndication()
    {
        Assert.Equal(OutcomeRejection.PrnIndicationRequired, _log.Record(PrnGiven(null)).Rejection);
    }

    [Fact]
    public void PrnGiven_OwesAnEffectivenessFollowUp_ThatTurnsOverdueAfterSixtyMinutes()
    {
        var given = _log.Record(PrnGiven()).Record!;
        var followUp = Assert.Single(_log.OpenFollowUps());

        Assert.Equal(given.OccurredAt.AddMinutes(60), followUp.DueAt);
        Assert.Equal(FollowUpState.Pending, followUp.StateAt(_time.GetUtcNow()));
        _time.Advance(TimeSpan.FromMinutes(60));
        Assert.Equal(FollowUpState.Pending, followUp.StateAt(_time.GetUtcNow()));
        _time.Advance(TimeSpan.FromTicks(1));
        Assert.Equal(FollowUpState.Overdue, followUp.StateAt(_time.GetUtcNow()));
    }

    [Fact]
    public void PrnFollowUp_IsDone_OnceEffectivenessIsDocumented()
    {
        var given = _log.Record(PrnGiven()).Record!;
        _time.Advance(TimeSpan.FromMinutes(45));

        _log.RecordEffectiveness(new EffectivenessReport(given.DoseId, true, "pain 6/10 down to 2/10", "nurse-a", _time.GetUtcNow()));

        Assert.Empty(_log.OpenFollowUps());
        Assert.Equal(FollowUpState.Done, _log.FollowUpFor(given.DoseId)!.StateAt(_time.GetUtcNow().AddHours(5)));
    }

    [Fact]
    public void PrnFollowUp_Lapses_WhenTheGivenRecordIsEnteredInError()
    {
        var given = _log.Record(PrnGiven()).Record!;

        _log.Correct(new CorrectionReport(given.RecordId, "charted twice", "nurse-b", "c-1"));

        Assert.Empty(_log.OpenFollowUps());
        Assert.Throws<ArgumentException>(() => _log.RecordEffectiveness(new EffectivenessReport(given.DoseId, true, "ok", "nurse-a", _time.GetUtcNow())));
    }

    [Fact]
    public void ScheduledGiven_OwesNoFollowUp()
    {
        _log.Record(Report(AdministrationOutcome.Given));

        Assert.Empty(_log.OpenFollowUps());
    }

    [Fact]
    public void Summary_CountsEachOutcome_AndClosedUndocumentedDosesAsMissed()
    {
        var scheduler = new DoseScheduler(new MedicationOptions());
        var doses = Enumerable.Range(1, 6)
            .Select(i => scheduler.Derive(Meds.Scheduled(Meds.Digoxin, $"ord-{i}", $"res-{i}"), Meds.Day, Meds.Day.AddDays(1), TimeZoneInfo.Utc).Single())
            .ToList();
        var evening = scheduler.Derive(Meds.Scheduled(Meds.Digoxin, "ord-7", "res-7", new TimeOnly(20, 0)), Meds.Day, Meds.Day.AddDays(1), TimeZoneInfo.Utc).Single();
        _log.Record(Report(AdministrationOutcome.Given, dose: doses[0]));
        _log.Record(Report(AdministrationOutcome.Given, dose: doses[1]));
        _log.Record(Report(AdministrationOutcome.Refused, reason: "declined", dose: doses[2]));
        _log.Record(Report(AdministrationOutcome.Held, reason: "pulse 50", dose: doses[3]));
        _log.Record(Report(AdministrationOutcome.NotAvailable, reason: "stock", dose: doses[4]));
        _time.SetUtcNow(Meds.Day.AddHours(10)); // doses[5] was never documented and its window has closed

        var summary = _log.Summarize([.. doses, evening]);

        Assert.Equal(new DoseOutcomeSummary(7, 2, 1, 1, 1, 1, 1), summary);
    }

    // Restart

    [Fact]
    public void RestoredLog_AnswersResendsAsBefore_AndKeepsOneOutcomePerDose()
    {
        var given = _log.Record(Report(AdministrationOutcome.Given)).Record!;
        var prn = _log.Record(PrnGiven()).Record!;
        _log.RecordEffectiveness(new EffectivenessReport(prn.DoseId, false, "no relief", "nurse-a", _time.GetUtcNow()));

        var restarted = new MedicationAdministrationLog(new MedicationOptions(), _time);
        restarted.Restore(_log.Records, _log.Assessments);

        var resend = restarted.Record(Report(AdministrationOutcome.Given));
        Assert.Equal(OutcomeStatus.Replayed, resend.Status);
        Assert.Equal(given, resend.Record);
        Assert.Equal(OutcomeRejection.OutcomeAlreadyRecorded, restarted.Record(Report(AdministrationOutcome.Refused, "m-2", "declined")).Rejection);
        Assert.Equal(FollowUpState.Done, restarted.FollowUpFor(prn.DoseId)!.StateAt(_time.GetUtcNow()));
        Assert.Equal(3, restarted.Record(Report(AdministrationOutcome.Given, "x", dose: _dose with { Id = new DoseId("other") })).Record!.Sequence);
    }

    [Fact]
    public void RestoredLog_ReplaysACorrectionResentAfterTheRestart()
    {
        var original = _log.Record(Report(AdministrationOutcome.Refused, reason: "declined")).Record!;
        var correction = new CorrectionReport(original.RecordId, "wrong resident", "nurse-b", "c-1", Report(AdministrationOutcome.Given, "c-1"));
        var first = _log.Correct(correction);

        var restarted = new MedicationAdministrationLog(new MedicationOptions(), _time);
        restarted.Restore(_log.Records);
        var resend = restarted.Correct(correction);

        Assert.Equal(OutcomeStatus.Replayed, resend.Status);
        Assert.Equal(first.Records, resend.Records);
        Assert.Equal(AdministrationOutcome.Given, restarted.StandingOutcome(_dose.Id)!.Outcome);
    }

    [Fact]
    public void Restore_RefusesRecordsWithGaps()
    {
        _log.Record(Report(AdministrationOutcome.Given));
        var gap = _log.Records.Select(r => r with { Sequence = 2 });

        var ex = Assert.Throws<ArgumentException>(() => new MedicationAdministrationLog(new MedicationOptions(), _time).Restore(gap));
        Assert.Contains("without gaps", ex.Message, StringComparison.Ordinal);
    }
}
