using CareFleet.Contracts.Topics;
using CareFleet.Contracts.Vda5050;

namespace CareFleet.Contracts.Tests;

public sealed class TopicTests
{
    [Theory]
    [InlineData(Vda5050Topic.Order, "uagv/v2/Kindred Robotics/MED-1/order")]
    [InlineData(Vda5050Topic.InstantActions, "uagv/v2/Kindred Robotics/MED-1/instantActions")]
    [InlineData(Vda5050Topic.Factsheet, "uagv/v2/Kindred Robotics/MED-1/factsheet")]
    public void Build_And_Parse_AreInverse(Vda5050Topic topic, string expected)
    {
        var built = Vda5050Topics.Build("Kindred Robotics", "MED-1", topic);

        Assert.Equal(expected, built);
        Assert.True(Vda5050Topics.TryParse(built, out var address, out var error), error);
        Assert.Equal(new Vda5050TopicAddress("Kindred Robotics", "MED-1", topic), address);
    }

    [Theory]
    [InlineData("uagv/v1/Acme/R1/state", "major version 'v1'")]
    [InlineData("agv/v2/Acme/R1/state", "interface name 'agv'")]
    [InlineData("uagv/v2/Acme/R1/State", "unknown topic 'State'")]
    [InlineData("uagv/v2/Acme/R1/state/extra", "6 levels")]
    [InlineData("uagv/v2/Acme/state", "4 levels")]
    [InlineData("uagv/v2/Acme/R 1/state", "contains ' '")]
    [InlineData("uagv/v2/Acme/R$1/state", "contains '$'")]
    [InlineData("uagv/v2/+/R1/state", "contains '+'")]
    [InlineData("uagv/v2//R1/state", "Manufacturer is empty")]
    [InlineData("", "empty")]
    public void Parse_Rejects_BadTopics_SayingWhy(string topic, string reason)
    {
        Assert.False(Vda5050Topics.TryParse(topic, out _, out var error));
        Assert.Contains(reason, error, StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [InlineData("Acme/East", "R1")]
    [InlineData("Acme", "R/1")]
    [InlineData("Acme", "")]
    [InlineData("#", "R1")]
    public void Build_Throws_OnBadSegments(string manufacturer, string serial)
    {
        Assert.Throws<ArgumentException>(() => Vda5050Topics.Build(manufacturer, serial, Vda5050Topic.State));
    }

    [Fact]
    public void Connection_IsQos1AndRetained_OthersQos0()
    {
        Assert.Equal(1, Vda5050Topics.QualityOfService(Vda5050Topic.Connection));
        Assert.True(Vda5050Topics.IsRetained(Vda5050Topic.Connection));
        Assert.Equal(0, Vda5050Topics.QualityOfService(Vda5050Topic.Order));
        Assert.False(Vda5050Topics.IsRetained(Vda5050Topic.State));
    }

    [Fact]
    public void SubscriptionForAll_UsesSingleLevelWildcards()
    {
        Assert.Equal("uagv/v2/+/+/state", Vda5050Topics.SubscriptionForAll(Vda5050Topic.State));
    }

    [Theory]
    [InlineData("uagv/v2/Acme/MED-1/state", true)]
    [InlineData("uagv/v2/Acme/MED-1/#", true)]
    [InlineData("carefleet/v1/robots/Acme/MED-1/vitals", true)]
    [InlineData("carefleet/v1/robots/Acme/MED-1/#", true)]
    [InlineData("uagv/v2/Acme/MED-10/state", false)]
    [InlineData("uagv/v2/Acme/MED-2/order", false)]
    [InlineData("uagv/v2/+/MED-1/state", false)]
    [InlineData("uagv/v2/Acme/+/state", false)]
    [InlineData("uagv/v2/#", false)]
    [InlineData("#", false)]
    [InlineData("uagv/v2/Acme/MED-1", false)]
    [InlineData("uagv/v2/Acme/MED-1/", false)]
    [InlineData("carefleet/v1/robots/Other/MED-1/vitals", false)]
    public void Acl_AllowsOnlyTheRobotsOwnTopics(string topic, bool allowed)
    {
        Assert.Equal(allowed, RobotTopicAcl.IsAllowed("Acme", "MED-1", topic));
    }

    [Fact]
    public void CareTopic_IsBelowTheRobotsOwnPrefix()
    {
        var topic = RobotTopicAcl.CareTopic("Acme", "MED-1", "identityEvidence");

        Assert.Equal("carefleet/v1/robots/Acme/MED-1/identityEvidence", topic);
        Assert.True(RobotTopicAcl.IsAllowed("Acme", "MED-1", topic));
        Assert.Throws<ArgumentException>(() => RobotTopicAcl.CareTopic("Acme", "MED-1", "#"));
    }
}
