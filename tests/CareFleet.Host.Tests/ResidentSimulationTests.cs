using CareFleet.Care.Ingest;
using CareFleet.Care.Vitals;
using CareFleet.Simulation.Residents;

namespace CareFleet.Host.Tests;

/// <summary>The simulated residents' physiology, judged by what CareFleet makes of it: validation and NEWS2.</summary>
public sealed class ResidentSimulationTests
{
    private static readonly DateTimeOffset Day = new(2026, 11, 30, 0, 0, 0, TimeSpan.Zero);

    private static News2Score Score(ResidentPhysiology resident, DateTimeOffset at)
    {
        var validation = VitalSignsValidator.Validate(CareMessageMapping.ToReport(resident.Reading(at, 1), "AuroraMed/BED-1"), at);
        Assert.True(validation.IsValid, string.Join(" ", validation.Problems.Select(p => p.Message)));
        return News2.Score(validation.Accepted!, resident.Copd ? SpO2Scale.Scale2 : SpO2Scale.Scale1);
    }

    private static IEnumerable<DateTimeOffset> QuarterHoursOfTheDay() => Enumerable.Range(0, 96).Select(i => Day + TimeSpan.FromMinutes(15 * i));

    [Fact]
    public void SameSeed_GivesTheSameResidentsAndReadings()
    {
        var options = new ResidentSimulationOptions { Seed = 7, DeteriorationsPerResidentDay = 0.5 };
        var ids = Enumerable.Range(1, 48).Select(i => $"R-{i:0000}").ToList();
        var a = new SimulatedResidents(ids, options, Day);
        var b = new SimulatedResidents(ids, options, Day);

        Assert.Equal(a.All.Select(r => (r.Copd, r.DeteriorationStart)), b.All.Select(r => (r.Copd, r.DeteriorationStart)));
        Assert.Equal(a.All[5].Reading(Day.AddHours(3), 1), b.All[5].Reading(Day.AddHours(3), 1));
        Assert.NotEqual(a.All[5].Reading(Day.AddHours(3), 1).HeartRate, a.All[6].Reading(Day.AddHours(3), 1).HeartRate);
    }

    [Fact]
    public void StableResidents_StayBelowTheMediumBand_AllDay()
    {
        var cohort = new SimulatedResidents(Enumerable.Range(1, 48).Select(i => $"R-{i:0000}"), new ResidentSimulationOptions { DeteriorationsPerResidentDay = 0 }, Day);
        foreach (var resident in cohort.All)
        {
            foreach (var at in QuarterHoursOfTheDay())
            {
                var score = Score(resident, at);
                Assert.True(score.Total < 5 && score.Band is News2Band.Low, $"{resident.ResidentId} at {at:HH:mm} scored {score.Total} ({score.Band}).");
            }
        }
    }

    [Fact]
    public void SepsisLikeDeterioration_ReachesTheHighBand_WithinItsRamp_AfterAStableStart()
    {
        var onset = Day + TimeSpan.FromHours(8);
        var resident = new ResidentPhysiology("R-0001", 11, copd: false, onset, TimeSpan.FromHours(6));

        Assert.True(Score(resident, onset).Total < 5);
        var firstHigh = QuarterHoursOfTheDay().FirstOrDefault(at => Score(resident, at).Band == News2Band.High);
        Assert.True(firstHigh > onset && firstHigh <= onset + TimeSpan.FromHours(6), $"Expected the high band between {onset:HH:mm} and {onset.AddHours(6):HH:mm}, first reached at {firstHigh:HH:mm}.");
        // Same time of day a day apart, so the daily rhythm cancels out.
        var before = resident.Reading(onset + TimeSpan.FromHours(7) - TimeSpan.FromDays(1), 1);
        var worst = resident.Reading(onset + TimeSpan.FromHours(7), 1);
        Assert.True(
            worst.HeartRate!.Value > before.HeartRate!.Value + 30 && worst.RespiratoryRate!.Value > before.RespiratoryRate!.Value + 8
            && worst.Systolic!.Value < before.Systolic!.Value - 25 && worst.SpO2!.Value < before.SpO2!.Value - 4 && worst.Temperature!.Value > before.Temperature!.Value + 1,
            $"Not sepsis-like: before {before}, worst {worst}");
    }

    [Fact]
    public void CopdResidents_SitAt88To92Percent_AndScoreNothingForItOnScale2()
    {
        var resident = new ResidentPhysiology("R-0002", 5, copd: true, null, TimeSpan.FromHours(6));
        foreach (var at in QuarterHoursOfTheDay())
        {
            var reading = resident.Reading(at, 1);
            Assert.InRange(reading.SpO2!.Value, 87, 93);
            Assert.Equal(SpO2Scale.Scale2, Score(resident, at).Scale);
        }
    }

    [Fact]
    public void Residents_AreSplitOverTheBedRobots_RoundRobin()
    {
        var cohort = new SimulatedResidents(Enumerable.Range(1, 10).Select(i => $"R-{i:0000}"), new ResidentSimulationOptions(), Day);

        var assignment = cohort.AssignTo(["AuroraMed/BED-1", "AuroraMed/BED-2", "AuroraMed/BED-3"]);

        Assert.Equal([4, 3, 3], assignment.OrderBy(a => a.Key).Select(a => a.Value.Count));
        Assert.Equal(10, assignment.Values.SelectMany(v => v).Select(r => r.ResidentId).Distinct().Count());
    }
}
