using System.Net;
using System.Net.Sockets;
using CareFleet.Host.Cli;

namespace CareFleet.Host.Tests;

/// <summary>Bad configuration stops start-up with one line naming the setting, never a stack trace.</summary>
public sealed class StartupTests
{
    private static async Task<(int Code, string Output, string Error)> RunAsync(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = await CareFleetCommand.RunAsync(args, output, error).WaitAsync(TimeSpan.FromSeconds(60));
        return (code, output.ToString(), error.ToString());
    }

    private static string[] ServeArgs(string data, params string[] more) =>
    [
        "serve", "--migrate", "--data", data,
        "--port", TestEnvironment.FreePort().ToString(System.Globalization.CultureInfo.InvariantCulture),
        "--mqtt-port", TestEnvironment.FreePort().ToString(System.Globalization.CultureInfo.InvariantCulture),
        "--silo-port", TestEnvironment.FreePort().ToString(System.Globalization.CultureInfo.InvariantCulture),
        "--gateway-port", TestEnvironment.FreePort().ToString(System.Globalization.CultureInfo.InvariantCulture),
        .. more,
    ];

    private static void AssertOneClearLine(string error, string mustName)
    {
        Assert.Contains(mustName, error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", error, StringComparison.Ordinal);
        Assert.Single(error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
    }

    [Fact]
    public async Task UnknownDatabaseProvider_NamesTheSetting()
    {
        var (code, _, error) = await RunAsync(ServeArgs(TestEnvironment.TempDirectory("cfg"), "--db-provider", "Oracle"));
        Assert.Equal(1, code);
        AssertOneClearLine(error, "CareFleet:Database:Provider");
    }

    [Fact]
    public async Task UnreachableDatabase_NamesTheConnectionSetting()
    {
        var closed = TestEnvironment.FreePort();
        var (code, _, error) = await RunAsync(ServeArgs(TestEnvironment.TempDirectory("cfg"), "--db-provider", "PostgreSql",
            "--connection-string", $"Host=127.0.0.1;Port={closed};Username=nobody;Password=secret;Database=none;Timeout=3"));
        Assert.Equal(1, code);
        AssertOneClearLine(error, "CareFleet:Database:ConnectionString");
        Assert.DoesNotContain("secret", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task MqttPortInUse_NamesThePortAndTheOption()
    {
        using var occupier = new TcpListener(IPAddress.Loopback, 0);
        occupier.Start();
        var port = ((IPEndPoint)occupier.LocalEndpoint).Port.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var args = ServeArgs(TestEnvironment.TempDirectory("cfg"));
        args[Array.IndexOf(args, "--mqtt-port") + 1] = port;
        var (code, _, error) = await RunAsync(args);
        Assert.Equal(1, code);
        AssertOneClearLine(error, $"MQTT port {port}");
        Assert.Contains("--mqtt-port", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WebPortInUse_NamesThePortAndTheOption()
    {
        using var occupier = new TcpListener(IPAddress.Loopback, 0);
        occupier.Start();
        var port = ((IPEndPoint)occupier.LocalEndpoint).Port.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var args = ServeArgs(TestEnvironment.TempDirectory("cfg"));
        args[Array.IndexOf(args, "--port") + 1] = port;
        var (code, _, error) = await RunAsync(args);
        Assert.Equal(1, code);
        AssertOneClearLine(error, $"Port {port}");
        Assert.Contains("--port", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ServeWithoutMigrate_OnAnEmptyDatabase_SaysToMigrate()
    {
        var args = ServeArgs(TestEnvironment.TempDirectory("cfg")).Where(a => a != "--migrate").ToArray();
        var (code, _, error) = await RunAsync(args);
        Assert.Equal(1, code);
        AssertOneClearLine(error, "carefleet migrate");
    }

    [Theory]
    [InlineData("launch")]
    [InlineData("demo", "--colour", "blue")]
    [InlineData("demo", "--port")]
    public async Task BadCommandLine_ExitsWith2_AndSaysWhy(params string[] args)
    {
        var (code, _, error) = await RunAsync(args);
        Assert.Equal(2, code);
        Assert.Contains("carefleet", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--help")]
    [InlineData("demo", "--help")]
    [InlineData("sim", "--help")]
    [InlineData("migrate", "--help")]
    public async Task Help_IsAvailableEverywhere(params string[] args)
    {
        var (code, output, _) = await RunAsync(args);
        Assert.Equal(0, code);
        Assert.Contains("Usage: carefleet", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Migrate_CreatesTheSchema_AndServeThenStarts()
    {
        var data = TestEnvironment.TempDirectory("migrate");
        var (code, output, error) = await RunAsync("migrate", "--data", data);
        Assert.True(code == 0, error);
        Assert.Contains("current", output, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(data, "carefleet.db")));
    }
}
