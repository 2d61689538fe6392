using CareFleet.Care.Fhir;
using Microsoft.Extensions.Primitives;

namespace CareFleet.Care.Tests.Fhir;

public sealed class FhirSearchTests
{
    private static readonly HashSet<string> Supported = ["patient", "subject", "date", "status"];

    [Theory]
    [InlineData("2026-11-30", "2026-11-30T23:59:59Z", true)]
    [InlineData("2026-11-30", "2026-12-01T00:00:00Z", false)]
    [InlineData("gt2026-11-30", "2026-12-01T00:00:00Z", true)]
    [InlineData("gt2026-11-30", "2026-11-30T12:00:00Z", false)]
    [InlineData("lt2026-11", "2026-10-31T23:00:00Z", true)]
    [InlineData("le2026-11", "2026-11-30T23:00:00Z", true)]
    [InlineData("ge2026-11-30T08:00:00Z", "2026-11-30T07:59:59Z", false)]
    [InlineData("ne2026", "2025-06-01T00:00:00Z", true)]
    public void DateCriterion_FollowsThePrefixAndTheValuesPrecision(string criterion, string at, bool matches) =>
        Assert.Equal(matches, DateCriterion.Parse("date", criterion).Matches(DateTimeOffset.Parse(at, System.Globalization.CultureInfo.InvariantCulture)));

    [Fact]
    public void UnknownParameter_IsRefused_NamingIt()
    {
        var e = Assert.Throws<FhirSearchException>(() => FhirQuery.Parse([new("colour", "blue")], Supported, "MedicationRequest"));
        Assert.Contains("colour", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("_count", "0")]
    [InlineData("_count", "many")]
    [InlineData("date", "yesterday")]
    [InlineData("patient", "Device/MED-1")]
    public void MalformedValues_AreRefused(string name, string value) =>
        Assert.Throws<FhirSearchException>(() =>
        {
            var query = FhirQuery.Parse([new(name, new StringValues(value))], Supported, "MedicationRequest");
            _ = query.Dates("date");
            _ = query.Patient("patient");
        });

    [Fact]
    public void PatientReference_AcceptsRelativeBareAndAbsoluteForms_AndCountIsCapped()
    {
        var query = FhirQuery.Parse([new("subject", "http://host/fhir/Patient/R-0001"), new("patient", "R-0001"), new("_count", "1000")], Supported, "MedicationRequest");
        Assert.Equal(("R-0001", FhirQuery.MaxCount), (query.Patient("patient", "subject"), query.Count));
    }
}
