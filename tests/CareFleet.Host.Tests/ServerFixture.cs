using System.Net.Http.Headers;
using System.Net.Http.Json;
using CareFleet.Contracts.Access;
using CareFleet.Host.Access;
using CareFleet.Host.Hosting;
using CareFleet.Host.Persistence;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace CareFleet.Host.Tests;

/// <summary>
/// One real CareFleet server (Kestrel, embedded broker, Orleans silo, SQLite) on free loopback ports,
/// shared by a test collection.
/// </summary>
public class ServerFixture : IAsyncLifetime
{
    public const string AdminPassword = "admin-password-for-tests";

    private WebApplication? _app;

    public WebApplication App => _app ?? throw new InvalidOperationException("Server not started.");

    public IServiceProvider Services => App.Services;

    public HttpClient Http { get; private set; } = null!;

    public int WebPort { get; } = TestEnvironment.FreePort();

    public int MqttPort { get; } = TestEnvironment.FreePort();

    public virtual string DataDirectory { get; } = TestEnvironment.TempDirectory("server");

    protected virtual IEnumerable<KeyValuePair<string, string?>> ExtraSettings() => [];

    /// <summary>Last word on the server's services (e.g. a fake care clock).</summary>
    protected virtual void ConfigureServices(IServiceCollection services)
    {
    }

    public async ValueTask InitializeAsync()
    {
        var settings = new Dictionary<string, string?>
        {
            ["CareFleet:Web:Port"] = WebPort.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["CareFleet:Mqtt:Port"] = MqttPort.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["CareFleet:Orleans:SiloPort"] = TestEnvironment.FreePort().ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["CareFleet:Orleans:GatewayPort"] = TestEnvironment.FreePort().ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["CareFleet:DataDirectory"] = DataDirectory,
            ["CareFleet:Access:AdminPassword"] = AdminPassword,
        };
        foreach (var (key, value) in ExtraSettings())
        {
            settings[key] = value;
        }

        _app = CareFleetServer.Build(settings, ServerMode.Serve, verbose: false, ConfigureServices);
        await Services.GetRequiredService<DatabaseMigrator>().MigrateAsync(CancellationToken.None);
        await using (var scope = Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<AccessService>().EnsureAdminAsync(AdminPassword, CancellationToken.None);
        }

        await _app.StartAsync();
        Http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{WebPort}") };
    }

    /// <summary>A bearer token for a new staff member with the given role.</summary>
    public async Task<string> TokenForRoleAsync(string role)
    {
        var userName = $"{role}-{Guid.NewGuid():N}"[..24];
        const string password = "a-long-enough-password";
        await using (var scope = Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<AccessService>().CreateStaffAsync(userName, userName, role, password, CancellationToken.None);
        }

        return await LoginAsync(userName, password);
    }

    public Task<string> AdminTokenAsync() => LoginAsync("admin", AdminPassword);

    public async Task<string> LoginAsync(string userName, string password)
    {
        using var response = await Http.PostAsJsonAsync("/api/auth/token", new { userName, password });
        Assert.True(response.IsSuccessStatusCode, $"Login of {userName} failed: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        var body = await response.Content.ReadFromJsonAsync<TokenResponse>();
        return body!.AccessToken;
    }

    public HttpRequestMessage Request(HttpMethod method, string path, string? token, object? body = null)
    {
        var request = new HttpRequestMessage(method, path);
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        if (body is not null)
        {
            request.Content = JsonContent.Create(body);
        }

        return request;
    }

    public async ValueTask DisposeAsync()
    {
        Http?.Dispose();
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }

        GC.SuppressFinalize(this);
    }
}

[CollectionDefinition(Name)]
public sealed class ServerCollection : ICollectionFixture<ServerFixture>
{
    public const string Name = "embedded server";
}

internal static class Roles
{
    public static readonly string[] All = StaffRoles.All.ToArray();
}
