using CareFleet.Care.Medication;
using CareFleet.Care.Tests.Support;

namespace CareFleet.Care.Tests.Medication;

public sealed class MedicationErrorRateTests
{
    private static readonly DateTimeOffset End = Meds.Day.AddDays(1);

    private static List<DueDose> Doses(int count) => [.. Enumerable.Range(0, count).Select(i =>
    {
        var at = Meds.Day.AddHours(8).AddMinutes(i);
        return new DueDose(DoseId.For($"ord-{i}", at), $"ord-{i}", "res-1", at, at.AddHours(-1), at.AddHours(1));
    })];

    private static AdministrationRecord Rec(DueDose d, AdministrationOutcome outcome, DateTimeOffset? at = null, string? id = null, bool prn = false) => new(
        id ?? d.Id.Value, 1, d.Id, d.OrderId, d.ResidentId, outcome, at ?? d.ScheduledAt, at ?? d.ScheduledAt, "nurse-a", "m", prn, null, null, null, null);

    private static List<AdministrationRecord> AllGiven(List<DueDose> doses) => [.. doses.Select(d => Rec(d, AdministrationOutcome.Given))];

    [Fact]
    public void Rate_IsErrorsOverDosesGivenPlusOrderedButNotGiven()
    {
        var doses = Doses(40);
        var history = AllGiven(doses);
        history[0] = Rec(doses[0], AdministrationOutcome.Missed);
        history[1] = Rec(doses[1], AdministrationOutcome.NotAvailable);

        var result = MedicationErrorRate.Compute(doses, history, [], End);

        Assert.Equal(2, result.Errors);
        Assert.Equal(40, result.Opportunities);
        Assert.Equal(5m, result.RatePercent);
        Assert.True(result.AtOrAboveCitationThreshold, "exactly 5% is cited");
        Assert.Equal(2, result.ByType[MedicationErrorType.Omission]);
    }

    [Fact]
    public void Rate_JustUnderFivePercent_IsNotRoundedUpToACitation()
    {
        // 3 errors in 65 opportunities = 4.615%.
        var doses = Doses(65);
        var history = AllGiven(doses);
        for (var i = 0; i < 3; i++)
        {
            history[i] = Rec(doses[i], AdministrationOutcome.Missed);
        }

        var result = MedicationErrorRate.Compute(doses, history, [], End);

        Assert.InRange(result.RatePercent, 4.61m, 4.62m);
        Assert.False(result.AtOrAboveCitationThreshold);
    }

    [Fact]
    public void RefusalsAndHolds_AreOpportunitiesButNotErrors()
    {
        var doses = Doses(4);
        var history = AllGiven(doses);
        history[0] = Rec(doses[0], AdministrationOutcome.Refused);
        history[1] = Rec(doses[1], AdministrationOutcome.Held);

        var result = MedicationErrorRate.Compute(doses, history, [], End);

        Assert.Equal(0, result.Errors);
        Assert.Equal(4, result.Opportunities);
    }

    [Fact]
    public void GivenOutsideTheWindow_IsAWrongTimeError()
    {
        var doses = Doses(10);
        var history = AllGiven(doses);
        history[3] = Rec(doses[3], AdministrationOutcome.Given, doses[3].WindowCloses.AddMinutes(15));

        var result = MedicationErrorRate.Compute(doses, history, [], End);

        Assert.Equal(1, result.ByType[MedicationErrorType.WrongTime]);
        Assert.Equal(10m, result.RatePercent);
    }

    [Fact]
    public void UndocumentedDose_CountsAsOmission_OnceItsWindowHasClosed()
    {
        var doses = Doses(4);
        var history = AllGiven(doses).Take(3).ToList();

        var during = MedicationErrorRate.Compute(doses, history, [], doses[3].WindowCloses);
        var after = MedicationErrorRate.Compute(doses, history, [], doses[3].WindowCloses.AddTicks(1));

        Assert.Equal(0, during.Errors);
        Assert.Equal(1, after.Errors);
    }

    [Fact]
    public void ReportedErrors_CountOncePerDose_AndUnorderedDrugsAddAnOpportunity()
    {
        var doses = Doses(8);
        var history = AllGiven(doses);
        history[0] = Rec(doses[0], AdministrationOutcome.Missed);

        var result = MedicationErrorRate.Compute(doses, history,
        [
            new ReportedMedicationError(doses[0].Id, MedicationErrorType.WrongDose), // replaces the omission, same dose
            new ReportedMedicationError(doses[1].Id, MedicationErrorType.WrongRoute),
            new ReportedMedicationError(null, MedicationErrorType.UnorderedDrug),
        ], End);

        Assert.Equal(3, result.Errors);
        Assert.Equal(9, result.Opportunities);
        Assert.False(result.ByType.ContainsKey(MedicationErrorType.Omission));
    }

    [Fact]
    public void PrnDosesGiven_AreOpportunities()
    {
        var doses = Doses(3);
        var history = AllGiven(doses);
        var prn = new DueDose(DoseId.ForPrn("prn-1", Meds.Day.AddHours(14)), "prn-1", "res-1", Meds.Day.AddHours(14), Meds.Day.AddHours(14), Meds.Day.AddHours(15), IsPrn: true);
        history.Add(Rec(prn, AdministrationOutcome.Given, prn: true));

        Assert.Equal(4, MedicationErrorRate.Compute(doses, history, [], End).Opportunities);
    }

    [Fact]
    public void EnteredInErrorRecords_DoNotStand()
    {
        var doses = Doses(2);
        var missed = Rec(doses[0], AdministrationOutcome.Missed, id: "a");
        var marker = Rec(doses[0], AdministrationOutcome.EnteredInError, id: "b") with { CorrectsRecordId = "a" };
        var given = Rec(doses[0], AdministrationOutcome.Given, id: "c");

        var result = MedicationErrorRate.Compute(doses, [missed, marker, given, Rec(doses[1], AdministrationOutcome.Given)], [], End);

        Assert.Equal(0, result.Errors);
    }

    [Fact]
    public void NoDoses_GiveAZeroRate()
    {
        var result = MedicationErrorRate.Compute([], [], [], End);

        Assert.Equal(0m, result.RatePercent);
        Assert.False(result.AtOrAboveCitationThreshold);
    }
}
