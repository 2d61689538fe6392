using System.Net.Http.Headers;
using System.Net.Http.Json;

namespace CareFleet.Simulation.Residents;

/// <summary>
/// A caregiver at the dashboard: acknowledges every open, unowned alarm once it has sounded for
/// <c>acknowledgeAfter</c>; null means never (to exercise escalation up to the charge nurse). Talks to the
/// public alarm API with its own token, as a person's client would.
/// </summary>
public sealed class SimulatedStaff(HttpClient http, string apiToken, TimeSpan? acknowledgeAfter, TimeProvider time)
{
    private sealed record OpenAlarm(Guid Id, string State, DateTimeOffset RaisedAt);

    /// <summary>Alarms acknowledged so far.</summary>
    public int Acknowledged { get; private set; }

    /// <summary>Looks at the open alarms once and acknowledges those that are due; returns how many it took.</summary>
    public async Task<int> ActAsync(CancellationToken cancellationToken)
    {
        if (acknowledgeAfter is not { } delay)
        {
            return 0;
        }

        using var list = new HttpRequestMessage(HttpMethod.Get, "/api/alarms");
        list.Headers.Authorization = new AuthenticationHeaderValue("Bearer", apiToken);
        using var response = await http.SendAsync(list, cancellationToken);
        response.EnsureSuccessStatusCode();
        var open = await response.Content.ReadFromJsonAsync<List<OpenAlarm>>(cancellationToken) ?? [];
        var now = time.GetUtcNow();
        var taken = 0;
        foreach (var alarm in open.Where(a => a.State is "Active" or "Escalated" && now - a.RaisedAt >= delay))
        {
            using var ack = new HttpRequestMessage(HttpMethod.Post, $"/api/alarms/{alarm.Id}/acknowledge");
            ack.Headers.Authorization = new AuthenticationHeaderValue("Bearer", apiToken);
            using var result = await http.SendAsync(ack, cancellationToken);
            if (result.IsSuccessStatusCode)
            {
                taken++;
            }
        }

        Acknowledged += taken;
        return taken;
    }
}
