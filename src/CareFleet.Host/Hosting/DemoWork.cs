using System.Net.Http.Headers;
using System.Net.Http.Json;

namespace CareFleet.Host.Hosting;

/// <summary>
/// The demo's first work, given through the public tasks API as staff would: an evening patrol on each
/// floor and a delivery to a room, so the floor map shows robots driving from the start.
/// </summary>
internal static class DemoWork
{
    private static readonly object[] Tasks =
    [
        new { type = "patrol", priority = "scheduled", places = new[] { "NURSE-F1", "DINING", "ACTIVITY", "PARK-F1-2" }, robotType = "patrol" },
        new { type = "patrol", priority = "scheduled", places = new[] { "NURSE-F2", "DINING-F2", "LOUNGE-F2", "CHG-4" }, robotType = "patrol" },
        new { type = "delivery", priority = "scheduled", places = new[] { "F1-R105", "NURSE-F1" }, robotType = "laundry" },
    ];

    /// <summary>Queues the tasks; returns how many were accepted.</summary>
    public static async Task<int> QueueAsync(Uri server, string token, CancellationToken cancellationToken)
    {
        using var http = new HttpClient { BaseAddress = server };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        var accepted = 0;
        foreach (var task in Tasks)
        {
            using var response = await http.PostAsJsonAsync("/api/fleet/tasks", task, cancellationToken);
            accepted += response.IsSuccessStatusCode ? 1 : 0;
        }

        return accepted;
    }
}
