using CareFleet.Fleet.Master;
using CareFleet.Fleet.Robots;
using Microsoft.Extensions.Options;

namespace CareFleet.Host.Mqtt;

public static class MqttExtensions
{
    /// <summary>The embedded broker, or the settings to reach an external one, and CareFleet's own broker account.</summary>
    public static WebApplicationBuilder AddCareFleetMqtt(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<MqttOptions>().BindConfiguration(MqttOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        var options = builder.Configuration.GetSection(MqttOptions.Section).Get<MqttOptions>() ?? new MqttOptions();
        builder.Services.AddSingleton<BrokerSecurityLog>();
        if (options.Mode == BrokerMode.Embedded)
        {
            builder.Services.AddSingleton<ServiceBrokerAccount>();
            builder.Services.AddSingleton<EmbeddedBroker>();
            builder.Services.AddHostedService(sp => sp.GetRequiredService<EmbeddedBroker>());
            builder.Services.AddSingleton(sp =>
            {
                var account = sp.GetRequiredService<ServiceBrokerAccount>();
                var o = sp.GetRequiredService<IOptions<MqttOptions>>().Value;
                return new BrokerConnection("127.0.0.1", o.Port, account.UserName, account.Password, UseTls: false, SharedSubscriptions: false);
            });
        }
        else
        {
            if (string.IsNullOrWhiteSpace(options.Host))
            {
                throw new StartupException("CareFleet:Mqtt:Host is required when CareFleet:Mqtt:Mode is External.");
            }

            // Several nodes share the robot traffic of an external broker through a shared subscription.
            builder.Services.AddSingleton(new BrokerConnection(options.Host, options.Port, options.UserName, options.Password, options.UseTls, SharedSubscriptions: true));
            if (options.Provisioning == BrokerProvisioning.MosquittoDynamicSecurity)
            {
                builder.Services.AddSingleton<IBrokerProvisioner, MosquittoDynamicSecurityProvisioner>();
            }
        }

        return builder;
    }
}
