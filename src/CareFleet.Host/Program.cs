using CareFleet.Host.Cli;

return await CareFleetCommand.RunAsync(args, Console.Out, Console.Error);
