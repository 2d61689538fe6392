using System.Collections.Concurrent;
using System.Net.Http.Json;
using System.Text;
using CareFleet.Fleet.Robots;
using MQTTnet;
using MQTTnet.Formatter;
using MQTTnet.Protocol;

namespace CareFleet.Host.Tests;

/// <summary>An MQTT 5 client for tests that records what it receives and lets a test wait for a topic.</summary>
public sealed class MqttTestClient : IAsyncDisposable
{
    private readonly IMqttClient _client = new MqttClientFactory().CreateMqttClient();
    private readonly ConcurrentQueue<(string Topic, string Payload)> _received = new();
    private readonly ConcurrentDictionary<string, TaskCompletionSource<string>> _waiters = new();

    public MqttTestClient()
    {
        _client.ApplicationMessageReceivedAsync += e =>
        {
            var payload = Encoding.UTF8.GetString(System.Buffers.BuffersExtensions.ToArray(e.ApplicationMessage.Payload));
            _received.Enqueue((e.ApplicationMessage.Topic, payload));
            if (_waiters.TryGetValue(e.ApplicationMessage.Topic, out var waiter))
            {
                waiter.TrySetResult(payload);
            }

            return Task.CompletedTask;
        };
    }

    public IReadOnlyCollection<(string Topic, string Payload)> Received => _received.ToArray();

    public async Task<MqttClientConnectResult> ConnectAsync(string host, int port, string? userName, string? password)
    {
        var options = new MqttClientOptionsBuilder()
            .WithTcpServer(host, port)
            .WithClientId($"test-{Guid.NewGuid():N}")
            .WithProtocolVersion(MqttProtocolVersion.V500)
            .WithCredentials(userName, password)
            .WithCleanSession(true)
            .WithTimeout(TimeSpan.FromSeconds(10))
            .Build();
        try
        {
            return await _client.ConnectAsync(options);
        }
        catch (MQTTnet.Adapter.MqttConnectingFailedException e) when (e.InnerException is null)
        {
            return new MqttClientConnectResult { ResultCode = MqttClientConnectResultCode.BadUserNameOrPassword };
        }
    }

    public async Task<MqttClientSubscribeResultCode> SubscribeAsync(string filter)
    {
        var result = await _client.SubscribeAsync(new MqttClientSubscribeOptionsBuilder().WithTopicFilter(filter, MqttQualityOfServiceLevel.AtLeastOnce).Build());
        return result.Items.Single().ResultCode;
    }

    public async Task<MqttClientPublishReasonCode> PublishAsync(string topic, string payload)
    {
        var result = await _client.PublishAsync(new MqttApplicationMessageBuilder()
            .WithTopic(topic).WithPayload(payload).WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce).Build());
        return result.ReasonCode;
    }

    /// <summary>Registers interest in the next message on a topic; await the task after publishing.</summary>
    public Task<string> NextOn(string topic)
    {
        var waiter = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        _waiters[topic] = waiter;
        return waiter.Task.WaitAsync(TimeSpan.FromSeconds(15));
    }

    public async ValueTask DisposeAsync()
    {
        if (_client.IsConnected)
        {
            await _client.DisconnectAsync(new MqttClientDisconnectOptionsBuilder().Build());
        }

        _client.Dispose();
    }
}

internal static class RobotRegistrationExtensions
{
    public static async Task<RobotCredentials> RegisterRobotAsync(this ServerFixture server, string manufacturer, string serialNumber, string type = "patrol")
    {
        var admin = await server.AdminTokenAsync();
        using var response = await server.Http.SendAsync(server.Request(HttpMethod.Post, "/api/fleet/robots", admin, new { manufacturer, serialNumber, type, name = serialNumber }));
        Assert.True(response.StatusCode == System.Net.HttpStatusCode.Created, $"Registration failed: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        var body = await response.Content.ReadFromJsonAsync<RegisterRobotResponse>();
        return body!.Credentials;
    }

    public static string UniqueSerial(string prefix) => $"{prefix}-{Guid.NewGuid():N}"[..(prefix.Length + 9)];
}
