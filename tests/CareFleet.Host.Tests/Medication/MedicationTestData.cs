using System.Globalization;
using CareFleet.Care.Medication;
using CareFleet.Care.Residents;
using Microsoft.Extensions.DependencyInjection;

namespace CareFleet.Host.Tests.Medication;

/// <summary>Residents and orders for tests against a running server, unique per test.</summary>
internal static class MedicationTestData
{
    public const string Gtin = "6900000000014";

    /// <summary>Admits a resident with a wristband and a treatment consent but no face-recognition consent.</summary>
    public static async Task<string> AdmitAsync(IServiceProvider services)
    {
        var id = "R-" + Guid.NewGuid().ToString("N")[..10];
        await using var scope = services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<ResidentImport>().AdmitMissingAsync(
            [new ResidentFileEntry(id, "Test", "Resident", new DateOnly(1940, 1, 2), "female", "en", "F9-R901", "F9-R901-" + id)], "test", CancellationToken.None);
        var service = services.GetRequiredService<MedicationService>();
        Assert.True((await service.SetProfileAsync(id, "WB-" + id, [], CancellationToken.None)).Value);
        return id;
    }

    /// <summary>A once-a-day order whose dose fell due five minutes ago on the server's clock: its window is open now.</summary>
    public static (OrderInput Order, string DoseId) DailyOrderDueNow(IServiceProvider services, string residentId)
    {
        var now = services.GetRequiredService<TimeProvider>().GetUtcNow().AddMinutes(-5);
        var anchor = new DateTimeOffset(now.Year, now.Month, now.Day, now.Hour, now.Minute, now.Second, TimeSpan.Zero);
        var orderId = "ORD-" + Guid.NewGuid().ToString("N")[..12];
        var order = new OrderInput(orderId, residentId, new DrugInput("Amlodipine", "5 mg", "tablet", Gtin, ["amlodipine"]), 1, "tablet", "Oral",
            EveryHours: 24, Anchor: anchor, Start: anchor.AddHours(-1));
        return (order, orderId + "@" + anchor.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture));
    }

    public static HandoverInput Bedside(IServiceProvider services, string doseId, string residentId, string message) => new(
        doseId, message, Gtin, 1, "tablet", "Oral",
        ScannedWristband: "WB-" + residentId,
        Caregiver: new CaregiverInput("carer.wu", residentId, services.GetRequiredService<TimeProvider>().GetUtcNow()));
}
