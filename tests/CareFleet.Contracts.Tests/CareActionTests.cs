using CareFleet.Contracts.CareActions;

namespace CareFleet.Contracts.Tests;

public sealed class CareActionTests
{
    [Fact]
    public void ResultDescription_IsSplit_IntoKeywordAndDetails()
    {
        var (keyword, details) = CareActionResults.Parse("held;reason=identityMismatch; score=0.41");

        Assert.Equal(CareActionResults.Held, keyword);
        Assert.Equal("identityMismatch", details["reason"]);
        Assert.Equal("0.41", details["score"]);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("  ")]
    public void EmptyResultDescription_HasNoKeyword(string? text)
    {
        var (keyword, details) = CareActionResults.Parse(text);

        Assert.Equal("", keyword);
        Assert.Empty(details);
    }

    [Fact]
    public void EveryCareAction_IsDeclared_WithParameters()
    {
        Assert.Equal(8, CareActionTypes.All.Distinct(StringComparer.Ordinal).Count());
        foreach (var type in CareActionTypes.All)
        {
            var declaration = Assert.Single(CareActionDefinitions.All, d => d.ActionType == type);
            Assert.NotEmpty(declaration.ActionParameters!);
            Assert.NotEmpty(declaration.ActionScopes);
        }
    }

    [Fact]
    public void MedicationHandover_RunsAlone_OnANode()
    {
        var declaration = Assert.Single(CareActionDefinitions.All, d => d.ActionType == CareActionTypes.MedicationHandover);

        Assert.Equal([Vda5050.BlockingType.Hard], declaration.BlockingTypes!);
        Assert.Contains(declaration.ActionParameters!, p => p.Key == CareActionParameters.ResidentId && p.IsOptional != true);
    }
}
