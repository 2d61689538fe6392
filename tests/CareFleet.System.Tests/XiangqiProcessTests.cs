using System.Diagnostics;

namespace CareFleet.System.Tests;

/// <summary>The engine as a GUI or the companion robot uses it: the real process over stdin/stdout.</summary>
public sealed class XiangqiProcessTests
{
    private static async Task<string> RunEngineAsync(string script, params string[] args)
    {
        var info = new ProcessStartInfo("dotnet")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        info.ArgumentList.Add(DemoProcess.HostDll);
        info.ArgumentList.Add("xiangqi");
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        using var process = Process.Start(info)!;
        var output = process.StandardOutput.ReadToEndAsync();
        await process.StandardInput.WriteAsync(script);
        process.StandardInput.Close();
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(60));
        return await output;
    }

    [Fact]
    public async Task Ucci_AnswersWithALegalBestMove_AndReportsBadInputWithoutStopping()
    {
        var output = await RunEngineAsync("ucci\nisready\nposition startpos moves h2e2 z9z9\nposition startpos moves h2e2\nbogus command\ngo depth 3\nquit\n");
        Assert.Contains("ucciok", output, StringComparison.Ordinal);
        Assert.Contains("readyok", output, StringComparison.Ordinal);
        Assert.Contains("info string", output, StringComparison.Ordinal);
        var best = output.Split('\n').Single(l => l.StartsWith("bestmove ", StringComparison.Ordinal)).Split(' ')[1].Trim();
        // Black answers the central cannon: a move of a black piece, from ranks 5-9 in UCCI coordinates.
        Assert.Matches("^[a-i][5-9][a-i][0-9]$", best);
        Assert.Contains("bye", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Uci_GoPerft_CountsTheStartPosition()
    {
        var output = await RunEngineAsync("uci\nposition startpos\ngo perft 3\nquit\n");
        Assert.Contains("uciok", output, StringComparison.Ordinal);
        Assert.Contains("79666", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PerftVerb_PrintsTheCount()
    {
        var output = await RunEngineAsync(string.Empty, "perft", "2");
        Assert.Equal("1920", output.Trim());
    }
}
