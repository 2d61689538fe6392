using CareFleet.Care.Vitals;

namespace CareFleet.Care.Tests.Vitals;

public sealed class VitalSignsValidatorTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 1, 8, 0, 0, TimeSpan.Zero);

    private static VitalSignsReport Report() => new(
        "res-1",
        Now,
        "bed-7",
        RespiratoryRate: new Quantity(16, "/min"),
        SpO2: new Quantity(97, "%"),
        OnSupplementalOxygen: false,
        Systolic: new Quantity(130, "mm[Hg]"),
        Diastolic: new Quantity(80, "mm[Hg]"),
        HeartRate: new Quantity(72, "/min"),
        Temperature: new Quantity(36.8m, "Cel"),
        Consciousness: Consciousness.Alert);

    [Fact]
    public void PlausibleReport_IsAccepted_InCanonicalUnits()
    {
        var result = VitalSignsValidator.Validate(Report() with { Temperature = new Quantity(100.4m, "[degF]"), HeartRate = new Quantity(72.5m, "{beats}/min") }, Now);

        Assert.True(result.IsValid);
        Assert.Empty(result.Problems);
        Assert.Equal(38.0m, result.Accepted!.TemperatureCelsius);
        Assert.Equal(73, result.Accepted.HeartRate);
    }

    [Fact]
    public void SpO2Of140_IsRejected_WithAReason_AndNothingIsAccepted()
    {
        var result = VitalSignsValidator.Validate(Report() with { SpO2 = new Quantity(140, "%") }, Now);

        Assert.False(result.IsValid);
        Assert.Null(result.Accepted);
        var problem = Assert.Single(result.Problems);
        Assert.Equal(("spO2", VitalSignProblemKind.Impossible), (problem.Parameter, problem.Kind));
        Assert.Contains("140", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void NegativeHeartRate_IsRejected()
    {
        var problem = Assert.Single(VitalSignsValidator.Validate(Report() with { HeartRate = new Quantity(-5, "/min") }, Now).Problems);

        Assert.Equal(("heartRate", VitalSignProblemKind.Impossible), (problem.Parameter, problem.Kind));
        Assert.Contains("-5", problem.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("bpm")]
    [InlineData("")]
    [InlineData("/s")]
    public void UnknownHeartRateUnit_IsRejected_NamingTheAcceptedUnit(string unit)
    {
        var problem = Assert.Single(VitalSignsValidator.Validate(Report() with { HeartRate = new Quantity(72, unit) }, Now).Problems);

        Assert.Equal(VitalSignProblemKind.UnknownUnit, problem.Kind);
        Assert.Contains("'/min'", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TemperatureInKelvin_IsRejectedAsUnknownUnit()
    {
        var problem = Assert.Single(VitalSignsValidator.Validate(Report() with { Temperature = new Quantity(310, "K") }, Now).Problems);
        Assert.Equal(("temperature", VitalSignProblemKind.UnknownUnit), (problem.Parameter, problem.Kind));
    }

    [Theory]
    [InlineData("respiratoryRate", -1)]
    [InlineData("respiratoryRate", 81)]
    [InlineData("spO2", 0)]
    [InlineData("spO2", 101)]
    [InlineData("systolic", 29)]
    [InlineData("systolic", 301)]
    [InlineData("heartRate", 0)]
    [InlineData("heartRate", 301)]
    [InlineData("temperature", 24.9)]
    [InlineData("temperature", 45.1)]
    public void ValueOutsideWhatIsPossible_IsRejected(string parameter, double value)
    {
        var q = (decimal)value;
        var report = parameter switch
        {
            "respiratoryRate" => Report() with { RespiratoryRate = new Quantity(q, "/min") },
            "spO2" => Report() with { SpO2 = new Quantity(q, "%") },
            "systolic" => Report() with { Systolic = new Quantity(q, "mm[Hg]"), Diastolic = null },
            "heartRate" => Report() with { HeartRate = new Quantity(q, "/min") },
            _ => Report() with { Temperature = new Quantity(q, "Cel") },
        };

        var problem = Assert.Single(VitalSignsValidator.Validate(report, Now).Problems);

        Assert.Equal((parameter, VitalSignProblemKind.Impossible), (problem.Parameter, problem.Kind));
    }

    [Theory]
    [InlineData("respiratoryRate", 0)]
    [InlineData("respiratoryRate", 80)]
    [InlineData("spO2", 1)]
    [InlineData("spO2", 100)]
    [InlineData("heartRate", 1)]
    [InlineData("heartRate", 300)]
    [InlineData("temperature", 25.0)]
    [InlineData("temperature", 45.0)]
    public void ValueAtTheEdgeOfWhatIsPossible_IsAccepted(string parameter, double value)
    {
        var q = (decimal)value;
        var report = parameter switch
        {
            "respiratoryRate" => Report() with { RespiratoryRate = new Quantity(q, "/min") },
            "spO2" => Report() with { SpO2 = new Quantity(q, "%") },
            "heartRate" => Report() with { HeartRate = new Quantity(q, "/min") },
            _ => Report() with { Temperature = new Quantity(q, "Cel") },
        };

        Assert.True(VitalSignsValidator.Validate(report, Now).IsValid);
    }

    [Fact]
    public void DiastolicNotBelowSystolic_IsRejectedAsInconsistent()
    {
        var problem = Assert.Single(VitalSignsValidator.Validate(Report() with { Systolic = new Quantity(90, "mm[Hg]"), Diastolic = new Quantity(95, "mm[Hg]") }, Now).Problems);
        Assert.Equal(("diastolic", VitalSignProblemKind.Inconsistent), (problem.Parameter, problem.Kind));
    }

    [Fact]
    public void OxygenFlow_OnAResidentSaidToBeOnAir_IsRejectedAsInconsistent()
    {
        var problem = Assert.Single(VitalSignsValidator.Validate(Report() with { OxygenFlow = new Quantity(2, "L/min") }, Now).Problems);
        Assert.Equal(("oxygenFlow", VitalSignProblemKind.Inconsistent), (problem.Parameter, problem.Kind));
    }

    [Fact]
    public void OxygenFlow_WithoutTheFlag_MeansOxygen()
    {
        var result = VitalSignsValidator.Validate(Report() with { OnSupplementalOxygen = null, OxygenFlow = new Quantity(2, "L/min") }, Now);
        Assert.True(result.Accepted!.OnSupplementalOxygen);
    }

    [Fact]
    public void ReadingFromTheFuture_IsRejected_ButSmallClockSkewIsNot()
    {
        Assert.True(VitalSignsValidator.Validate(Report() with { EffectiveAt = Now.AddMinutes(5) }, Now).IsValid);
        var problem = Assert.Single(VitalSignsValidator.Validate(Report() with { EffectiveAt = Now.AddMinutes(6) }, Now).Problems);
        Assert.Equal(VitalSignProblemKind.FutureTime, problem.Kind);
    }

    [Fact]
    public void SeveralProblems_AreAllReported()
    {
        var result = VitalSignsValidator.Validate(Report() with { ResidentId = "", SpO2 = new Quantity(140, "%"), HeartRate = new Quantity(-5, "/min") }, Now);

        Assert.Equal(["residentId", "spO2", "heartRate"], result.Problems.Select(p => p.Parameter));
    }

    [Fact]
    public void UndefinedConsciousnessLevel_IsRejected()
    {
        var problem = Assert.Single(VitalSignsValidator.Validate(Report() with { Consciousness = (Consciousness)9 }, Now).Problems);
        Assert.Equal("consciousness", problem.Parameter);
    }

    [Fact]
    public void ConsciousnessLevels_MapToTheSnomedAnswerCodes()
    {
        Assert.Equal("248234008", VitalSignCodes.SnomedCodeOf(Consciousness.Alert));
        Assert.Equal("422768004", VitalSignCodes.SnomedCodeOf(Consciousness.Unresponsive));
    }
}
