using MQTTnet;
using MQTTnet.Protocol;

namespace CareFleet.Fleet.Master;

/// <summary>
/// One of CareFleet's own connections to the broker: connects with <see cref="BrokerConnection"/>, subscribes
/// to its filters (as a shared subscription on an external broker, so several nodes split the traffic),
/// reconnects with a growing back-off after any loss, and says goodbye on stop.
/// </summary>
public sealed class BrokerSession(BrokerConnection broker, string role, IReadOnlyList<string> filters)
{
    private static readonly TimeSpan FirstRetry = TimeSpan.FromMilliseconds(200);
    private static readonly TimeSpan LongestRetry = TimeSpan.FromSeconds(10);
    private IMqttClient? _client;

    /// <summary>Every message received on the filters.</summary>
    public event Func<MqttApplicationMessageReceivedEventArgs, Task>? MessageReceived;

    /// <summary>After each successful connect and subscribe.</summary>
    public event Action? Connected;

    /// <summary>After each failed connect, with the reason.</summary>
    public event Action<string>? ConnectFailed;

    public bool IsConnected => _client?.IsConnected == true;

    /// <summary>The connected client, or null while disconnected.</summary>
    public IMqttClient? Client => IsConnected ? _client : null;

    /// <summary>Keeps the session connected until <paramref name="stoppingToken"/> is cancelled.</summary>
    public async Task RunAsync(CancellationToken stoppingToken)
    {
        _client = new MqttClientFactory().CreateMqttClient();
        _client.ApplicationMessageReceivedAsync += e => MessageReceived?.Invoke(e) ?? Task.CompletedTask;
        var delay = FirstRetry;
        while (!stoppingToken.IsCancellationRequested)
        {
            if (!_client.IsConnected)
            {
                try
                {
                    await ConnectAsync(_client, stoppingToken);
                    delay = FirstRetry;
                    Connected?.Invoke();
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    ConnectFailed?.Invoke(e.Message);
                    delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, LongestRetry.Ticks));
                }
            }

            try
            {
                await Task.Delay(_client.IsConnected ? TimeSpan.FromSeconds(1) : delay, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                break;
            }
        }

        if (_client.IsConnected)
        {
            await _client.DisconnectAsync(new MqttClientDisconnectOptionsBuilder().Build(), CancellationToken.None);
        }

        _client.Dispose();
    }

    private async Task ConnectAsync(IMqttClient client, CancellationToken cancellationToken)
    {
        var options = new MqttClientOptionsBuilder()
            .WithTcpServer(broker.Host, broker.Port)
            .WithClientId($"carefleet-{role}-{Environment.MachineName}-{Environment.ProcessId}")
            .WithProtocolVersion(MQTTnet.Formatter.MqttProtocolVersion.V500)
            .WithCleanSession(true)
            .WithKeepAlivePeriod(TimeSpan.FromSeconds(15));
        if (broker.UserName is not null)
        {
            options = options.WithCredentials(broker.UserName, broker.Password);
        }

        if (broker.UseTls)
        {
            options = options.WithTlsOptions(o => o.UseTls());
        }

        await client.ConnectAsync(options.Build(), cancellationToken);
        var subscribe = new MqttClientSubscribeOptionsBuilder();
        foreach (var filter in filters)
        {
            subscribe = subscribe.WithTopicFilter(broker.SharedSubscriptions ? "$share/carefleet/" + filter : filter, MqttQualityOfServiceLevel.AtLeastOnce);
        }

        await client.SubscribeAsync(subscribe.Build(), cancellationToken);
    }
}
