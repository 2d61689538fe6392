using CareFleet.Care.Vitals;

namespace CareFleet.Care.Tests.Vitals;

/// <summary>Every band edge of every parameter, on both sides, from RCP NEWS2 Chart 1 (CARE.md §3.1).</summary>
public sealed class News2TableTests
{
    [Theory]
    [InlineData(0, 3)]
    [InlineData(8, 3)]
    [InlineData(9, 1)]
    [InlineData(11, 1)]
    [InlineData(12, 0)]
    [InlineData(20, 0)]
    [InlineData(21, 2)]
    [InlineData(24, 2)]
    [InlineData(25, 3)]
    [InlineData(60, 3)]
    public void RespirationRate_ScoresPerChart1(int perMinute, int expected) =>
        Assert.Equal(expected, News2.RespirationRateScore(perMinute));

    [Theory]
    [InlineData(70, 3)]
    [InlineData(91, 3)]
    [InlineData(92, 2)]
    [InlineData(93, 2)]
    [InlineData(94, 1)]
    [InlineData(95, 1)]
    [InlineData(96, 0)]
    [InlineData(100, 0)]
    public void SpO2Scale1_ScoresPerChart1(int percent, int expected) =>
        Assert.Equal(expected, News2.SpO2Scale1Score(percent));

    [Theory]
    [InlineData(70, false, 3)]
    [InlineData(83, false, 3)]
    [InlineData(84, false, 2)]
    [InlineData(85, false, 2)]
    [InlineData(86, false, 1)]
    [InlineData(87, false, 1)]
    [InlineData(88, false, 0)]
    [InlineData(92, false, 0)]
    [InlineData(93, false, 0)]
    [InlineData(97, false, 0)]
    [InlineData(100, false, 0)]
    [InlineData(83, true, 3)]
    [InlineData(84, true, 2)]
    [InlineData(85, true, 2)]
    [InlineData(86, true, 1)]
    [InlineData(87, true, 1)]
    [InlineData(88, true, 0)]
    [InlineData(92, true, 0)]
    [InlineData(93, true, 1)]
    [InlineData(94, true, 1)]
    [InlineData(95, true, 2)]
    [InlineData(96, true, 2)]
    [InlineData(97, true, 3)]
    [InlineData(100, true, 3)]
    public void SpO2Scale2_ScoresPerChart1_HighSaturationOnlyOnOxygen(int percent, bool onOxygen, int expected) =>
        Assert.Equal(expected, News2.SpO2Scale2Score(percent, onOxygen));

    [Theory]
    [InlineData(false, 0)]
    [InlineData(true, 2)]
    public void AirOrOxygen_ScoresTwoForOxygen(bool onOxygen, int expected) =>
        Assert.Equal(expected, News2.AirOrOxygenScore(onOxygen));

    [Theory]
    [InlineData(60, 3)]
    [InlineData(90, 3)]
    [InlineData(91, 2)]
    [InlineData(100, 2)]
    [InlineData(101, 1)]
    [InlineData(110, 1)]
    [InlineData(111, 0)]
    [InlineData(219, 0)]
    [InlineData(220, 3)]
    [InlineData(260, 3)]
    public void SystolicPressure_ScoresPerChart1(int mmHg, int expected) =>
        Assert.Equal(expected, News2.SystolicScore(mmHg));

    [Theory]
    [InlineData(30, 3)]
    [InlineData(40, 3)]
    [InlineData(41, 1)]
    [InlineData(50, 1)]
    [InlineData(51, 0)]
    [InlineData(90, 0)]
    [InlineData(91, 1)]
    [InlineData(110, 1)]
    [InlineData(111, 2)]
    [InlineData(130, 2)]
    [InlineData(131, 3)]
    [InlineData(180, 3)]
    public void Pulse_ScoresPerChart1(int perMinute, int expected) =>
        Assert.Equal(expected, News2.PulseScore(perMinute));

    [Theory]
    [InlineData(Consciousness.Alert, 0)]
    [InlineData(Consciousness.NewConfusion, 3)]
    [InlineData(Consciousness.Voice, 3)]
    [InlineData(Consciousness.Pain, 3)]
    [InlineData(Consciousness.Unresponsive, 3)]
    public void Consciousness_ScoresThreeForAnythingButAlert(Consciousness level, int expected) =>
        Assert.Equal(expected, News2.ConsciousnessScore(level));

    [Theory]
    [InlineData("33.0", 3)]
    [InlineData("35.0", 3)]
    [InlineData("35.1", 1)]
    [InlineData("36.0", 1)]
    [InlineData("36.1", 0)]
    [InlineData("38.0", 0)]
    [InlineData("38.1", 1)]
    [InlineData("39.0", 1)]
    [InlineData("39.1", 2)]
    [InlineData("41.0", 2)]
    [InlineData("35.04", 3)]
    [InlineData("35.05", 1)]
    public void Temperature_ScoresPerChart1_AtOneDecimalPlace(string celsius, int expected) =>
        Assert.Equal(expected, News2.TemperatureScore(decimal.Parse(celsius, System.Globalization.CultureInfo.InvariantCulture)));

    [Theory]
    [InlineData(0, false, News2Band.Low, ObservationFrequency.TwelveHourly)]
    [InlineData(1, false, News2Band.Low, ObservationFrequency.FourToSixHourly)]
    [InlineData(4, false, News2Band.Low, ObservationFrequency.FourToSixHourly)]
    [InlineData(3, true, News2Band.LowMedium, ObservationFrequency.Hourly)]
    [InlineData(4, true, News2Band.LowMedium, ObservationFrequency.Hourly)]
    [InlineData(5, false, News2Band.Medium, ObservationFrequency.Hourly)]
    [InlineData(5, true, News2Band.Medium, ObservationFrequency.Hourly)]
    [InlineData(6, true, News2Band.Medium, ObservationFrequency.Hourly)]
    [InlineData(7, false, News2Band.High, ObservationFrequency.Continuous)]
    [InlineData(7, true, News2Band.High, ObservationFrequency.Continuous)]
    [InlineData(20, true, News2Band.High, ObservationFrequency.Continuous)]
    public void Band_AndFrequency_FollowChart4(int total, bool red, News2Band band, ObservationFrequency frequency)
    {
        Assert.Equal(band, News2.BandFor(total, red));
        Assert.Equal(frequency, News2.FrequencyFor(band, total));
    }
}
