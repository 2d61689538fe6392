using CareFleet.Care.Identity;
using CareFleet.Care.Tests.Support;

namespace CareFleet.Care.Tests.Identity;

public sealed class FaceMatcherTests
{
    private static readonly DateTimeOffset Enrolled = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
    private readonly float[] _expected = Embeddings.Random(1);
    private readonly FaceMatcher _matcher = new(Meds.IdentityOptions());

    private List<FaceTemplate> Floor(params (string Id, float[] V)[] others)
    {
        var list = new List<FaceTemplate> { FaceTemplate.Create("res-1", Meds.FaceModel, _expected, Enrolled) };
        list.AddRange(others.Select(o => FaceTemplate.Create(o.Id, Meds.FaceModel, o.V, Enrolled)));
        for (var i = 10; i < 40; i++)
        {
            list.Add(FaceTemplate.Create($"res-{i}", Meds.FaceModel, Embeddings.Random(i), Enrolled));
        }

        return list;
    }

    [Fact]
    public void Match_Passes_WhenExpectedResidentIsAboveThresholdAndClearlyBest()
    {
        var probe = Embeddings.Near(_expected, 0.92, 77);

        var result = _matcher.MatchEmbedding(Meds.FaceModel, probe, "res-1", Floor());

        Assert.True(result.Passed, $"expected a pass, got {result}");
        Assert.Equal(0.92, result.ExpectedSimilarity!.Value, 3);
        Assert.False(result.IsLookAlike);
    }

    [Fact]
    public void Match_Fails_BelowTheModelThreshold()
    {
        var probe = Embeddings.Near(_expected, 0.78, 77);

        var result = _matcher.MatchEmbedding(Meds.FaceModel, probe, "res-1", Floor());

        Assert.False(result.PassesThreshold);
        Assert.False(result.Passed);
    }

    [Fact]
    public void Match_Passes_JustAboveTheThresholdEdge()
    {
        var above = _matcher.MatchEmbedding(Meds.FaceModel, Embeddings.Near(_expected, 0.801, 77), "res-1", Floor());
        var below = _matcher.MatchEmbedding(Meds.FaceModel, Embeddings.Near(_expected, 0.799, 77), "res-1", Floor());

        Assert.True(above.PassesThreshold, $"0.801 should pass, got {above.ExpectedSimilarity}");
        Assert.False(below.PassesThreshold, $"0.799 should fail, got {below.ExpectedSimilarity}");
    }

    [Fact]
    public void LookAlike_WhoMatchesBetter_MakesTheMatchFail()
    {
        // The probe is the twin's face: it scores 0.85 against res-1, clearing the threshold, but 0.95 against the twin.
        var twin = Embeddings.Near(_expected, 0.88, 5);
        var probe = Embeddings.Near(twin, 0.95, 6);
        var floor = Floor(("twin", twin));

        var result = _matcher.MatchEmbedding(Meds.FaceModel, probe, "res-1", floor);

        Assert.True(result.ExpectedSimilarity > Meds.Threshold, $"precondition: res-1 alone would pass, got {result.ExpectedSimilarity}");
        Assert.True(result.IsLookAlike);
        Assert.False(result.Passed);
        Assert.Equal("twin", result.ClosestOtherResidentId);
    }

    [Fact]
    public void LookAlike_WithinTheMargin_MakesTheMatchFail()
    {
        var probe = Embeddings.Near(_expected, 0.90, 8);
        var sibling = Embeddings.Near(probe, 0.87, 9); // 0.03 below the expected score; margin is 0.05

        var result = _matcher.MatchEmbedding(Meds.FaceModel, probe, "res-1", Floor(("sibling", sibling)));

        Assert.True(result.IsLookAlike, $"got {result}");
        Assert.False(result.Passed);
    }

    [Fact]
    public void OtherResident_OutsideTheMargin_DoesNotBlockTheMatch()
    {
        var probe = Embeddings.Near(_expected, 0.93, 8);
        var cousin = Embeddings.Near(probe, 0.85, 9); // 0.08 below the expected score

        var result = _matcher.MatchEmbedding(Meds.FaceModel, probe, "res-1", Floor(("cousin", cousin)));

        Assert.True(result.Passed, $"got {result}");
        Assert.Equal("cousin", result.ClosestOtherResidentId);
    }

    [Fact]
    public void BestOfSeveralTemplates_IsUsedForTheExpectedResident()
    {
        var probe = Embeddings.Near(_expected, 0.9, 8);
        var floor = Floor();
        floor.Add(FaceTemplate.Create("res-1", Meds.FaceModel, Embeddings.Random(999), Enrolled));

        var result = _matcher.MatchEmbedding(Meds.FaceModel, probe, "res-1", floor);

        Assert.Equal(0.9, result.ExpectedSimilarity!.Value, 3);
    }

    [Fact]
    public void UnknownModel_IsReported()
    {
        var result = _matcher.MatchEmbedding("other-model", _expected, "res-1", Floor());

        Assert.Equal(FaceMatchProblem.UnknownModel, result.Problem);
        Assert.False(result.Passed);
    }

    [Fact]
    public void ProbeOfTheWrongLength_IsInvalid()
    {
        var result = _matcher.MatchEmbedding(Meds.FaceModel, Embeddings.Random(3, 128), "res-1", Floor());

        Assert.Equal(FaceMatchProblem.InvalidEmbedding, result.Problem);
    }

    [Fact]
    public void ProbeWithNaN_IsInvalid()
    {
        var probe = (float[])_expected.Clone();
        probe[7] = float.NaN;

        Assert.Equal(FaceMatchProblem.InvalidEmbedding, _matcher.MatchEmbedding(Meds.FaceModel, probe, "res-1", Floor()).Problem);
    }

    [Fact]
    public void ResidentWithoutTemplate_IsReported_AndTemplatesOfOtherModelsAreIgnored()
    {
        var floor = new List<FaceTemplate>
        {
            FaceTemplate.Create("res-1", "legacy-model", Embeddings.Random(1), Enrolled),
            FaceTemplate.Create("res-2", Meds.FaceModel, Embeddings.Random(2), Enrolled),
        };

        var result = _matcher.MatchEmbedding(Meds.FaceModel, _expected, "res-1", floor);

        Assert.Equal(FaceMatchProblem.NoEnrolledTemplate, result.Problem);
    }

    [Theory]
    [InlineData(0.85, null, true)]
    [InlineData(0.79, null, false)]
    [InlineData(0.90, 0.87, false)]
    [InlineData(0.90, 0.80, true)]
    public void RobotScore_IsJudgedAgainstTheModelThresholdAndMargin(double similarity, double? closestOther, bool passes)
    {
        var result = _matcher.JudgeScore(Meds.FaceModel, similarity, closestOther);

        Assert.Equal(passes, result.Passed);
    }

    [Theory]
    [InlineData(double.NaN)]
    [InlineData(1.5)]
    public void RobotScore_OutOfRange_IsInvalid(double similarity)
    {
        Assert.Equal(FaceMatchProblem.InvalidEmbedding, _matcher.JudgeScore(Meds.FaceModel, similarity, null).Problem);
    }

    [Fact]
    public void Options_NameTheModelWithABadThreshold()
    {
        var options = new IdentityOptions();
        options.Models["broken"] = new FaceModelSettings { Threshold = 1.5 };

        var ex = Assert.Throws<ArgumentException>(options.Validate);
        Assert.Contains("broken", ex.Message, StringComparison.Ordinal);
    }
}
