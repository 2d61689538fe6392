using System.Text.Json;
using CareFleet.Fleet.Master;
using CareFleet.Host.Access;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace CareFleet.Host.Hosting;

internal sealed class DatabaseHealthCheck(IServiceScopeFactory scopes) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AccessDbContext>();
        return await db.Database.CanConnectAsync(cancellationToken)
            ? HealthCheckResult.Healthy()
            : HealthCheckResult.Unhealthy("The database does not answer.");
    }
}

/// <summary>Ready when CareFleet's own connection to the broker (embedded or external) is up.</summary>
internal sealed class BrokerHealthCheck(MasterControl master) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(master.IsConnected ? HealthCheckResult.Healthy() : HealthCheckResult.Unhealthy("Not connected to the MQTT broker."));
}

/// <summary>Ready when the silo answers a grain call.</summary>
internal sealed class SiloHealthCheck(IGrainFactory grains) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            var answer = await grains.GetGrain<IHealthProbeGrain>(0).Ping().WaitAsync(TimeSpan.FromSeconds(5), cancellationToken);
            return answer ? HealthCheckResult.Healthy() : HealthCheckResult.Unhealthy("The silo answered falsely.");
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            return HealthCheckResult.Unhealthy("The silo does not answer: " + e.Message);
        }
    }
}

public interface IHealthProbeGrain : IGrainWithIntegerKey
{
    Task<bool> Ping();
}

internal sealed class HealthProbeGrain : Grain, IHealthProbeGrain
{
    public Task<bool> Ping() => Task.FromResult(true);
}

internal static class HealthResponse
{
    public static Task WriteAsync(HttpContext context, HealthReport report)
    {
        context.Response.ContentType = "application/json";
        var body = new
        {
            status = report.Status.ToString(),
            checks = report.Entries.ToDictionary(e => e.Key, e => new { status = e.Value.Status.ToString(), description = e.Value.Description }),
        };
        return context.Response.WriteAsync(JsonSerializer.Serialize(body, JsonSerializerOptions.Web));
    }
}
