using CareFleet.Care;
using CareFleet.Care.Residents;
using CareFleet.Contracts.Access;
using CareFleet.Fleet;
using CareFleet.Fleet.Robots;
using CareFleet.Host.Access;
using CareFleet.Host.Persistence;
using Microsoft.AspNetCore.Builder;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;

namespace CareFleet.Host.Tests;

/// <summary>The same persistence behaviour on SQLite and on the real PostgreSQL.</summary>
public sealed class PersistenceTests
{
    public static TheoryData<string> Providers => new() { "Sqlite", "PostgreSql" };

    internal static async Task<WebApplication> DatabaseOnlyAsync(string provider, FakeTimeProvider time, IBrokerProvisioner? provisioner = null)
    {
        var settings = new Dictionary<string, string?> { ["CareFleet:Database:Provider"] = provider };
        var dataDirectory = TestEnvironment.TempDirectory("db");
        if (provider == "PostgreSql")
        {
            settings["CareFleet:Database:ConnectionString"] = await TestEnvironment.CreatePostgresDatabaseAsync("persist");
        }

        var builder = WebApplication.CreateBuilder();
        builder.Logging.ClearProviders();
        builder.Configuration.AddInMemoryCollection(settings);
        builder.AddCareFleetPersistence(dataDirectory);
        builder.Services.AddSingleton<TimeProvider>(time);
        builder.Services.AddOptions<AccessOptions>();
        builder.Services.AddScoped<AccessService>();
        builder.Services.AddScoped<RobotRegistry>();
        builder.Services.AddSingleton<RobotCredentialCache>();
        builder.Services.AddScoped<ResidentImport>();
        builder.Services.AddScoped<ResidentDirectory>();
        builder.Services.AddSingleton<DatabaseMigrator>();
        if (provisioner is not null)
        {
            builder.Services.AddSingleton(provisioner);
        }

        var app = builder.Build();
        await app.Services.GetRequiredService<DatabaseMigrator>().MigrateAsync(CancellationToken.None);
        return app;
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Migrations_Apply_AndApplyingThemAgainChangesNothing(string provider)
    {
        await using var app = await DatabaseOnlyAsync(provider, new FakeTimeProvider());
        await app.Services.GetRequiredService<DatabaseMigrator>().MigrateAsync(CancellationToken.None);
        await using var scope = app.Services.CreateAsyncScope();
        foreach (var type in PersistenceExtensions.ModuleContexts)
        {
            var db = (DbContext)scope.ServiceProvider.GetRequiredService(type);
            Assert.Empty(await db.Database.GetPendingMigrationsAsync());
            Assert.NotEmpty(await db.Database.GetAppliedMigrationsAsync());
        }
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task RobotRegistration_IsCommitted_AndUniquePerManufacturerAndSerial(string provider)
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 30, 8, 0, 0, TimeSpan.Zero));
        await using var app = await DatabaseOnlyAsync(provider, time);
        RobotCredentials credentials;
        await using (var scope = app.Services.CreateAsyncScope())
        {
            (_, credentials) = await scope.ServiceProvider.GetRequiredService<RobotRegistry>()
                .RegisterAsync(new RobotRegistration("Kangle", "MED-9", RobotTypes.Medication, "Medication 9"), "admin", CancellationToken.None);
        }

        await using (var scope = app.Services.CreateAsyncScope())
        {
            var robots = await scope.ServiceProvider.GetRequiredService<RobotRegistry>().ListAsync(CancellationToken.None);
            var robot = Assert.Single(robots);
            Assert.Equal(("Kangle", "MED-9", "medication"), (robot.Manufacturer, robot.SerialNumber, robot.Type));
            Assert.Equal(time.GetUtcNow(), robot.RegisteredAt);
            var stored = await scope.ServiceProvider.GetRequiredService<FleetDbContext>().Robots.SingleAsync();
            Assert.NotEqual(credentials.Password, stored.CredentialHash);
            Assert.DoesNotContain(credentials.Password, stored.CredentialHash, StringComparison.Ordinal);
            await Assert.ThrowsAsync<RobotAlreadyRegisteredException>(() => scope.ServiceProvider.GetRequiredService<RobotRegistry>()
                .RegisterAsync(new RobotRegistration("Kangle", "MED-9", RobotTypes.Medication, null), "admin", CancellationToken.None));
        }

        // A fresh cache (a restarted process) verifies against what was committed.
        var cache = new RobotCredentialCache(app.Services.GetRequiredService<IServiceScopeFactory>());
        Assert.True(await cache.VerifyAsync("Kangle/MED-9", credentials.Password, CancellationToken.None));
        Assert.False(await cache.VerifyAsync("Kangle/MED-9", "guess", CancellationToken.None));
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Residents_AreAdmittedOnce_WhateverTheFileIsImportedAgain(string provider)
    {
        await using var app = await DatabaseOnlyAsync(provider, new FakeTimeProvider());
        var entries = ResidentImport.Parse("""
            [ { "identifier": "R-1", "familyName": "王", "givenName": "秀英", "birthDate": "1938-05-02", "roomId": "F1-R101", "bedId": "F1-R101-A" },
              { "identifier": "R-2", "familyName": "Smith", "givenName": "Margaret", "birthDate": "1941-11-19", "language": "en", "roomId": "F1-R102", "bedId": "F1-R102-A" } ]
            """, "test");
        for (var i = 0; i < 2; i++)
        {
            await using var scope = app.Services.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<ResidentImport>().AdmitMissingAsync(entries, "test", CancellationToken.None);
        }

        await using var read = app.Services.CreateAsyncScope();
        var residents = await read.ServiceProvider.GetRequiredService<ResidentDirectory>().ListCurrentAsync(CancellationToken.None);
        Assert.Equal(["R-1", "R-2"], residents.Select(r => r.Identifier));
        Assert.Equal("王", residents[0].FamilyName);
        Assert.Equal("zh-Hans", residents[0].Language);
        Assert.Equal(new DateOnly(1941, 11, 19), residents[1].BirthDate);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task ApiTokens_ListInCreationOrder_AndExpireOnTheClock(string provider)
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 30, 8, 0, 0, TimeSpan.Zero));
        await using var app = await DatabaseOnlyAsync(provider, time);
        await using var scope = app.Services.CreateAsyncScope();
        var access = scope.ServiceProvider.GetRequiredService<AccessService>();
        await access.EnsureAdminAsync("first-admin-password", CancellationToken.None);
        var adminId = await scope.ServiceProvider.GetRequiredService<AccessDbContext>().Staff.Select(s => s.Id).SingleAsync();
        var second = await access.CreateApiTokenAsync(adminId, "b", StaffRoles.Viewer, TimeSpan.FromHours(2), CancellationToken.None);
        time.Advance(TimeSpan.FromMinutes(1));
        await access.CreateApiTokenAsync(adminId, "c", StaffRoles.Viewer, TimeSpan.FromHours(2), CancellationToken.None);

        Assert.Equal(["b", "c"], (await access.ListApiTokensAsync(CancellationToken.None)).Select(t => t.Name));
        Assert.NotNull(await access.ResolveAsync(second.Token.Token, "Bearer", CancellationToken.None));
        time.Advance(TimeSpan.FromHours(2));
        Assert.Null(await access.ResolveAsync(second.Token.Token, "Bearer", CancellationToken.None));
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task StaffPasswords_AreStoredAsSaltedHashes(string provider)
    {
        await using var app = await DatabaseOnlyAsync(provider, new FakeTimeProvider());
        await using var scope = app.Services.CreateAsyncScope();
        var access = scope.ServiceProvider.GetRequiredService<AccessService>();
        await access.CreateStaffAsync("nurse.li", "Li Na", StaffRoles.Nurse, "same-password-1", CancellationToken.None);
        await access.CreateStaffAsync("nurse.wu", "Wu Fang", StaffRoles.Nurse, "same-password-1", CancellationToken.None);
        var hashes = await scope.ServiceProvider.GetRequiredService<AccessDbContext>().Staff.Select(s => s.PasswordHash).ToListAsync();
        Assert.All(hashes, h => Assert.StartsWith("pbkdf2-sha512$210000$", h, StringComparison.Ordinal));
        Assert.NotEqual(hashes[0], hashes[1]);
        var (outcome, _) = await access.CheckPasswordAsync("NURSE.LI", "same-password-1", CancellationToken.None);
        Assert.Equal(LoginOutcome.Succeeded, outcome);
    }
}
