using System.Text.Json;

namespace CareFleet.Simulation;

/// <summary>
/// The broker passwords issued to the simulated robots, kept in a file readable only by its owner — as a
/// real robot keeps its credentials across restarts.
/// </summary>
public sealed class RobotCredentialStore(string path)
{
    private readonly Lock _gate = new();

    public string? Get(string userName)
    {
        lock (_gate)
        {
            return Read().GetValueOrDefault(userName);
        }
    }

    public void Set(string userName, string password)
    {
        lock (_gate)
        {
            var all = Read();
            all[userName] = password;
            var directory = Path.GetDirectoryName(Path.GetFullPath(path))!;
            Directory.CreateDirectory(directory);
            var temp = path + ".tmp";
            File.WriteAllText(temp, JsonSerializer.Serialize(all));
            if (!OperatingSystem.IsWindows())
            {
                File.SetUnixFileMode(temp, UnixFileMode.UserRead | UnixFileMode.UserWrite);
            }

            File.Move(temp, path, overwrite: true);
        }
    }

    private Dictionary<string, string> Read()
    {
        if (!File.Exists(path))
        {
            return new Dictionary<string, string>(StringComparer.Ordinal);
        }

        try
        {
            return JsonSerializer.Deserialize<Dictionary<string, string>>(File.ReadAllText(path)) ?? new Dictionary<string, string>(StringComparer.Ordinal);
        }
        catch (JsonException)
        {
            // A damaged store only costs a credential rotation.
            return new Dictionary<string, string>(StringComparer.Ordinal);
        }
    }
}
