using CareFleet.Care.Audit;
using CareFleet.Care.Fhir;
using CareFleet.Care.Identity;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace CareFleet.Care.Medication;

public static class MedicationModule
{
    /// <summary>Adds the persisted eMAR, consents, face templates, the audit trail and the FHIR facade.</summary>
    public static IHostApplicationBuilder AddMedicationRecord(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddOptions<MedicationOptions>().BindConfiguration("CareFleet:Care:Medication")
            .Validate(o => Valid(o.Validate), "CareFleet:Care:Medication: every window and age must be positive.").ValidateOnStart();
        builder.Services.AddOptions<IdentityOptions>().BindConfiguration("CareFleet:Care:Identity")
            .Validate(o => Valid(o.Validate), "CareFleet:Care:Identity: each face model needs a threshold in (-1, 1] and dimensions >= 0; LookAlikeMargin in [0, 1].").ValidateOnStart();
        builder.Services.AddOptions<MedicationRecordOptions>().BindConfiguration(MedicationRecordOptions.Section)
            .Validate(o => Valid(() => o.Zone()), "CareFleet:Care:Record:TimeZone is not a known time zone.").ValidateOnStart();
        builder.Services.AddSingleton<MedicationService>();
        builder.Services.AddSingleton<AuditTrail>();
        builder.Services.AddHostedService<MissedDoseSweep>();
        builder.Services.AddScoped<MedicationSeed>();
        builder.Services.AddScoped<FhirStore>();
        return builder;
    }

    private static bool Valid(Action validate)
    {
        try
        {
            validate();
            return true;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }

    /// <summary>Maps /api/medication, /api/consents, /api/face-templates and /fhir.</summary>
    public static IEndpointRouteBuilder MapMedicationRecordApi(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapMedicationApi();
        endpoints.MapConsentsApi();
        endpoints.MapFhirApi();
        return endpoints;
    }
}
