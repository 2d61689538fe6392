using System.Net.Http.Json;
using System.Text.Json;
using CareFleet.Care.Alarming;
using CareFleet.Care.Ingest;
using CareFleet.Care.Residents;
using CareFleet.Contracts.Care;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using MQTTnet;

namespace CareFleet.Host.Tests;

/// <summary>
/// A real server whose monitoring and alarms run on a fake clock, with the sample home's residents admitted.
/// The data directory can be handed to a second server to restart on the same database.
/// </summary>
public class AlarmServer : ServerFixture
{
    public static readonly DateTimeOffset Start = new(2026, 11, 30, 14, 0, 0, TimeSpan.Zero);

    private readonly string? _dataDirectory;

    public AlarmServer()
        : this(null, new FakeTimeProvider(Start))
    {
    }

    public AlarmServer(string? dataDirectory, FakeTimeProvider clock)
    {
        _dataDirectory = dataDirectory;
        Clock = clock;
    }

    public FakeTimeProvider Clock { get; }

    public override string DataDirectory => _dataDirectory ?? base.DataDirectory;

    public static JsonSerializerOptions Json { get; } = new(JsonSerializerDefaults.Web) { Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() } };

    protected override void ConfigureServices(IServiceCollection services) => services.AddSingleton(new CareClock(Clock));

    public async Task AdmitSampleResidentsAsync()
    {
        var file = Path.Combine(AppContext.BaseDirectory, "samples", "homes", "sunrise-garden", "residents.json");
        var entries = ResidentImport.Parse(await File.ReadAllTextAsync(file), file);
        await using var scope = Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<ResidentImport>().AdmitMissingAsync(entries, "tests", CancellationToken.None);
    }

    /// <summary>A registered bed robot connected with its own credentials.</summary>
    public async Task<(MqttTestClient Client, string Manufacturer, string Serial)> BedRobotAsync()
    {
        const string manufacturer = "AuroraMed";
        var serial = RobotRegistrationExtensions.UniqueSerial("BED");
        var credentials = await this.RegisterRobotAsync(manufacturer, serial, "transferAssist");
        var client = new MqttTestClient();
        var connect = await client.ConnectAsync("127.0.0.1", MqttPort, credentials.UserName, credentials.Password);
        Assert.Equal(MqttClientConnectResultCode.Success, connect.ResultCode);
        return (client, manufacturer, serial);
    }

    /// <summary>Publishes on a care topic and waits until the subscriber has handled that very message.</summary>
    public async Task<MonitorOutcome> PublishAndWaitAsync(MqttTestClient robot, string topic, string payload)
    {
        var subscriber = Services.GetRequiredService<CareTopicSubscriber>();
        var done = new TaskCompletionSource<MonitorOutcome>(TaskCreationOptions.RunContinuationsAsynchronously);
        void OnHandled(string t, MonitorOutcome outcome)
        {
            if (t == topic)
            {
                done.TrySetResult(outcome);
            }
        }

        subscriber.Handled += OnHandled;
        try
        {
            await robot.PublishAsync(topic, payload);
            return await done.Task.WaitAsync(TimeSpan.FromSeconds(20));
        }
        finally
        {
            subscriber.Handled -= OnHandled;
        }
    }

    public static string Vitals(string residentId, DateTimeOffset at, int rr, int spo2, int systolic, int hr, decimal temp, string consciousness = "A", bool oxygen = false) =>
        JsonSerializer.Serialize(new VitalSignsMessage
        {
            HeaderId = 1,
            Timestamp = at,
            ResidentId = residentId,
            RespiratoryRate = new(rr, "/min"),
            SpO2 = new(spo2, "%"),
            SupplementalOxygen = oxygen,
            Systolic = new(systolic, "mm[Hg]"),
            Diastolic = new(70, "mm[Hg]"),
            HeartRate = new(hr, "/min"),
            Temperature = new(temp, "Cel"),
            Consciousness = consciousness,
        }, CareMessageJson.Options);

    public async Task<IReadOnlyList<AlarmView>> ListAsync(string token, string query = "")
    {
        using var response = await Http.SendAsync(Request(HttpMethod.Get, "/api/alarms" + query, token));
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"Listing alarms failed: {(int)response.StatusCode} {text}");
        return JsonSerializer.Deserialize<List<AlarmView>>(text, Json)!;
    }

    public async Task<(System.Net.HttpStatusCode Status, string Body)> PostAsync(string path, string token, object? body = null)
    {
        using var response = await Http.SendAsync(Request(HttpMethod.Post, path, token, body ?? new { }));
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }
}
