using CareFleet.Care.Vitals;

namespace CareFleet.Care.Tests.Vitals;

public sealed class News2ScoreTests
{
    private static readonly DateTimeOffset At = new(2026, 3, 1, 8, 0, 0, TimeSpan.Zero);

    private static VitalSigns Normal() =>
        new("res-1", At, "bed-7", RespiratoryRate: 16, SpO2: 97, OnSupplementalOxygen: false, OxygenFlowLitresPerMinute: null,
            Systolic: 130, Diastolic: 80, HeartRate: 72, TemperatureCelsius: 36.8m, Consciousness: Consciousness.Alert);

    [Fact]
    public void NormalObservations_ScoreZero_LowBand_TwelveHourly()
    {
        var score = News2.Score(Normal(), SpO2Scale.Scale1);

        Assert.Equal(0, score.Total);
        Assert.True(score.IsComplete);
        Assert.False(score.HasRedParameter);
        Assert.Equal((News2Band.Low, ObservationFrequency.TwelveHourly), (score.Band, score.Frequency));
        Assert.Equal("Continue routine NEWS monitoring.", score.ClinicalResponse);
    }

    [Fact]
    public void SepsisLikePicture_AddsEveryParameter_IntoTheHighBand()
    {
        var vitals = Normal() with { RespiratoryRate = 25, SpO2 = 93, HeartRate = 118, Systolic = 98, TemperatureCelsius = 38.6m };

        var score = News2.Score(vitals, SpO2Scale.Scale1);

        Assert.Equal((3, 2, 0, 2, 2, 0, 1), (score.RespirationRate, score.SpO2, score.AirOrOxygen, score.SystolicBloodPressure, score.Pulse, score.Consciousness, score.Temperature));
        Assert.Equal(10, score.Total);
        Assert.Equal((News2Band.High, ObservationFrequency.Continuous), (score.Band, score.Frequency));
        Assert.StartsWith("Emergency response", score.ClinicalResponse, StringComparison.Ordinal);
    }

    [Fact]
    public void SingleRedParameter_WithLowTotal_IsLowMedium_Hourly()
    {
        var score = News2.Score(Normal() with { Consciousness = Consciousness.NewConfusion }, SpO2Scale.Scale1);

        Assert.Equal(3, score.Total);
        Assert.True(score.HasRedParameter);
        Assert.Equal((News2Band.LowMedium, ObservationFrequency.Hourly), (score.Band, score.Frequency));
        Assert.Contains("informs the medical team", score.ClinicalResponse, StringComparison.Ordinal);
    }

    [Fact]
    public void SupplementalOxygen_AddsTwo_OnEitherScale()
    {
        var onOxygen = Normal() with { OnSupplementalOxygen = true, SpO2 = 90 };

        var scale1 = News2.Score(onOxygen, SpO2Scale.Scale1);
        var scale2 = News2.Score(onOxygen, SpO2Scale.Scale2);

        Assert.Equal((3, 2, 5, News2Band.Medium), (scale1.SpO2, scale1.AirOrOxygen, scale1.Total, scale1.Band));
        Assert.Equal((0, 2, 2, News2Band.Low), (scale2.SpO2, scale2.AirOrOxygen, scale2.Total, scale2.Band));
    }

    [Fact]
    public void Scale2Resident_At97OnOxygen_ScoresThreeForSaturation_ButZeroOnAir()
    {
        var onOxygen = News2.Score(Normal() with { OnSupplementalOxygen = true, SpO2 = 97 }, SpO2Scale.Scale2);
        var onAir = News2.Score(Normal() with { SpO2 = 97 }, SpO2Scale.Scale2);

        Assert.Equal((3, 5, true, News2Band.Medium), (onOxygen.SpO2, onOxygen.Total, onOxygen.HasRedParameter, onOxygen.Band));
        Assert.Equal((0, 0), (onAir.SpO2, onAir.Total));
        Assert.Equal(SpO2Scale.Scale2, onOxygen.Scale);
    }

    [Fact]
    public void MissingParameters_AreListed_AndTheTotalIsALowerBound()
    {
        var partial = Normal() with { Systolic = null, Diastolic = null, TemperatureCelsius = null, Consciousness = null, RespiratoryRate = 30, HeartRate = 135, SpO2 = 91 };

        var score = News2.Score(partial, SpO2Scale.Scale1);

        Assert.False(score.IsComplete);
        Assert.Equal([News2Parameter.SystolicBloodPressure, News2Parameter.Consciousness, News2Parameter.Temperature], score.Missing);
        Assert.Equal(9, score.Total);
        Assert.Equal(News2Band.High, score.Band);
    }

    [Fact]
    public void Scale2_HighSaturation_WithoutTheOxygenFlag_IsNotScored_ButLowSaturationIs()
    {
        var unknownHigh = News2.Score(Normal() with { OnSupplementalOxygen = null, SpO2 = 95 }, SpO2Scale.Scale2);
        var unknownLow = News2.Score(Normal() with { OnSupplementalOxygen = null, SpO2 = 85 }, SpO2Scale.Scale2);

        Assert.Null(unknownHigh.SpO2);
        Assert.Contains(News2Parameter.SpO2, unknownHigh.Missing);
        Assert.Equal(2, unknownLow.SpO2);
        Assert.Contains(News2Parameter.AirOrOxygen, unknownLow.Missing);
    }

    [Fact]
    public void UndefinedScale_IsRejected()
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => News2.Score(Normal(), (SpO2Scale)3));
        Assert.Equal("scale", ex.ParamName);
    }

    [Theory]
    [InlineData(ObservationFrequency.TwelveHourly, 12 * 60)]
    [InlineData(ObservationFrequency.FourToSixHourly, 4 * 60)]
    [InlineData(ObservationFrequency.Hourly, 60)]
    [InlineData(ObservationFrequency.Continuous, 15)]
    public void NextObservation_IsDue_AfterTheBandsInterval(ObservationFrequency frequency, int minutes)
    {
        var options = new ObservationScheduleOptions();

        var due = ObservationSchedule.NextDue(At, frequency, options);

        Assert.Equal(At.AddMinutes(minutes), due);
        Assert.False(ObservationSchedule.IsOverdue(At, frequency, options, due.AddTicks(-1)));
        Assert.True(ObservationSchedule.IsOverdue(At, frequency, options, due));
    }

    [Fact]
    public void FourToSixHourly_CanBeSetTo6Hours_ButNotBeyond()
    {
        var options = new ObservationScheduleOptions { FourToSixHourly = TimeSpan.FromHours(6) };
        Assert.Empty(options.Validate());
        Assert.Equal(At.AddHours(6), ObservationSchedule.NextDue(At, ObservationFrequency.FourToSixHourly, options));

        options.FourToSixHourly = TimeSpan.FromHours(7);
        Assert.Contains("FourToSixHourly", Assert.Single(options.Validate()), StringComparison.Ordinal);
    }
}
