using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;

namespace CareFleet.Simulation;

/// <summary>Registers robots through CareFleet's public REST API, as a vendor's integration would.</summary>
public sealed class RegistrationClient(HttpClient http, string apiToken)
{
    private sealed record RegisterRequest(string Manufacturer, string SerialNumber, string Type, string Name);

    private sealed record Credentials(string UserName, string Password);

    private sealed record RegisterResponse(Credentials Credentials);

    /// <summary>Registers the robot, or rotates its credentials when it is already registered; returns the new password.</summary>
    public async Task<string> ObtainCredentialsAsync(SimulatedRobotSpec spec, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(spec);
        using var register = new HttpRequestMessage(HttpMethod.Post, "/api/fleet/robots")
        {
            Content = JsonContent.Create(new RegisterRequest(spec.Manufacturer, spec.SerialNumber, spec.Type, spec.Name)),
        };
        register.Headers.Authorization = new AuthenticationHeaderValue("Bearer", apiToken);
        using var response = await http.SendAsync(register, cancellationToken);
        if (response.StatusCode == HttpStatusCode.Created)
        {
            var body = await response.Content.ReadFromJsonAsync<RegisterResponse>(cancellationToken);
            return body!.Credentials.Password;
        }

        if (response.StatusCode != HttpStatusCode.Conflict)
        {
            throw new HttpRequestException($"Registering {spec.Manufacturer}/{spec.SerialNumber} failed: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync(cancellationToken)}");
        }

        using var rotate = new HttpRequestMessage(HttpMethod.Post, $"/api/fleet/robots/{Uri.EscapeDataString(spec.Manufacturer)}/{Uri.EscapeDataString(spec.SerialNumber)}/credentials");
        rotate.Headers.Authorization = new AuthenticationHeaderValue("Bearer", apiToken);
        using var rotated = await http.SendAsync(rotate, cancellationToken);
        rotated.EnsureSuccessStatusCode();
        var credentials = await rotated.Content.ReadFromJsonAsync<Credentials>(cancellationToken);
        return credentials!.Password;
    }
}
