// ingest: vital-sign messages through the real MQTT path (embedded broker → care-topic subscriber →
// validation → resident grain → NEWS2 → alarm decision, alarms stored in SQLite) on this machine, with
// publish → decision latency, and beside it in the same run the raw broker throughput (publish →
// subscriber, no processing) and the ratio. Run in Release:
//   dotnet run -c Release --project bench/CareFleet.Ingest.Bench [-- messages]
//
// Measured again 2026-11-30 on the same machine when quiet (load average about 1), same settings:
//   raw broker 13,210 msg/s (p50 6.7 ms, p99 33.2 ms); ingest 4,097 msg/s (saturated); paced at 1,000 msg/s
//   p50 4.3 ms, p99 12.2 ms; ratio 0.31; managed heap with 1,000 monitored residents 52.6 MiB.
//
// Measured 2026-11-30 (Release, .NET 10, 2-core machine shared with other builds, load average 9–14;
// embedded broker, SQLite, 20,000 messages per phase, 4 bed robots, 1,000 residents, 100 publishes in flight):
//   raw broker (publish→subscriber):   6,350–6,720 msg/s   p50 11–13 ms   p99 92–94 ms
//   ingest (publish→alarm decision):   1,880–1,950 msg/s   saturated, so latency is queueing: p50 ~7 s
//   ingest paced at 1,000 msg/s:       p50 7.7 ms   p99 67.4 ms
//   ratio ingest/raw:                  0.29–0.30   (target 20,000 msg/s, p99 ≤ 50 ms, ratio ≥ 0.5: not met)
//   managed heap of the whole server with 1,000 monitored residents: 50.8 MiB
// The ingest ceiling is the care-topic client: MQTTnet hands it one message at a time and each waits for
// its resident grain's answer (validation, NEWS2, alarm decision, and a store write when an alarm changes).
using System.Buffers;
using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text.Json;
using CareFleet.Care.Alarming;
using CareFleet.Care.Ingest;
using CareFleet.Care.Residents;
using CareFleet.Contracts.Care;
using CareFleet.Host.Access;
using CareFleet.Host.Hosting;
using CareFleet.Host.Persistence;
using Microsoft.Extensions.DependencyInjection;
using MQTTnet;
using MQTTnet.Protocol;

var messages = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 20_000;
const int Residents = 1_000;
const int Robots = 4;
// Below the embedded broker's per-client queue (250), so the raw subscriber never has messages dropped.
const int InFlight = 100;
var inv = CultureInfo.InvariantCulture;
var clock = TimeProvider.System;

var dataDirectory = Path.Combine(Path.GetTempPath(), $"carefleet-ingest-{Guid.NewGuid():N}");
var webPort = FreePort();
var mqttPort = FreePort();
const string AdminPassword = "ingest-bench-admin-password";
var settings = new Dictionary<string, string?>
{
    ["CareFleet:Web:Port"] = webPort.ToString(inv),
    ["CareFleet:Mqtt:Port"] = mqttPort.ToString(inv),
    ["CareFleet:Orleans:SiloPort"] = FreePort().ToString(inv),
    ["CareFleet:Orleans:GatewayPort"] = FreePort().ToString(inv),
    ["CareFleet:DataDirectory"] = dataDirectory,
    ["CareFleet:Access:AdminPassword"] = AdminPassword,
};
await using var app = CareFleetServer.Build(settings, ServerMode.Serve, verbose: false);
await app.Services.GetRequiredService<DatabaseMigrator>().MigrateAsync(CancellationToken.None);
await using (var scope = app.Services.CreateAsyncScope())
{
    await scope.ServiceProvider.GetRequiredService<AccessService>().EnsureAdminAsync(AdminPassword, CancellationToken.None);
    var entries = Enumerable.Range(1, Residents)
        .Select(i => new ResidentFileEntry($"B-{i:00000}", "Bench", $"Resident {i}", new DateOnly(1940, 1, 1), "female", "en", $"F{1 + i % 2}-R{100 + i / 2}", $"F{1 + i % 2}-R{100 + i / 2}-A"))
        .ToList();
    await scope.ServiceProvider.GetRequiredService<ResidentImport>().AdmitMissingAsync(entries, "bench", CancellationToken.None);
}

await app.StartAsync();
using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{webPort}") };
var token = await TokenAsync(http, "admin", AdminPassword);
var credentials = new List<(string Serial, string User, string Password)>();
for (var i = 0; i < Robots + 1; i++)
{
    var serial = $"BENCH-{i}";
    using var request = new HttpRequestMessage(HttpMethod.Post, "/api/fleet/robots") { Content = JsonContent.Create(new { manufacturer = "Bench", serialNumber = serial, type = "transferAssist", name = serial }) };
    request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
    using var response = await http.SendAsync(request);
    response.EnsureSuccessStatusCode();
    var body = await response.Content.ReadFromJsonAsync<JsonElement>();
    var c = body.GetProperty("credentials");
    credentials.Add((serial, c.GetProperty("userName").GetString()!, c.GetProperty("password").GetString()!));
}

// ---- raw broker: one robot publishes to its own topic, a second connection of it subscribes --------------
var raw = credentials[Robots];
var rawTopic = $"carefleet/v1/robots/Bench/{raw.Serial}/raw";
var rawLatencies = new long[messages];
var rawReceived = 0;
var rawDone = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
var sink = await ConnectAsync(mqttPort, raw.User, raw.Password, "raw-sub");
sink.ApplicationMessageReceivedAsync += e =>
{
    var index = BitConverter.ToInt32(e.ApplicationMessage.Payload.FirstSpan[..4]);
    var sent = BitConverter.ToInt64(e.ApplicationMessage.Payload.FirstSpan[4..12]);
    rawLatencies[index] = Stopwatch.GetTimestamp() - sent;
    if (Interlocked.Increment(ref rawReceived) == messages)
    {
        rawDone.TrySetResult();
    }

    return Task.CompletedTask;
};
await sink.SubscribeAsync(new MqttClientSubscribeOptionsBuilder().WithTopicFilter(rawTopic, MqttQualityOfServiceLevel.AtLeastOnce).Build());
var rawPublisher = await ConnectAsync(mqttPort, raw.User, raw.Password, "raw-pub");
var rawPayload = new byte[300];
var rawWatch = Stopwatch.StartNew();
await PublishAllAsync(messages, i =>
{
    var payload = (byte[])rawPayload.Clone();
    BitConverter.TryWriteBytes(payload.AsSpan(0, 4), i);
    BitConverter.TryWriteBytes(payload.AsSpan(4, 8), Stopwatch.GetTimestamp());
    return rawPublisher.PublishAsync(new MqttApplicationMessageBuilder().WithTopic(rawTopic).WithPayload(payload).WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce).Build());
});
Console.Error.WriteLine($"raw: published, {rawReceived} received so far");
await rawDone.Task.WaitAsync(TimeSpan.FromMinutes(5));
var rawSeconds = rawWatch.Elapsed.TotalSeconds;

// ---- ingest: vitals from the bed robots to an alarm decision ----------------------------------------------
var subscriber = app.Services.GetRequiredService<CareTopicSubscriber>();
var sentAt = new ConcurrentDictionary<(string Topic, long Header), long>();
var ingestLatencies = new ConcurrentBag<long>();
var decided = 0;
var rejected = 0;
var alarms = new ConcurrentDictionary<Guid, byte>();
var total = messages;
var ingestDone = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
var lastHeader = new ConcurrentDictionary<string, long>();
var headers = new long[Robots];
subscriber.Handled += (topic, outcome) =>
{
    var header = lastHeader.AddOrUpdate(topic, 1, (_, h) => h + 1);
    if (sentAt.TryRemove((topic, header), out var sent))
    {
        ingestLatencies.Add(Stopwatch.GetTimestamp() - sent);
    }

    if (outcome.Rejection is not null)
    {
        Interlocked.Increment(ref rejected);
    }

    foreach (var id in outcome.AlarmIds)
    {
        alarms.TryAdd(id, 0);
    }

    if (Interlocked.Increment(ref decided) == total)
    {
        ingestDone.TrySetResult();
    }
};

var publishers = new List<(IMqttClient Client, string Topic)>();
for (var r = 0; r < Robots; r++)
{
    var c = credentials[r];
    publishers.Add((await ConnectAsync(mqttPort, c.User, c.Password, "pub"), CareTopics.For("Bench", c.Serial, CareTopic.Vitals)));
}

// Warm up: every resident's grain is activated once before timing (that is the steady state).
var random = new Random(2026);
var now = clock.GetUtcNow();
var warm = Residents;
total = warm;
await PublishVitalsAsync(warm);
Console.Error.WriteLine($"warm-up: published, {decided} decided so far");
await ingestDone.Task.WaitAsync(TimeSpan.FromMinutes(5));
GC.Collect();
GC.WaitForPendingFinalizers();
GC.Collect();
var heapWarm = GC.GetTotalMemory(forceFullCollection: true);

ingestDone = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
lastHeader.Clear();
Array.Clear(headers);
decided = 0;
rejected = 0;
ingestLatencies.Clear();
total = messages;
var ingestWatch = Stopwatch.StartNew();
await PublishVitalsAsync(messages);
await ingestDone.Task.WaitAsync(TimeSpan.FromMinutes(10));
var ingestSeconds = ingestWatch.Elapsed.TotalSeconds;
var ingestSorted = ingestLatencies.Order().ToArray();

// Latency at a sustainable load: 1,000 messages/s (50 every 50 ms) for 5 s, well below the saturated rate.
ingestDone = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
lastHeader.Clear();
Array.Clear(headers);
decided = 0;
ingestLatencies.Clear();
const int PacedMessages = 5_000;
total = PacedMessages;
using (var pace = new PeriodicTimer(TimeSpan.FromMilliseconds(50), clock))
{
    for (var batch = 0; batch < PacedMessages / 50; batch++)
    {
        await pace.WaitForNextTickAsync();
        await PublishVitalsAsync(50);
    }
}

await ingestDone.Task.WaitAsync(TimeSpan.FromMinutes(5));
var pacedSorted = ingestLatencies.Order().ToArray();

var rawRate = messages / rawSeconds;
var ingestRate = messages / ingestSeconds;
var rawSorted = rawLatencies.Order().ToArray();
Console.WriteLine(string.Create(inv, $"messages per phase:            {messages:N0} ({Robots} bed robots, {Residents:N0} residents, {InFlight} in flight)"));
Console.WriteLine(string.Create(inv, $"raw broker (publish→subscriber): {rawRate,10:N0} msg/s   p50 {Ms(rawSorted, 0.5):0.0} ms   p99 {Ms(rawSorted, 0.99):0.0} ms"));
Console.WriteLine(string.Create(inv, $"ingest (publish→alarm decision): {ingestRate,10:N0} msg/s   p50 {Ms(ingestSorted, 0.5):0.0} ms   p99 {Ms(ingestSorted, 0.99):0.0} ms (saturated: queueing)"));
Console.WriteLine(string.Create(inv, $"ingest paced at 1,000 msg/s:     p50 {Ms(pacedSorted, 0.5):0.0} ms   p99 {Ms(pacedSorted, 0.99):0.0} ms ({pacedSorted.Length:N0} messages)"));
Console.WriteLine(string.Create(inv, $"ratio ingest/raw:               {ingestRate / rawRate:0.00}"));
Console.WriteLine(string.Create(inv, $"decisions: {messages - rejected:N0} scored, {rejected:N0} rejected, {alarms.Count:N0} alarms raised or matched"));
Console.WriteLine(string.Create(inv, $"managed heap with {Residents:N0} monitored residents (after warm-up): {heapWarm / 1024.0 / 1024.0:0.0} MiB"));

foreach (var (client, _) in publishers)
{
    await client.DisconnectAsync();
}

await rawPublisher.DisconnectAsync();
await sink.DisconnectAsync();
await app.StopAsync();
return 0;

async Task PublishVitalsAsync(int count)
{
    var stamp = clock.GetUtcNow();
    await PublishAllAsync(count, i =>
    {
        var robot = i % Robots;
        var (client, topic) = publishers[robot];
        var resident = i % Residents + 1;
        // One in fifty readings is a deteriorating resident (NEWS2 high); the rest are near normal.
        var sick = random.Next(50) == 0;
        var message = new VitalSignsMessage
        {
            HeaderId = i,
            Timestamp = stamp,
            ResidentId = $"B-{resident:00000}",
            RespiratoryRate = new(sick ? 27 : 16, "/min"),
            SpO2 = new(sick ? 90 : 97, "%"),
            SupplementalOxygen = false,
            Systolic = new(sick ? 92 : 126, "mm[Hg]"),
            Diastolic = new(70, "mm[Hg]"),
            HeartRate = new(sick ? 128 : 74, "/min"),
            Temperature = new(sick ? 38.6m : 36.8m, "Cel"),
            Consciousness = "A",
        };
        var header = Interlocked.Increment(ref headers[robot]);
        sentAt[(topic, header)] = Stopwatch.GetTimestamp();
        return client.PublishAsync(new MqttApplicationMessageBuilder().WithTopic(topic)
            .WithPayload(JsonSerializer.SerializeToUtf8Bytes(message, CareMessageJson.Options)).WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce).Build());
    });
}

static async Task PublishAllAsync(int count, Func<int, Task<MqttClientPublishResult>> publish)
{
    using var gate = new SemaphoreSlim(InFlight);
    var pending = new List<Task>(count);
    for (var i = 0; i < count; i++)
    {
        await gate.WaitAsync();
        pending.Add(Release(publish(i), gate));
    }

    await Task.WhenAll(pending);

    static async Task Release(Task<MqttClientPublishResult> task, SemaphoreSlim gate)
    {
        try
        {
            await task;
        }
        finally
        {
            gate.Release();
        }
    }
}

static double Ms(long[] sorted, double percentile) =>
    sorted.Length == 0 ? double.NaN : sorted[Math.Clamp((int)Math.Ceiling(percentile * sorted.Length) - 1, 0, sorted.Length - 1)] * 1000.0 / Stopwatch.Frequency;

static async Task<IMqttClient> ConnectAsync(int port, string user, string password, string role)
{
    var client = new MqttClientFactory().CreateMqttClient();
    await client.ConnectAsync(new MqttClientOptionsBuilder().WithTcpServer("127.0.0.1", port).WithClientId($"bench-{role}-{Guid.NewGuid():N}")
        .WithProtocolVersion(MQTTnet.Formatter.MqttProtocolVersion.V500).WithCredentials(user, password).WithCleanSession(true).Build());
    return client;
}

static async Task<string> TokenAsync(HttpClient http, string user, string password)
{
    using var response = await http.PostAsJsonAsync("/api/auth/token", new { userName = user, password });
    response.EnsureSuccessStatusCode();
    return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString()!;
}

static int FreePort()
{
    using var listener = new TcpListener(IPAddress.Loopback, 0);
    listener.Start();
    return ((IPEndPoint)listener.LocalEndpoint).Port;
}
