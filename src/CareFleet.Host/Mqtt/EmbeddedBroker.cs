using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using CareFleet.Contracts.Topics;
using CareFleet.Fleet.Robots;
using Microsoft.Extensions.Options;
using MQTTnet.Protocol;
using MQTTnet.Server;

namespace CareFleet.Host.Mqtt;

/// <summary>CareFleet's own connection to the embedded broker: a per-process secret nobody else knows.</summary>
public sealed class ServiceBrokerAccount
{
    public string UserName { get; } = "carefleet-server";
    public string Password { get; } = Convert.ToHexString(RandomNumberGenerator.GetBytes(32));
}

/// <summary>
/// The MQTT broker inside the carefleet process. A robot connects only with the credentials issued at its
/// registration and may publish and subscribe only under its own topics; every refusal is logged.
/// </summary>
public sealed partial class EmbeddedBroker(
    IOptions<MqttOptions> options, ServiceBrokerAccount service, RobotCredentialCache credentials,
    BrokerSecurityLog security, ILogger<EmbeddedBroker> logger) : IHostedService, IAsyncDisposable
{
    private MqttServer? _server;

    public bool IsRunning => _server?.IsStarted == true;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var o = options.Value;
        if (!IPAddress.TryParse(o.BindAddress, out var address))
        {
            throw new StartupException($"CareFleet:Mqtt:BindAddress '{o.BindAddress}' is not an IP address.");
        }

        var serverOptions = new MqttServerOptionsBuilder()
            .WithDefaultEndpoint()
            .WithDefaultEndpointBoundIPAddress(address)
            .WithDefaultEndpointBoundIPV6Address(IPAddress.None)
            .WithDefaultEndpointPort(o.Port)
            .Build();
        _server = new MqttServerFactory().CreateMqttServer(serverOptions);
        _server.ValidatingConnectionAsync += ValidateConnectionAsync;
        _server.InterceptingPublishAsync += InterceptPublishAsync;
        _server.InterceptingSubscriptionAsync += InterceptSubscriptionAsync;
        try
        {
            await _server.StartAsync();
        }
        catch (SocketException e) when (e.SocketErrorCode == SocketError.AddressAlreadyInUse)
        {
            throw new StartupException($"MQTT port {o.Port} on {o.BindAddress} is already in use; choose another with --mqtt-port or CareFleet:Mqtt:Port.", e);
        }

        LogStarted(logger, o.BindAddress, o.Port);
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (_server is { IsStarted: true })
        {
            await _server.StopAsync();
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_server is not null)
        {
            _server.Dispose();
            _server = null;
        }

        await ValueTask.CompletedTask;
    }

    private async Task ValidateConnectionAsync(ValidatingConnectionEventArgs e)
    {
        if (e.UserName == service.UserName)
        {
            if (!CryptographicOperations.FixedTimeEquals(System.Text.Encoding.UTF8.GetBytes(e.Password ?? string.Empty), System.Text.Encoding.UTF8.GetBytes(service.Password)))
            {
                e.ReasonCode = MqttConnectReasonCode.BadUserNameOrPassword;
                security.Refused(e.UserName, e.ClientId, "connect", "wrong service password");
            }

            return;
        }

        if (!await credentials.VerifyAsync(e.UserName, e.Password, CancellationToken.None))
        {
            e.ReasonCode = MqttConnectReasonCode.BadUserNameOrPassword;
            security.Refused(e.UserName, e.ClientId, "connect", "unknown robot or wrong password");
        }
    }

    private Task InterceptPublishAsync(InterceptingPublishEventArgs e)
    {
        // Messages injected by the server itself have no user; the service account may publish anywhere.
        if (e.UserName is null || e.UserName == service.UserName)
        {
            return Task.CompletedTask;
        }

        var topic = e.ApplicationMessage.Topic;
        if (!RobotIdentity.TryParseUserName(e.UserName, out var manufacturer, out var serial) || !RobotTopicAcl.IsAllowed(manufacturer, serial, topic))
        {
            e.ProcessPublish = false;
            e.Response.ReasonCode = MQTTnet.Protocol.MqttPubAckReasonCode.NotAuthorized;
            security.Refused(e.UserName, e.ClientId, "publish", $"topic {topic} is not the robot's own");
        }

        return Task.CompletedTask;
    }

    private Task InterceptSubscriptionAsync(InterceptingSubscriptionEventArgs e)
    {
        if (e.UserName is null || e.UserName == service.UserName)
        {
            return Task.CompletedTask;
        }

        var filter = e.TopicFilter.Topic;
        if (!RobotIdentity.TryParseUserName(e.UserName, out var manufacturer, out var serial) || !RobotTopicAcl.IsAllowed(manufacturer, serial, filter))
        {
            e.ProcessSubscription = false;
            e.Response.ReasonCode = MqttSubscribeReasonCode.NotAuthorized;
            security.Refused(e.UserName, e.ClientId, "subscribe", $"filter {filter} is not the robot's own");
        }

        return Task.CompletedTask;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Embedded MQTT broker listening on {Address}:{Port}")]
    private static partial void LogStarted(ILogger logger, string address, int port);
}
