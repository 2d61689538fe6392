namespace CareFleet.Care.Identity;

/// <summary>
/// An enrolled face template: an embedding vector from one model, never an image (HIPAA Safe Harbor and PIPL Art. 28: biometrics are
/// sensitive personal information and full-face images can never be de-identified). Stored unit-length.
/// </summary>
public sealed class FaceTemplate
{
    private readonly float[] _embedding;

    private FaceTemplate(string residentId, string modelId, float[] embedding, DateTimeOffset enrolledAt)
    {
        ResidentId = residentId;
        ModelId = modelId;
        _embedding = embedding;
        EnrolledAt = enrolledAt;
    }

    public string ResidentId { get; }

    public string ModelId { get; }

    public DateTimeOffset EnrolledAt { get; }

    /// <summary>The unit-length embedding.</summary>
    public ReadOnlyMemory<float> Embedding => _embedding;

    public int Dimensions => _embedding.Length;

    internal ReadOnlySpan<float> Span => _embedding;

    /// <summary>Creates a template from a raw embedding; throws <see cref="ArgumentException"/> naming what is wrong.</summary>
    public static FaceTemplate Create(string residentId, string modelId, ReadOnlySpan<float> embedding, DateTimeOffset enrolledAt)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(residentId);
        ArgumentException.ThrowIfNullOrWhiteSpace(modelId);
        if (embedding.IsEmpty)
        {
            throw new ArgumentException("A face template needs a non-empty embedding.", nameof(embedding));
        }

        var normalized = FaceVectors.Normalized(embedding)
            ?? throw new ArgumentException("The embedding has a non-finite component or zero length and cannot be used as a template.", nameof(embedding));
        return new FaceTemplate(residentId, modelId, normalized, enrolledAt);
    }
}
