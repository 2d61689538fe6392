using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Reflection;
using System.Text;

namespace CareFleet.System.Tests;

/// <summary>The real <c>carefleet demo</c> program, started as a user would, on free loopback ports.</summary>
public sealed class DemoProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();
    private readonly TaskCompletionSource _exited = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private DemoProcess(Process process, int webPort, int mqttPort, string dataDirectory)
    {
        _process = process;
        WebPort = webPort;
        MqttPort = mqttPort;
        DataDirectory = dataDirectory;
        BaseAddress = new Uri($"http://127.0.0.1:{webPort}");
    }

    public int WebPort { get; }

    public int MqttPort { get; }

    public string DataDirectory { get; }

    public Uri BaseAddress { get; }

    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    public int ProcessId => _process.Id;

    public static string RepositoryRoot
    {
        get
        {
            var directory = new DirectoryInfo(AppContext.BaseDirectory);
            while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "CareFleet.slnx")))
            {
                directory = directory.Parent;
            }

            return directory?.FullName ?? throw new InvalidOperationException("Cannot find the repository root above " + AppContext.BaseDirectory);
        }
    }

    public static string HostDll
    {
        get
        {
            var output = typeof(DemoProcess).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "CareFleetHostOutput").Value!;
            var dll = Path.GetFullPath(Path.Combine(output, "carefleet.dll"));
            return File.Exists(dll) ? dll : throw new InvalidOperationException($"The carefleet program is not built at {dll}.");
        }
    }

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public static DemoProcess Start(string dataDirectory, string? adminPassword, int? webPort = null, params string[] extra)
    {
        var port = webPort ?? FreePort();
        var mqttPort = FreePort();
        var info = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = RepositoryRoot,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        foreach (var arg in new[] { HostDll, "demo", "--data", dataDirectory, "--port", $"{port}", "--mqtt-port", $"{mqttPort}", "--silo-port", $"{FreePort()}", "--gateway-port", $"{FreePort()}" })
        {
            info.ArgumentList.Add(arg);
        }

        if (adminPassword is not null)
        {
            info.ArgumentList.Add("--admin-password");
            info.ArgumentList.Add(adminPassword);
        }

        foreach (var arg in extra)
        {
            info.ArgumentList.Add(arg);
        }

        info.Environment.Remove("CAREFLEET_ADMIN_PASSWORD");
        var process = new Process { StartInfo = info, EnableRaisingEvents = true };
        var demo = new DemoProcess(process, port, mqttPort, dataDirectory);
        process.OutputDataReceived += (_, e) => demo.Append(e.Data);
        process.ErrorDataReceived += (_, e) => demo.Append(e.Data);
        process.Exited += (_, _) => demo._exited.TrySetResult();
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return demo;
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_output)
        {
            _output.AppendLine(line);
        }
    }

    /// <summary>Waits until the program says it is ready and /health/ready answers 200.</summary>
    public async Task<TimeSpan> WaitUntilReadyAsync(TimeSpan limit)
    {
        var clock = Stopwatch.StartNew();
        using var http = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(5) };
        while (clock.Elapsed < limit)
        {
            if (_exited.Task.IsCompleted)
            {
                throw new Xunit.Sdk.XunitException($"carefleet demo exited early with {_process.ExitCode}:\n{Output}");
            }

            if (Output.Contains("CareFleet is ready", StringComparison.Ordinal))
            {
                try
                {
                    using var response = await http.GetAsync("/health/ready");
                    if (response.StatusCode == HttpStatusCode.OK)
                    {
                        return clock.Elapsed;
                    }
                }
                catch (HttpRequestException)
                {
                }
            }

            await Task.WhenAny(_exited.Task, Task.Delay(100));
        }

        throw new Xunit.Sdk.XunitException($"carefleet demo was not ready within {limit}:\n{Output}");
    }

    /// <summary>Stops the program as Ctrl+C would and returns its exit code.</summary>
    public async Task<int> InterruptAsync(TimeSpan limit)
    {
        using (var kill = Process.Start("kill", ["-INT", _process.Id.ToString(global::System.Globalization.CultureInfo.InvariantCulture)]))
        {
            await kill.WaitForExitAsync();
        }

        await _exited.Task.WaitAsync(limit);
        await _process.WaitForExitAsync();
        return _process.ExitCode;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
    }
}
