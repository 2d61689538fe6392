using System.Net;
using System.Net.Sockets;

namespace CareFleet.Host.Tests;

/// <summary>
/// The real services ./test.sh starts for the tests. A test that needs one fails with a clear message when
/// it is absent; it never skips.
/// </summary>
public static class TestEnvironment
{
    public static string PostgresConnectionString => Require("CAREFLEET_TEST_POSTGRES", "a PostgreSQL connection string");

    public static (string Host, int Port) Mosquitto
    {
        get
        {
            var value = Require("CAREFLEET_TEST_MOSQUITTO", "host:port of a Mosquitto broker with dynamic security");
            var colon = value.LastIndexOf(':');
            return (value[..colon], int.Parse(value[(colon + 1)..], System.Globalization.CultureInfo.InvariantCulture));
        }
    }

    public static string MosquittoUser => Require("CAREFLEET_TEST_MOSQUITTO_USER", "the Mosquitto admin user");

    public static string MosquittoPassword => Require("CAREFLEET_TEST_MOSQUITTO_PASSWORD", "the Mosquitto admin password");

    public static string MosquittoLog => Require("CAREFLEET_TEST_MOSQUITTO_LOG", "the Mosquitto log file");

    /// <summary>A fresh PostgreSQL database for one test class, dropped by nobody: the throwaway server is.</summary>
    public static async Task<string> CreatePostgresDatabaseAsync(string prefix)
    {
        var name = $"{prefix}_{Guid.NewGuid():N}"[..40].ToLowerInvariant();
        var builder = new Npgsql.NpgsqlConnectionStringBuilder(PostgresConnectionString);
        await using (var connection = new Npgsql.NpgsqlConnection(builder.ConnectionString))
        {
            await connection.OpenAsync();
            await using var command = new Npgsql.NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
            await command.ExecuteNonQueryAsync();
        }

        builder.Database = name;
        return builder.ConnectionString;
    }

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public static string TempDirectory(string prefix)
    {
        var path = Path.Combine(Path.GetTempPath(), $"carefleet-{prefix}-{Guid.NewGuid():N}");
        Directory.CreateDirectory(path);
        return path;
    }

    private static string Require(string name, string what) =>
        Environment.GetEnvironmentVariable(name) is { Length: > 0 } value
            ? value
            : throw new InvalidOperationException($"{name} is not set: this test needs {what}. Run the tests through ./test.sh, which starts it.");
}
