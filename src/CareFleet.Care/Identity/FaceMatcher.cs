namespace CareFleet.Care.Identity;

/// <summary>The outcome of face matching, kept with the decision for the audit trail.</summary>
public sealed record FaceMatchResult(
    string ModelId,
    FaceMatchProblem Problem,
    double? ExpectedSimilarity,
    double? Threshold,
    string? ClosestOtherResidentId,
    double? ClosestOtherSimilarity,
    bool IsLookAlike)
{
    public bool PassesThreshold => Problem == FaceMatchProblem.None && ExpectedSimilarity >= Threshold;

    public bool Passed => PassesThreshold && !IsLookAlike;
}

/// <summary>Why a face match could not even be scored.</summary>
public enum FaceMatchProblem
{
    None,
    UnknownModel,
    InvalidEmbedding,
    NoEnrolledTemplate,
}

/// <summary>
/// Cosine matching of face embeddings: 1:1 against the expected resident and 1:N against everyone else on the floor.
/// A wrong person who happens to clear the threshold is the failure that hurts, so any other resident scoring within
/// <see cref="IdentityOptions.LookAlikeMargin"/> of the expected one (or better) makes the match ambiguous.
/// </summary>
public sealed class FaceMatcher(IdentityOptions options)
{
    public FaceMatchResult MatchEmbedding(
        string modelId,
        ReadOnlySpan<float> probe,
        string expectedResidentId,
        IReadOnlyList<FaceTemplate> floorTemplates)
    {
        ArgumentNullException.ThrowIfNull(modelId);
        ArgumentNullException.ThrowIfNull(expectedResidentId);
        ArgumentNullException.ThrowIfNull(floorTemplates);
        if (!options.Models.TryGetValue(modelId, out var model))
        {
            return new(modelId, FaceMatchProblem.UnknownModel, null, null, null, null, false);
        }

        if (probe.IsEmpty || (model.Dimensions > 0 && probe.Length != model.Dimensions))
        {
            return new(modelId, FaceMatchProblem.InvalidEmbedding, null, model.Threshold, null, null, false);
        }

        var unit = FaceVectors.Normalized(probe);
        if (unit is null)
        {
            return new(modelId, FaceMatchProblem.InvalidEmbedding, null, model.Threshold, null, null, false);
        }

        double? expected = null;
        double? other = null;
        string? otherId = null;
        for (var i = 0; i < floorTemplates.Count; i++)
        {
            var template = floorTemplates[i];
            if (!string.Equals(template.ModelId, modelId, StringComparison.Ordinal) || template.Dimensions != unit.Length)
            {
                continue;
            }

            double score = FaceVectors.Dot(unit, template.Span);
            if (string.Equals(template.ResidentId, expectedResidentId, StringComparison.Ordinal))
            {
                if (expected is null || score > expected)
                {
                    expected = score;
                }
            }
            else if (other is null || score > other)
            {
                other = score;
                otherId = template.ResidentId;
            }
        }

        if (expected is null)
        {
            return new(modelId, FaceMatchProblem.NoEnrolledTemplate, null, model.Threshold, otherId, other, false);
        }

        return new(modelId, FaceMatchProblem.None, expected, model.Threshold, otherId, other, IsLookAlike(expected.Value, other, model.Threshold));
    }

    /// <summary>Judges a similarity the robot computed with its own model against the enrolled template.</summary>
    public FaceMatchResult JudgeScore(string modelId, double similarity, double? closestOtherSimilarity)
    {
        ArgumentNullException.ThrowIfNull(modelId);
        if (!options.Models.TryGetValue(modelId, out var model))
        {
            return new(modelId, FaceMatchProblem.UnknownModel, null, null, null, null, false);
        }

        if (!double.IsFinite(similarity) || similarity is < -1 or > 1
            || (closestOtherSimilarity is { } o && (!double.IsFinite(o) || o is < -1 or > 1)))
        {
            return new(modelId, FaceMatchProblem.InvalidEmbedding, null, model.Threshold, null, null, false);
        }

        return new(modelId, FaceMatchProblem.None, similarity, model.Threshold, null, closestOtherSimilarity,
            IsLookAlike(similarity, closestOtherSimilarity, model.Threshold));
    }

    // Another resident is a plausible match when they are near the threshold themselves and within the margin of
    // (or above) the expected resident; two strangers both far below the threshold are no look-alike.
    private bool IsLookAlike(double expected, double? other, double threshold) =>
        other is { } o && o >= threshold - options.LookAlikeMargin && o >= expected - options.LookAlikeMargin;
}
