using CareFleet.Care.Medication;

namespace CareFleet.Care.Tests.Medication;

public sealed class OrderInputTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 30, 8, 0, 0, TimeSpan.Zero);

    private static OrderInput Valid() => new("ORD-1", "R-1", new DrugInput("Digoxin", "62.5 mcg", "tablet", "6900000000090", ["digoxin"]), 62.5m, "mcg", "oral",
        TimesOfDay: ["08:00"], VitalsRequired: [new VitalInput("HeartRate", 60, null, 60)], Class: "DailyOrLess");

    [Fact]
    public void ValidInput_BecomesAnOrder_WithItsScheduleVitalsAndClass()
    {
        var order = Valid().ToOrder(Now, out var errors);
        Assert.Empty(errors);
        Assert.NotNull(order);
        Assert.Equal(new TimeOnly(8, 0), Assert.IsType<TimesOfDaySchedule>(order.Schedule).Times.Single());
        Assert.Equal((VitalKind.HeartRate, 60.0, TimeSpan.FromMinutes(60)), (order.VitalsRequired[0].Kind, order.VitalsRequired[0].Minimum!.Value, order.VitalsRequired[0].MaxAge!.Value));
        Assert.Equal((OrderClass.DailyOrLess, MedicationRoute.Oral, Now), (order.Class, order.Route, order.Start));
    }

    [Theory]
    [InlineData("route")]
    [InlineData("drug.gtin")]
    [InlineData("schedule")]
    [InlineData("timesOfDay")]
    [InlineData("prn.maxDosesPer24Hours")]
    [InlineData("orderId")]
    [InlineData("vitalsRequired")]
    public void BadInput_IsRefused_NamingTheField(string field)
    {
        var input = field switch
        {
            "route" => Valid() with { Route = "1" },
            "drug.gtin" => Valid() with { Drug = Valid().Drug! with { Gtin = "6900000000091" } },
            "schedule" => Valid() with { EveryHours = 8 },
            "timesOfDay" => Valid() with { TimesOfDay = ["8 o'clock"] },
            "prn.maxDosesPer24Hours" => Valid() with { TimesOfDay = null, Prn = new PrnInput(["pain"], 0, null) },
            "orderId" => Valid() with { OrderId = "ORD 1/2" },
            _ => Valid() with { VitalsRequired = [new VitalInput("Mood", 1, 2, null)] },
        };
        Assert.Null(input.ToOrder(Now, out var errors));
        Assert.True(errors.ContainsKey(field), $"expected an error for {field}, got {string.Join(", ", errors.Keys)}");
    }

    [Fact]
    public void StoredDocument_RoundTrips_ToTheSameOrder()
    {
        var stored = Valid() with { Start = Now.AddDays(-2) };
        var again = OrderInput.FromDocument(stored.ToDocument());
        var a = stored.ToOrder(Now, out _)!;
        var b = again.ToOrder(Now, out _)!;
        Assert.Equal((a.OrderId, a.Start, a.Dose, a.Drug.Gtin, a.Class), (b.OrderId, b.Start, b.Dose, b.Drug.Gtin, b.Class));
    }
}
