using System.Security.Claims;
using CareFleet.Contracts.Access;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace CareFleet.Host.Access;

public sealed record TokenRequest(string? UserName, string? Password);

public sealed record TokenResponse(string AccessToken, string TokenType, int ExpiresIn, string Role);

public sealed record CreateApiTokenRequest(string? Name, string? Role, int? ExpiresInDays);

public sealed record CreateApiTokenResponse(ApiTokenInfo Info, string Token);

public sealed record CreateStaffRequest(string? UserName, string? DisplayName, string? Role, string? Password);

public static class AccessApi
{
    public static IEndpointRouteBuilder MapAccessApi(this IEndpointRouteBuilder endpoints)
    {
        var auth = endpoints.MapGroup("/api/auth").WithTags("Access");
        auth.MapPost("/token", IssueTokenAsync).AllowAnonymous();
        auth.MapGet("/api-tokens", async (AccessService access, CancellationToken ct) => TypedResults.Ok(await access.ListApiTokensAsync(ct)))
            .RequireAuthorization(AccessPolicies.Admin);
        auth.MapPost("/api-tokens", CreateApiTokenAsync).RequireAuthorization(AccessPolicies.Admin);
        auth.MapDelete("/api-tokens/{id:guid}", async Task<Results<NoContent, NotFound>> (Guid id, AccessService access, CancellationToken ct) =>
            await access.RevokeApiTokenAsync(id, ct) ? TypedResults.NoContent() : TypedResults.NotFound()).RequireAuthorization(AccessPolicies.Admin);

        var staff = endpoints.MapGroup("/api/staff").WithTags("Access");
        staff.MapGet("/", async (AccessService access, CancellationToken ct) => TypedResults.Ok(await access.ListStaffAsync(ct))).RequireAuthorization(AccessPolicies.Admin);
        staff.MapPost("/", CreateStaffAsync).RequireAuthorization(AccessPolicies.Admin);

        // Cookie login for the dashboard: a plain form post, so it works before any script has loaded.
        endpoints.MapPost("/account/login", LoginAsync).AllowAnonymous().DisableAntiforgery();
        endpoints.MapPost("/account/logout", async (HttpContext http) =>
        {
            await http.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
            return TypedResults.LocalRedirect("/login");
        }).DisableAntiforgery();
        return endpoints;
    }

    private static async Task<Results<Ok<TokenResponse>, UnauthorizedHttpResult, ProblemHttpResult>> IssueTokenAsync(TokenRequest request, AccessService access, TimeProvider time, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(request.UserName) || string.IsNullOrEmpty(request.Password))
        {
            return TypedResults.Problem("userName and password are required.", statusCode: StatusCodes.Status400BadRequest, title: "Missing credentials");
        }

        var (outcome, account) = await access.CheckPasswordAsync(request.UserName, request.Password, ct);
        if (outcome == LoginOutcome.LockedOut)
        {
            return TypedResults.Problem("Too many failed logins; try again later.", statusCode: StatusCodes.Status429TooManyRequests, title: "Account locked");
        }

        if (account is null)
        {
            return TypedResults.Unauthorized();
        }

        var token = await access.IssueSessionTokenAsync(account, ct);
        var seconds = (int)Math.Max(1, (token.ExpiresAt - time.GetUtcNow()).TotalSeconds);
        return TypedResults.Ok(new TokenResponse(token.Token, "Bearer", seconds, token.Role));
    }

    private static async Task<Results<Ok<CreateApiTokenResponse>, ValidationProblem>> CreateApiTokenAsync(CreateApiTokenRequest request, AccessService access, ClaimsPrincipal user, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(request.Name) || request.Name.Length > 128)
        {
            errors["name"] = ["Required, at most 128 characters."];
        }

        if (!StaffRoles.IsKnown(request.Role))
        {
            errors["role"] = [$"One of: {string.Join(", ", StaffRoles.All)}."];
        }

        if (request.ExpiresInDays is < 1 or > 3650)
        {
            errors["expiresInDays"] = ["Between 1 and 3650."];
        }

        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        var owner = Guid.Parse(user.FindFirstValue(ClaimTypes.NameIdentifier)!);
        var (token, info) = await access.CreateApiTokenAsync(owner, request.Name!.Trim(), request.Role!, request.ExpiresInDays is { } d ? TimeSpan.FromDays(d) : null, ct);
        return TypedResults.Ok(new CreateApiTokenResponse(info, token.Token));
    }

    private static async Task<Results<Created<StaffInfo>, ValidationProblem, Conflict<ProblemDetails>>> CreateStaffAsync(
        CreateStaffRequest request, AccessService access, CancellationToken ct)
    {
        var errors = access.ValidateNewStaff(request.UserName, request.Role, request.Password);
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        var userName = AccessService.Normalize(request.UserName);
        if (await access.StaffExistsAsync(userName, ct))
        {
            return TypedResults.Conflict(new ProblemDetails { Title = "User name taken", Detail = $"'{userName}' already exists.", Status = StatusCodes.Status409Conflict });
        }

        var created = await access.CreateStaffAsync(userName, string.IsNullOrWhiteSpace(request.DisplayName) ? userName : request.DisplayName.Trim(), request.Role!, request.Password!, ct);
        return TypedResults.Created($"/api/staff/{created.Id}", created);
    }

    private static async Task<IResult> LoginAsync(HttpContext http, AccessService access, CancellationToken ct)
    {
        var form = await http.Request.ReadFormAsync(ct);
        var returnUrl = CareFleet.Dashboard.LocalRedirects.OrHome(form["returnUrl"].ToString());

        var (outcome, account) = await access.CheckPasswordAsync(form["userName"], form["password"], ct);
        if (account is null)
        {
            var error = outcome == LoginOutcome.LockedOut ? "locked" : "invalid";
            return Results.LocalRedirect($"/login?error={error}&returnUrl={Uri.EscapeDataString(returnUrl)}");
        }

        var principal = AccessService.Principal(account.Id, account.UserName, account.Role, CookieAuthenticationDefaults.AuthenticationScheme);
        await http.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme, principal);
        return Results.LocalRedirect(returnUrl);
    }
}
