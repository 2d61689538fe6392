using CareFleet.Care.Identity;
using CareFleet.Care.Tests.Support;
using Microsoft.Extensions.Time.Testing;

namespace CareFleet.Care.Tests.Identity;

public sealed class FaceTemplateTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 2, 8, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Template_IsStoredUnitLength()
    {
        var t = FaceTemplate.Create("res-1", "m", [3f, 4f], Now);

        Assert.Equal(0.6f, t.Embedding.Span[0], 6);
        Assert.Equal(0.8f, t.Embedding.Span[1], 6);
        Assert.Equal(2, t.Dimensions);
    }

    [Fact]
    public void Template_IsRefused_WhenEmbeddingIsEmpty()
    {
        var ex = Assert.Throws<ArgumentException>(() => FaceTemplate.Create("res-1", "m", [], Now));
        Assert.Contains("non-empty", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(float.NaN)]
    [InlineData(float.PositiveInfinity)]
    [InlineData(0f)]
    public void Template_IsRefused_WhenEmbeddingHasNoUsableLength(float bad)
    {
        var ex = Assert.Throws<ArgumentException>(() => FaceTemplate.Create("res-1", "m", [bad, 0f], Now));
        Assert.Contains("non-finite", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Enrolment_IsRefused_WithoutConsent()
    {
        var registry = new FaceTemplateRegistry(new FakeTimeProvider(Now));

        var result = registry.Enroll(FaceTemplate.Create("res-1", "m", Embeddings.Random(1), Now), consent: null);

        Assert.Equal(EnrollmentResult.ConsentMissing, result);
        Assert.Empty(registry.TemplatesFor("res-1"));
    }

    [Fact]
    public void Enrolment_IsRefused_WhenConsentWasRevoked()
    {
        var registry = new FaceTemplateRegistry(new FakeTimeProvider(Now));
        var revoked = new FaceRecognitionConsent(Now.AddDays(-10), "admin", RevokedAt: Now.AddDays(-1), RevokedBy: "admin");

        var result = registry.Enroll(FaceTemplate.Create("res-1", "m", Embeddings.Random(1), Now), revoked);

        Assert.Equal(EnrollmentResult.ConsentMissing, result);
    }

    [Fact]
    public void Enrolment_IsRefused_WhenConsentStartsLater()
    {
        var registry = new FaceTemplateRegistry(new FakeTimeProvider(Now));
        var future = new FaceRecognitionConsent(Now.AddDays(1), "admin");

        Assert.Equal(EnrollmentResult.ConsentMissing, registry.Enroll(FaceTemplate.Create("res-1", "m", Embeddings.Random(1), Now), future));
    }

    [Fact]
    public void RevokingConsent_DeletesEveryTemplateOfThatResidentOnly()
    {
        var registry = new FaceTemplateRegistry(new FakeTimeProvider(Now));
        var consent = new FaceRecognitionConsent(Now.AddDays(-10), "admin");
        registry.Enroll(FaceTemplate.Create("res-1", "m", Embeddings.Random(1), Now), consent);
        registry.Enroll(FaceTemplate.Create("res-1", "n", Embeddings.Random(2), Now), consent);
        registry.Enroll(FaceTemplate.Create("res-2", "m", Embeddings.Random(3), Now), consent);

        var removed = registry.RevokeConsent("res-1");

        Assert.Equal(2, removed);
        Assert.Empty(registry.TemplatesFor("res-1"));
        Assert.Single(registry.TemplatesFor("res-2"));
        Assert.Single(registry.TemplatesFor(["res-1", "res-2", "res-3"]));
    }
}
