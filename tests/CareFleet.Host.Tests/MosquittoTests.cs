using CareFleet.Fleet.Master;
using CareFleet.Fleet.Robots;
using CareFleet.Fleet.Twins;
using CareFleet.Host.Mqtt;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using MQTTnet;

namespace CareFleet.Host.Tests;

/// <summary>Robot accounts on a real Mosquitto, provisioned through its dynamic-security plugin.</summary>
public sealed class MosquittoTests
{
    private static async Task<(Microsoft.AspNetCore.Builder.WebApplication App, RobotCredentials A, RobotCredentials B)> TwoRobotsAsync()
    {
        var (host, port) = TestEnvironment.Mosquitto;
        var provisioner = new MosquittoDynamicSecurityProvisioner(
            new BrokerConnection(host, port, TestEnvironment.MosquittoUser, TestEnvironment.MosquittoPassword, UseTls: false, SharedSubscriptions: true),
            NullLogger<MosquittoDynamicSecurityProvisioner>.Instance);
        var app = await PersistenceTests.DatabaseOnlyAsync("Sqlite", new FakeTimeProvider(), provisioner);
        await using var scope = app.Services.CreateAsyncScope();
        var registry = scope.ServiceProvider.GetRequiredService<RobotRegistry>();
        var (_, a) = await registry.RegisterAsync(new RobotRegistration("Mq", RobotRegistrationExtensions.UniqueSerial("A"), RobotTypes.Patrol, null), "test", CancellationToken.None);
        var (_, b) = await registry.RegisterAsync(new RobotRegistration("Mq", RobotRegistrationExtensions.UniqueSerial("B"), RobotTypes.Patrol, null), "test", CancellationToken.None);
        return (app, a, b);
    }

    [Fact]
    public async Task ProvisionedRobot_Connects_AndWrongPasswordIsRefused()
    {
        var (app, a, _) = await TwoRobotsAsync();
        await using var _app = app;
        var (host, port) = TestEnvironment.Mosquitto;
        await using var good = new MqttTestClient();
        Assert.Equal(MqttClientConnectResultCode.Success, (await good.ConnectAsync(host, port, a.UserName, a.Password)).ResultCode);
        await using var bad = new MqttTestClient();
        var refused = await bad.ConnectAsync(host, port, a.UserName, "not-" + a.Password);
        Assert.NotEqual(MqttClientConnectResultCode.Success, refused.ResultCode);
    }

    [Fact]
    public async Task Robot_CannotPublishOrSubscribe_OnAnotherRobotsTopics_AndMosquittoLogsIt()
    {
        var (app, a, b) = await TwoRobotsAsync();
        await using var _app = app;
        var (host, port) = TestEnvironment.Mosquitto;
        await using var observer = new MqttTestClient();
        Assert.Equal(MqttClientConnectResultCode.Success, (await observer.ConnectAsync(host, port, TestEnvironment.MosquittoUser, TestEnvironment.MosquittoPassword)).ResultCode);
        Assert.Equal(MqttClientSubscribeResultCode.GrantedQoS1, await observer.SubscribeAsync("uagv/v2/Mq/#"));

        await using var robotA = new MqttTestClient();
        Assert.Equal(MqttClientConnectResultCode.Success, (await robotA.ConnectAsync(host, port, a.UserName, a.Password)).ResultCode);
        var foreign = $"uagv/v2/{b.UserName}/instantActions";
        var own = $"uagv/v2/{a.UserName}/state";
        var ownArrived = observer.NextOn(own);
        var refused = await robotA.PublishAsync(foreign, "{}");
        Assert.Equal(MqttClientPublishReasonCode.Success, await robotA.PublishAsync(own, "{}"));
        await ownArrived;

        Assert.Equal(MqttClientPublishReasonCode.NotAuthorized, refused);
        Assert.DoesNotContain(observer.Received, m => m.Topic == foreign);
        Assert.Equal(MqttClientSubscribeResultCode.NotAuthorized, await robotA.SubscribeAsync($"uagv/v2/{b.UserName}/order"));
        Assert.Equal(MqttClientSubscribeResultCode.GrantedQoS1, await robotA.SubscribeAsync($"uagv/v2/{a.UserName}/order"));
        var log = await File.ReadAllTextAsync(TestEnvironment.MosquittoLog);
        Assert.Contains(a.UserName, log, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RotatingCredentials_OnMosquitto_RetiresTheOldPassword()
    {
        var (app, a, _) = await TwoRobotsAsync();
        await using var _app = app;
        var parts = a.UserName.Split('/');
        RobotCredentials rotated;
        await using (var scope = app.Services.CreateAsyncScope())
        {
            rotated = await scope.ServiceProvider.GetRequiredService<RobotRegistry>().RotateCredentialsAsync(parts[0], parts[1], CancellationToken.None);
        }

        var (host, port) = TestEnvironment.Mosquitto;
        await using var old = new MqttTestClient();
        Assert.NotEqual(MqttClientConnectResultCode.Success, (await old.ConnectAsync(host, port, a.UserName, a.Password)).ResultCode);
        await using var current = new MqttTestClient();
        Assert.Equal(MqttClientConnectResultCode.Success, (await current.ConnectAsync(host, port, rotated.UserName, rotated.Password)).ResultCode);
    }
}

/// <summary>A CareFleet server that is a client of the external Mosquitto, as a cluster node is.</summary>
public sealed class ExternalBrokerServerFixture : ServerFixture
{
    protected override IEnumerable<KeyValuePair<string, string?>> ExtraSettings()
    {
        var (host, port) = TestEnvironment.Mosquitto;
        return new Dictionary<string, string?>
        {
            ["CareFleet:Mqtt:Mode"] = "External",
            ["CareFleet:Mqtt:Host"] = host,
            ["CareFleet:Mqtt:Port"] = port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["CareFleet:Mqtt:UserName"] = TestEnvironment.MosquittoUser,
            ["CareFleet:Mqtt:Password"] = TestEnvironment.MosquittoPassword,
            ["CareFleet:Mqtt:Provisioning"] = "MosquittoDynamicSecurity",
        };
    }
}

public sealed class ExternalBrokerTests(ExternalBrokerServerFixture server) : IClassFixture<ExternalBrokerServerFixture>
{
    [Fact]
    public async Task RobotRegisteredThroughTheApi_ReportsThroughMosquitto_ToItsTwin()
    {
        var serial = RobotRegistrationExtensions.UniqueSerial("EXT");
        var credentials = await server.RegisterRobotAsync("ExtVendor", serial);
        var (host, port) = TestEnvironment.Mosquitto;
        await using var robot = new MqttTestClient();
        Assert.Equal(MqttClientConnectResultCode.Success, (await robot.ConnectAsync(host, port, credentials.UserName, credentials.Password)).ResultCode);
        var state = MasterControlTests.State("ExtVendor", serial, 0, 31);
        await robot.PublishAsync($"uagv/v2/{credentials.UserName}/state", System.Text.Encoding.UTF8.GetString(CareFleet.Contracts.Vda5050.Vda5050Json.Serialize(state)));
        var twin = await TwinWaiter.WaitForAsync(server.Services.GetRequiredService<FleetLiveFeed>(), credentials.UserName, t => t.BatteryCharge == 31, "at 31 %");
        Assert.Equal("AUTOMATIC", twin.OperatingMode);
    }
}
