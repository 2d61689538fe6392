using System.Text;
using System.Text.Json;
using CareFleet.Contracts.Care;
using Json.Schema;

namespace CareFleet.Contracts.Tests;

/// <summary>The care-topic readers, and their agreement with the published JSON schemas.</summary>
public sealed class CareMessageTests
{
    private const string GoodVitals = """{"headerId":7,"timestamp":"2026-11-30T08:15:00Z","residentId":"R-0001","respiratoryRate":{"value":16,"unit":"/min"},"spO2":{"value":96,"unit":"%"},"supplementalOxygen":false,"systolic":{"value":128,"unit":"mm[Hg]"},"heartRate":{"value":72,"unit":"/min"},"temperature":{"value":36.8,"unit":"Cel"},"consciousness":"A"}""";

    public static TheoryData<string, string, string> BadVitals => new()
    {
        { """{"headerId":1,"timestamp":"2026-11-30T08:15:00Z","residentId":"R-0001"}""", "/", "no vital sign" },
        { """{"headerId":1,"timestamp":"2026-11-30T08:15:00Z","heartRate":{"value":70,"unit":"/min"}}""", "residentId", "residentId" },
        { """{"headerId":1,"timestamp":"2026-11-30T08:15:00Z","residentId":"R-0001","heartRate":{"value":70}}""", "unit", "unit" },
        { """{"headerId":1,"timestamp":"2026-11-30T08:15:00Z","residentId":"R-0001","consciousness":"X"}""", "consciousness", "ACVPU" },
        { """{"headerId":1,"timestamp":"2026-11-30T08:15:00Z","residentId":"R-0001","heartRate":{"value":"70","unit":"/min"}}""", "heartRate", "heartRate" },
        { """{"headerId":1,"timestamp":"2026-11-30T08:15:00Z","residentId":"R-0001","pulse":70}""", "pulse", "pulse" },
        { """{"headerId":1,"timestamp":"yesterday","residentId":"R-0001","heartRate":{"value":70,"unit":"/min"}}""", "timestamp", "timestamp" },
        { """{"headerId":1,"timestamp":"2026-11-30T08:15:00Z","residentId":"","heartRate":{"value":70,"unit":"/min"}}""", "residentId", "residentId" },
    };

    private static JsonSchema Schema(string name) =>
        JsonSchema.FromText(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "schemas", name)), new BuildOptions { SchemaRegistry = new SchemaRegistry() });

    private static bool SchemaAccepts(string name, string json)
    {
        using var document = JsonDocument.Parse(json);
        return Schema(name).Evaluate(document.RootElement, new EvaluationOptions { RequireFormatValidation = true }).IsValid;
    }

    [Fact]
    public void GoodVitals_AreRead_AndMatchThePublishedSchema()
    {
        var result = CareMessageJson.ReadVitals(Encoding.UTF8.GetBytes(GoodVitals));

        Assert.True(result.IsValid, result.Describe());
        Assert.Equal("R-0001", result.Message!.ResidentId);
        Assert.Equal(new CareQuantity(96, "%"), result.Message.SpO2);
        Assert.Equal("A", result.Message.Consciousness);
        Assert.True(SchemaAccepts("care-vitals.schema.json", GoodVitals));
    }

    [Theory]
    [MemberData(nameof(BadVitals))]
    public void BadVitals_AreRejectedNamingTheField_AndTheSchemaRejectsThemToo(string json, string field, string named)
    {
        var result = CareMessageJson.ReadVitals(Encoding.UTF8.GetBytes(json));

        Assert.False(result.IsValid);
        Assert.Contains(named, result.Describe(), StringComparison.OrdinalIgnoreCase);
        Assert.False(SchemaAccepts("care-vitals.schema.json", json), $"The schema accepts a message the reader rejects for {field}.");
    }

    [Theory]
    [InlineData("""{"headerId":1,"timestamp":"2026-11-30T02:00:00Z","residentId":"R-0001","event":"exit"}""", true)]
    [InlineData("""{"headerId":1,"timestamp":"2026-11-30T02:00:00Z","residentId":"R-0001","event":"turn","turnAngleDegrees":35}""", true)]
    [InlineData("""{"headerId":1,"timestamp":"2026-11-30T02:00:00Z","residentId":"R-0001","event":"turn"}""", false)]
    [InlineData("""{"headerId":1,"timestamp":"2026-11-30T02:00:00Z","residentId":"R-0001","event":"turn","turnAngleDegrees":270}""", false)]
    [InlineData("""{"headerId":1,"timestamp":"2026-11-30T02:00:00Z","residentId":"R-0001","event":"jump"}""", false)]
    [InlineData("""{"headerId":1,"timestamp":"2026-11-30T02:00:00Z","residentId":"R-0001","event":3}""", false)]
    public void BedEvents_AreReadOrRejected_AsTheSchemaSays(string json, bool valid)
    {
        var result = CareMessageJson.ReadBedEvent(Encoding.UTF8.GetBytes(json));

        Assert.True(valid == result.IsValid, result.Describe());
        Assert.Equal(valid, SchemaAccepts("care-bed.schema.json", json));
    }

    [Theory]
    [InlineData("""{"headerId":1,"timestamp":"2026-11-30T02:00:00Z","finding":"wetFloor","location":{"areaId":"F1-CORRIDOR"}}""", true)]
    [InlineData("""{"headerId":1,"timestamp":"2026-11-30T02:00:00Z","finding":"residentOnFloor","location":{"x":3.5,"y":7.25},"residentId":"R-0002"}""", true)]
    [InlineData("""{"headerId":1,"timestamp":"2026-11-30T02:00:00Z","finding":"wetFloor","location":{}}""", false)]
    [InlineData("""{"headerId":1,"timestamp":"2026-11-30T02:00:00Z","finding":"wetFloor"}""", false)]
    [InlineData("""{"headerId":1,"timestamp":"2026-11-30T02:00:00Z","finding":"fire","location":{"roomId":"F1-R101"}}""", false)]
    public void PatrolFindings_AreReadOrRejected_AsTheSchemaSays(string json, bool valid)
    {
        var result = CareMessageJson.ReadFinding(Encoding.UTF8.GetBytes(json));

        Assert.True(valid == result.IsValid, result.Describe());
        Assert.Equal(valid, SchemaAccepts("care-findings.schema.json", json));
    }

    [Theory]
    [InlineData("carefleet/v1/robots/AuroraMed/BED-1/vitals", true)]
    [InlineData("carefleet/v1/robots/AuroraMed/BED-1/bed", true)]
    [InlineData("carefleet/v1/robots/AuroraMed/BED-1/findings", true)]
    [InlineData("carefleet/v1/robots/AuroraMed/BED-1/pulse", false)]
    [InlineData("carefleet/v1/robots/AuroraMed/vitals", false)]
    [InlineData("uagv/v2/AuroraMed/BED-1/state", false)]
    public void CareTopics_AreParsed_OnlyWhenWellFormed(string topic, bool valid)
    {
        Assert.Equal(valid, CareTopics.TryParse(topic, out var address, out var error));
        if (valid)
        {
            Assert.Equal(("AuroraMed", "BED-1"), (address.Manufacturer, address.SerialNumber));
            Assert.Equal(topic, CareTopics.For(address.Manufacturer, address.SerialNumber, address.Topic));
        }
        else
        {
            Assert.NotEmpty(error);
        }
    }
}
