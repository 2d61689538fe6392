using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace CareFleet.Dashboard.Tests;

/// <summary>Every text a page asks for exists in English and in Simplified Chinese.</summary>
public sealed partial class TextsTests
{
    private static string DashboardSource
    {
        get
        {
            var directory = new DirectoryInfo(AppContext.BaseDirectory);
            while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "CareFleet.slnx")))
            {
                directory = directory.Parent;
            }

            return Path.Combine(directory!.FullName, "src", "CareFleet.Dashboard");
        }
    }

    private static Dictionary<string, string> Read(string file) =>
        XDocument.Load(Path.Combine(DashboardSource, "Resources", file)).Root!.Elements("data")
            .ToDictionary(d => (string)d.Attribute("name")!, d => (string)d.Element("value")!);

    [Fact]
    public void EnglishAndChinese_HaveTheSameKeys_AndNoEmptyText()
    {
        var en = Read("Strings.resx");
        var zh = Read("Strings.zh-Hans.resx");
        Assert.Empty(en.Keys.Except(zh.Keys));
        Assert.Empty(zh.Keys.Except(en.Keys));
        Assert.All(en.Concat(zh), kv => Assert.False(string.IsNullOrWhiteSpace(kv.Value), $"'{kv.Key}' is empty"));
    }

    [Fact]
    public void EveryTextUsedByAPage_Exists()
    {
        var known = Read("Strings.resx").Keys.ToHashSet();
        var used = Directory.EnumerateFiles(DashboardSource, "*.razor", SearchOption.AllDirectories)
            .SelectMany(f => LiteralKey().Matches(File.ReadAllText(f)).Select(m => (File: Path.GetFileName(f), Key: m.Groups[1].Value)))
            .ToList();
        Assert.NotEmpty(used);
        Assert.All(used, u => Assert.True(known.Contains(u.Key), $"{u.File} uses L[\"{u.Key}\"], which Strings.resx lacks"));
    }

    [Fact]
    public void ComposedTexts_ExistForEveryRobotType_Status_AndConnectionState()
    {
        var known = Read("Strings.resx").Keys.ToHashSet();
        var composed = CareFleet.Fleet.Robots.RobotTypes.All.Select(t => "Type_" + t)
            .Concat(new[] { "fault", "manual", "service", "paused", "driving", "charging", "working", "idle", "unknown" }.Select(s => "Status_" + s))
            .Concat(new[] { "ONLINE", "OFFLINE", "CONNECTIONBROKEN", "UNKNOWN" }.Select(c => "Connection_" + c));
        Assert.All(composed, key => Assert.Contains(key, known));
    }

    [GeneratedRegex("""L\["([A-Za-z_]+)"[\],]""")]
    private static partial Regex LiteralKey();
}
