using System.Net;
using CareFleet.Host.Mqtt;
using Microsoft.Extensions.DependencyInjection;
using MQTTnet;

namespace CareFleet.Host.Tests;

[Collection(ServerCollection.Name)]
public sealed class EmbeddedBrokerTests(ServerFixture server)
{
    private const string Vendor = "TestVendor";

    [Fact]
    public async Task RegisteredRobot_Connects_WithItsIssuedCredentials()
    {
        var serial = RobotRegistrationExtensions.UniqueSerial("OK");
        var credentials = await server.RegisterRobotAsync(Vendor, serial);
        Assert.Equal($"{Vendor}/{serial}", credentials.UserName);
        Assert.Contains($"uagv/v2/{Vendor}/{serial}/#", credentials.AllowedTopics);

        await using var robot = new MqttTestClient();
        var result = await robot.ConnectAsync("127.0.0.1", server.MqttPort, credentials.UserName, credentials.Password);
        Assert.Equal(MqttClientConnectResultCode.Success, result.ResultCode);
    }

    [Fact]
    public async Task Robot_IsRefused_WithWrongPassword_AndTheAttemptIsLogged()
    {
        var serial = RobotRegistrationExtensions.UniqueSerial("BAD");
        var credentials = await server.RegisterRobotAsync(Vendor, serial);
        await using var robot = new MqttTestClient();
        var result = await robot.ConnectAsync("127.0.0.1", server.MqttPort, credentials.UserName, credentials.Password + "x");
        Assert.Equal(MqttClientConnectResultCode.BadUserNameOrPassword, result.ResultCode);
        var log = server.Services.GetRequiredService<BrokerSecurityLog>();
        Assert.Contains(log.Recent, r => r.UserName == credentials.UserName && r.Action == "connect");
    }

    [Fact]
    public async Task UnknownUser_IsRefused()
    {
        await using var robot = new MqttTestClient();
        var result = await robot.ConnectAsync("127.0.0.1", server.MqttPort, "Nobody/NONE", "password");
        Assert.Equal(MqttClientConnectResultCode.BadUserNameOrPassword, result.ResultCode);
    }

    [Fact]
    public async Task Robot_CannotPublish_OnAnotherRobotsTopic()
    {
        var a = await server.RegisterRobotAsync(Vendor, RobotRegistrationExtensions.UniqueSerial("A"));
        var b = await server.RegisterRobotAsync(Vendor, RobotRegistrationExtensions.UniqueSerial("B"));
        var account = server.Services.GetRequiredService<ServiceBrokerAccount>();
        await using var observer = new MqttTestClient();
        Assert.Equal(MqttClientConnectResultCode.Success, (await observer.ConnectAsync("127.0.0.1", server.MqttPort, account.UserName, account.Password)).ResultCode);
        await observer.SubscribeAsync("uagv/v2/#");

        await using var robotA = new MqttTestClient();
        Assert.Equal(MqttClientConnectResultCode.Success, (await robotA.ConnectAsync("127.0.0.1", server.MqttPort, a.UserName, a.Password)).ResultCode);
        var foreignTopic = $"uagv/v2/{b.UserName}/instantActions";
        var ownTopic = $"uagv/v2/{a.UserName}/visualization";
        var ownArrived = observer.NextOn(ownTopic);

        var refused = await robotA.PublishAsync(foreignTopic, "{\"spoofed\":true}");
        var accepted = await robotA.PublishAsync(ownTopic, "{\"mine\":true}");

        Assert.Equal(MqttClientPublishReasonCode.NotAuthorized, refused);
        Assert.Equal(MqttClientPublishReasonCode.Success, accepted);
        // The broker delivers one connection's messages in order: once the later one is here, the refused one never will be.
        await ownArrived;
        Assert.DoesNotContain(observer.Received, m => m.Topic == foreignTopic);
        var log = server.Services.GetRequiredService<BrokerSecurityLog>();
        Assert.Contains(log.Recent, r => r.UserName == a.UserName && r.Action == "publish" && r.Detail.Contains(foreignTopic, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("uagv/v2/+/+/order")]
    [InlineData("#")]
    [InlineData("uagv/v2/TestVendor/SOMEONE-ELSE/order")]
    public async Task Robot_CannotSubscribe_BeyondItsOwnTopics(string filter)
    {
        var a = await server.RegisterRobotAsync(Vendor, RobotRegistrationExtensions.UniqueSerial("S"));
        await using var robot = new MqttTestClient();
        Assert.Equal(MqttClientConnectResultCode.Success, (await robot.ConnectAsync("127.0.0.1", server.MqttPort, a.UserName, a.Password)).ResultCode);
        Assert.Equal(MqttClientSubscribeResultCode.NotAuthorized, await robot.SubscribeAsync(filter));
        Assert.Equal(MqttClientSubscribeResultCode.GrantedQoS1, await robot.SubscribeAsync($"uagv/v2/{a.UserName}/order"));
    }

    [Fact]
    public async Task RotatedCredentials_ReplaceTheOldPassword()
    {
        var serial = RobotRegistrationExtensions.UniqueSerial("ROT");
        var first = await server.RegisterRobotAsync(Vendor, serial);
        var admin = await server.AdminTokenAsync();
        using var response = await server.Http.SendAsync(server.Request(HttpMethod.Post, $"/api/fleet/robots/{Vendor}/{serial}/credentials", admin));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var second = await System.Net.Http.Json.HttpContentJsonExtensions.ReadFromJsonAsync<CareFleet.Fleet.Robots.RobotCredentials>(response.Content);

        await using var old = new MqttTestClient();
        Assert.Equal(MqttClientConnectResultCode.BadUserNameOrPassword, (await old.ConnectAsync("127.0.0.1", server.MqttPort, first.UserName, first.Password)).ResultCode);
        await using var current = new MqttTestClient();
        Assert.Equal(MqttClientConnectResultCode.Success, (await current.ConnectAsync("127.0.0.1", server.MqttPort, second!.UserName, second.Password)).ResultCode);
    }

    [Theory]
    [InlineData("bad/vendor", "X1", "patrol", "manufacturer")]
    [InlineData("Acme", "X+1", "patrol", "serialNumber")]
    [InlineData("Acme", "X1", "teleporter", "type")]
    public async Task Registration_RejectsBadInput_NamingTheField(string manufacturer, string serial, string type, string field)
    {
        var admin = await server.AdminTokenAsync();
        using var response = await server.Http.SendAsync(server.Request(HttpMethod.Post, "/api/fleet/robots", admin, new { manufacturer, serialNumber = serial, type }));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains($"\"{field}\"", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Registration_OfTheSameRobotTwice_IsAConflict()
    {
        var serial = RobotRegistrationExtensions.UniqueSerial("DUP");
        await server.RegisterRobotAsync(Vendor, serial);
        var admin = await server.AdminTokenAsync();
        using var response = await server.Http.SendAsync(server.Request(HttpMethod.Post, "/api/fleet/robots", admin, new { manufacturer = Vendor, serialNumber = serial, type = "patrol" }));
        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
    }
}
