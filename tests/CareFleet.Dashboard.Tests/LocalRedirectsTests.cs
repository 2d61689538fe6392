namespace CareFleet.Dashboard.Tests;

public sealed class LocalRedirectsTests
{
    [Theory]
    [InlineData("/", "/")]
    [InlineData("/map?floor=F2", "/map?floor=F2")]
    [InlineData(null, "/")]
    [InlineData("", "/")]
    [InlineData("https://evil.example/", "/")]
    [InlineData("//evil.example/", "/")]
    [InlineData("/\\evil.example/", "/")]
    [InlineData("map", "/")]
    public void OnlyPathsOnThisSite_AreKept(string? path, string expected) => Assert.Equal(expected, LocalRedirects.OrHome(path));
}
