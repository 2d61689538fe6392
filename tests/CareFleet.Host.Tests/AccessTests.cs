using System.Net;
using System.Net.Http.Json;
using CareFleet.Contracts.Access;

namespace CareFleet.Host.Tests;

[Collection(ServerCollection.Name)]
public sealed class AccessTests(ServerFixture server)
{
    [Theory]
    [InlineData("/api/fleet/robots")]
    [InlineData("/api/residents")]
    [InlineData("/api/staff")]
    [InlineData("/api/auth/api-tokens")]
    public async Task Api_Answers401_WithoutToken(string path)
    {
        using var response = await server.Http.SendAsync(server.Request(HttpMethod.Get, path, token: null));
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Api_Answers401_WithUnknownToken()
    {
        using var response = await server.Http.SendAsync(server.Request(HttpMethod.Get, "/api/fleet/robots", "cft_not-a-real-token"));
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Api_Answers403_WhenCaregiverRegistersRobot()
    {
        var token = await server.TokenForRoleAsync(StaffRoles.Caregiver);
        using var response = await server.Http.SendAsync(server.Request(HttpMethod.Post, "/api/fleet/robots", token,
            new { manufacturer = "Acme", serialNumber = "X-1", type = "patrol" }));
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Theory]
    [InlineData(StaffRoles.Nurse)]
    [InlineData(StaffRoles.Caregiver)]
    [InlineData(StaffRoles.Viewer)]
    public async Task Api_Answers403_WhenNonAdminListsStaff(string role)
    {
        var token = await server.TokenForRoleAsync(role);
        using var response = await server.Http.SendAsync(server.Request(HttpMethod.Get, "/api/staff", token));
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task Viewer_CanReadTheFleet()
    {
        var token = await server.TokenForRoleAsync(StaffRoles.Viewer);
        using var response = await server.Http.SendAsync(server.Request(HttpMethod.Get, "/api/fleet/robots", token));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task TokenEndpoint_Answers401_ForWrongPasswordOrUnknownUser()
    {
        using var wrong = await server.Http.PostAsJsonAsync("/api/auth/token", new { userName = "admin", password = "not the password" });
        using var unknown = await server.Http.PostAsJsonAsync("/api/auth/token", new { userName = "nobody-here", password = "whatever-it-is" });
        Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, unknown.StatusCode);
    }

    [Fact]
    public async Task TokenEndpoint_Answers400_WhenCredentialsAreMissing()
    {
        using var response = await server.Http.PostAsJsonAsync("/api/auth/token", new { userName = "admin" });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("password", await response.Content.ReadAsStringAsync(), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Account_IsLocked_AfterFiveWrongPasswords_EvenForTheRightOne()
    {
        var admin = await server.AdminTokenAsync();
        var userName = $"lock-{Guid.NewGuid():N}"[..20];
        using (var created = await server.Http.SendAsync(server.Request(HttpMethod.Post, "/api/staff", admin,
            new { userName, displayName = "Lock Test", role = StaffRoles.Nurse, password = "the-right-password" })))
        {
            Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        }

        for (var i = 0; i < 5; i++)
        {
            using var wrong = await server.Http.PostAsJsonAsync("/api/auth/token", new { userName, password = "wrong-password" });
            Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
        }

        using var right = await server.Http.PostAsJsonAsync("/api/auth/token", new { userName, password = "the-right-password" });
        Assert.Equal(HttpStatusCode.TooManyRequests, right.StatusCode);
    }

    [Fact]
    public async Task ApiToken_OpensTheApi_UntilRevoked()
    {
        var admin = await server.AdminTokenAsync();
        using var created = await server.Http.SendAsync(server.Request(HttpMethod.Post, "/api/auth/api-tokens", admin, new { name = "integration test", role = StaffRoles.Viewer }));
        Assert.Equal(HttpStatusCode.OK, created.StatusCode);
        var body = await created.Content.ReadFromJsonAsync<CareFleet.Host.Access.CreateApiTokenResponse>();

        using (var ok = await server.Http.SendAsync(server.Request(HttpMethod.Get, "/api/residents", body!.Token)))
        {
            Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        }

        using (var forbidden = await server.Http.SendAsync(server.Request(HttpMethod.Get, "/api/staff", body.Token)))
        {
            Assert.Equal(HttpStatusCode.Forbidden, forbidden.StatusCode);
        }

        using (var revoked = await server.Http.SendAsync(server.Request(HttpMethod.Delete, $"/api/auth/api-tokens/{body.Info.Id}", admin)))
        {
            Assert.Equal(HttpStatusCode.NoContent, revoked.StatusCode);
        }

        using var after = await server.Http.SendAsync(server.Request(HttpMethod.Get, "/api/residents", body.Token));
        Assert.Equal(HttpStatusCode.Unauthorized, after.StatusCode);
    }

    [Fact]
    public async Task DashboardCookie_DoesNotOpenTheApi()
    {
        using var handler = new HttpClientHandler { UseCookies = true, CookieContainer = new CookieContainer(), AllowAutoRedirect = false };
        using var browser = new HttpClient(handler) { BaseAddress = server.Http.BaseAddress };
        using var login = await browser.PostAsync("/account/login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["userName"] = "admin",
            ["password"] = ServerFixture.AdminPassword,
            ["returnUrl"] = "/",
        }));
        Assert.Equal(HttpStatusCode.Redirect, login.StatusCode);
        Assert.Equal("/", login.Headers.Location?.OriginalString);
        Assert.NotEmpty(handler.CookieContainer.GetCookies(browser.BaseAddress!));

        using var dashboard = await browser.GetAsync("/");
        Assert.Equal(HttpStatusCode.OK, dashboard.StatusCode);
        using var api = await browser.GetAsync("/api/fleet/robots");
        Assert.Equal(HttpStatusCode.Unauthorized, api.StatusCode);
    }

    [Fact]
    public async Task Dashboard_SendsAnonymousVisitorsToLogin_AndLoginRejectsWrongPassword()
    {
        using var handler = new HttpClientHandler { AllowAutoRedirect = false };
        using var browser = new HttpClient(handler) { BaseAddress = server.Http.BaseAddress };
        using var home = await browser.GetAsync("/");
        Assert.Equal(HttpStatusCode.Redirect, home.StatusCode);
        Assert.StartsWith("/login", home.Headers.Location?.PathAndQuery ?? home.Headers.Location?.OriginalString, StringComparison.Ordinal);

        using var login = await browser.PostAsync("/account/login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["userName"] = "admin",
            ["password"] = "wrong",
            ["returnUrl"] = "https://evil.example/",
        }));
        Assert.Equal(HttpStatusCode.Redirect, login.StatusCode);
        Assert.StartsWith("/login?error=invalid", login.Headers.Location?.OriginalString, StringComparison.Ordinal);
        Assert.DoesNotContain("evil.example", login.Headers.Location?.OriginalString, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Health_IsReady_AndOpenApiIsPublished()
    {
        using var ready = await server.Http.GetAsync("/health/ready");
        var text = await ready.Content.ReadAsStringAsync();
        Assert.True(ready.StatusCode == HttpStatusCode.OK, text);
        Assert.Contains("\"database\"", text, StringComparison.Ordinal);
        Assert.Contains("\"broker\"", text, StringComparison.Ordinal);
        Assert.Contains("\"silo\"", text, StringComparison.Ordinal);

        using var openApi = await server.Http.GetAsync("/openapi/v1.json");
        Assert.Equal(HttpStatusCode.OK, openApi.StatusCode);
        Assert.Contains("/api/fleet/robots", await openApi.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
