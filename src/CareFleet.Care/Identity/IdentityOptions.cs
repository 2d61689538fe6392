namespace CareFleet.Care.Identity;

/// <summary>Thresholds for one face-embedding model. Bound from configuration per model id.</summary>
public sealed class FaceModelSettings
{
    /// <summary>Minimum cosine similarity to the expected resident's template for a match. No default: each model must be calibrated.</summary>
    public double Threshold { get; set; }

    /// <summary>Embedding length the model produces; 0 means any length (then the probe must match the template's length).</summary>
    public int Dimensions { get; set; }
}

/// <summary>
/// Identity-check options (section "CareFleet:Care:Identity").
/// Defaults: <see cref="Models"/> empty (an unknown model id always holds), <see cref="LookAlikeMargin"/> 0.05,
/// <see cref="CaregiverConfirmationMaxAge"/> 15 minutes.
/// </summary>
public sealed class IdentityOptions
{
    /// <summary>Per model id (ordinal), the threshold and dimensions.</summary>
    public Dictionary<string, FaceModelSettings> Models { get; } = new(StringComparer.Ordinal);

    /// <summary>
    /// If any other resident on the floor scores within this margin of the expected resident (or better), the match is
    /// ambiguous and the drawer stays shut. Default 0.05.
    /// </summary>
    public double LookAlikeMargin { get; set; } = 0.05;

    /// <summary>A caregiver's confirmation older than this no longer counts. Default 15 minutes.</summary>
    public TimeSpan CaregiverConfirmationMaxAge { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>Throws <see cref="ArgumentException"/> naming the first invalid setting.</summary>
    public void Validate()
    {
        foreach (var (modelId, settings) in Models)
        {
            if (settings is null || !double.IsFinite(settings.Threshold) || settings.Threshold <= -1 || settings.Threshold > 1)
            {
                throw new ArgumentException($"Face model '{modelId}' needs a threshold in (-1, 1].", nameof(Models));
            }

            if (settings.Dimensions < 0)
            {
                throw new ArgumentException($"Face model '{modelId}' has negative dimensions.", nameof(Models));
            }
        }

        if (!double.IsFinite(LookAlikeMargin) || LookAlikeMargin < 0 || LookAlikeMargin > 1)
        {
            throw new ArgumentException("LookAlikeMargin must be in [0, 1].", nameof(LookAlikeMargin));
        }

        if (CaregiverConfirmationMaxAge <= TimeSpan.Zero)
        {
            throw new ArgumentException("CaregiverConfirmationMaxAge must be positive.", nameof(CaregiverConfirmationMaxAge));
        }
    }
}
