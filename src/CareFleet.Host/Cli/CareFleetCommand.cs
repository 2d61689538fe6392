using CareFleet.Host.Hosting;
using CareFleet.Host.Persistence;

namespace CareFleet.Host.Cli;

/// <summary>Dispatches the carefleet verbs and turns start-up problems into one clear line.</summary>
public static class CareFleetCommand
{
    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error)
    {
        ParsedCommand command;
        try
        {
            command = CommandLine.Parse(Verbs.All, args);
        }
        catch (CommandLineException e)
        {
            await error.WriteLineAsync(e.Message);
            return 2;
        }

        if (command.HelpRequested)
        {
            CommandLine.WriteHelp(output, Verbs.All, command.Verb.Name.Length == 0 ? null : command.Verb);
            return 0;
        }

        using var stop = new CancellationTokenSource();
        ConsoleCancelEventHandler onCancel = (_, e) =>
        {
            e.Cancel = true;
            stop.Cancel();
        };
        Console.CancelKeyPress += onCancel;
        try
        {
            return command.Verb.Name switch
            {
                "demo" => await ServerRunner.RunAsync(command, ServerMode.Demo, output, stop.Token),
                "serve" => await ServerRunner.RunAsync(command, ServerMode.Serve, output, stop.Token),
                "migrate" => await ServerRunner.MigrateAsync(command, output, stop.Token),
                "sim" => await SimulatorRunner.RunAsync(command, output, stop.Token),
                "xiangqi" => await Task.Run(() => Xiangqi.XiangqiCommand.Run([.. command.Rest], Console.In, output, stop.Token), stop.Token),
                _ => 2,
            };
        }
        catch (StartupException e)
        {
            await error.WriteLineAsync($"carefleet {command.Verb.Name}: {e.Message}");
            return 1;
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            return 0;
        }
        finally
        {
            Console.CancelKeyPress -= onCancel;
        }
    }
}
