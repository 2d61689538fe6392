using System.Text.Json;
using System.Text.Json.Nodes;
using CareFleet.Fleet.Master;
using CareFleet.Fleet.Robots;
using MQTTnet;
using MQTTnet.Protocol;

namespace CareFleet.Host.Mqtt;

/// <summary>
/// Creates a robot's account on Mosquitto through its dynamic-security plugin: one role per robot that
/// may publish and subscribe only under the robot's own topic prefixes (everything else is denied by the
/// plugin's defaults), and a client with that role. CareFleet's broker user must be a dynsec admin.
/// </summary>
public sealed partial class MosquittoDynamicSecurityProvisioner(BrokerConnection broker, ILogger<MosquittoDynamicSecurityProvisioner> logger) : IBrokerProvisioner
{
    private const string ControlTopic = "$CONTROL/dynamic-security/v1";
    private static readonly TimeSpan ResponseTimeout = TimeSpan.FromSeconds(10);

    public async Task ProvisionRobotAsync(string userName, string password, IReadOnlyList<string> topicPrefixes, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(topicPrefixes);
        var role = "robot:" + userName;
        var acls = new JsonArray();
        foreach (var prefix in topicPrefixes)
        {
            acls.Add(new JsonObject { ["acltype"] = "publishClientSend", ["topic"] = prefix + "#", ["priority"] = 0, ["allow"] = true });
            acls.Add(new JsonObject { ["acltype"] = "subscribePattern", ["topic"] = prefix + "#", ["priority"] = 0, ["allow"] = true });
        }

        // Delete first so that re-issuing credentials (rotation) replaces the password and rights wholesale.
        var deletes = new JsonObject
        {
            ["commands"] = new JsonArray(
                new JsonObject { ["command"] = "deleteClient", ["username"] = userName },
                new JsonObject { ["command"] = "deleteRole", ["rolename"] = role }),
        };
        var creates = new JsonObject
        {
            ["commands"] = new JsonArray(
                new JsonObject { ["command"] = "createRole", ["rolename"] = role, ["acls"] = acls },
                new JsonObject { ["command"] = "createClient", ["username"] = userName, ["password"] = password, ["roles"] = new JsonArray(new JsonObject { ["rolename"] = role }) }),
        };

        using var client = new MqttClientFactory().CreateMqttClient();
        var responses = System.Threading.Channels.Channel.CreateUnbounded<string>();
        client.ApplicationMessageReceivedAsync += e =>
        {
            responses.Writer.TryWrite(e.ApplicationMessage.ConvertPayloadToString());
            return Task.CompletedTask;
        };
        var options = new MqttClientOptionsBuilder()
            .WithTcpServer(broker.Host, broker.Port)
            .WithClientId($"carefleet-provisioner-{Guid.NewGuid():N}")
            .WithCredentials(broker.UserName, broker.Password)
            .WithCleanSession(true);
        if (broker.UseTls)
        {
            options = options.WithTlsOptions(o => o.UseTls());
        }

        var connected = await client.ConnectAsync(options.Build(), cancellationToken);
        if (connected.ResultCode != MqttClientConnectResultCode.Success)
        {
            throw new InvalidOperationException($"Cannot provision robot {userName}: the broker refused CareFleet's connection ({connected.ResultCode}).");
        }

        await client.SubscribeAsync(ControlTopic + "/response", MqttQualityOfServiceLevel.AtLeastOnce, cancellationToken);
        await SendAsync(client, responses.Reader, deletes, ignoreErrors: true, cancellationToken);
        await SendAsync(client, responses.Reader, creates, ignoreErrors: false, cancellationToken);
        await client.DisconnectAsync(new MqttClientDisconnectOptionsBuilder().Build(), cancellationToken);
        LogProvisioned(logger, userName);
    }

    private static async Task SendAsync(IMqttClient client, System.Threading.Channels.ChannelReader<string> responses, JsonObject commands, bool ignoreErrors, CancellationToken cancellationToken)
    {
        await client.PublishAsync(new MqttApplicationMessageBuilder()
            .WithTopic(ControlTopic)
            .WithPayload(commands.ToJsonString())
            .WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce)
            .Build(), cancellationToken);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(ResponseTimeout);
        string text;
        try
        {
            text = await responses.ReadAsync(timeout.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new InvalidOperationException("Mosquitto's dynamic-security plugin did not answer; is it loaded and is CareFleet's broker user an admin?");
        }

        if (ignoreErrors)
        {
            return;
        }

        var answer = JsonNode.Parse(text)?["responses"]?.AsArray() ?? [];
        var errors = answer.Where(r => r?["error"] is not null).Select(r => $"{r!["command"]}: {r["error"]}").ToList();
        if (errors.Count > 0)
        {
            throw new InvalidOperationException("Mosquitto refused the robot's account: " + string.Join("; ", errors));
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Provisioned broker account of robot {Robot} on Mosquitto")]
    private static partial void LogProvisioned(ILogger logger, string robot);
}
