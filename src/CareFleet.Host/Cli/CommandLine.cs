namespace CareFleet.Host.Cli;

/// <summary>One option of a verb, and the configuration key it sets.</summary>
public sealed record CliOption(string Name, string? ConfigKey, string Help, bool IsFlag = false);

/// <summary>A verb of the carefleet command.</summary>
/// <param name="PassThrough">The verb parses its own arguments (everything after the verb is handed to it).</param>
public sealed record CliVerb(string Name, string Summary, IReadOnlyList<CliOption> Options, string? Details = null, bool PassThrough = false);

/// <summary>The parsed command line: the verb, configuration overrides, and arguments left for the verb.</summary>
public sealed record ParsedCommand(CliVerb Verb, IReadOnlyDictionary<string, string?> Settings, IReadOnlySet<string> Flags, IReadOnlyList<string> Rest, bool HelpRequested);

public sealed class CommandLineException(string message) : Exception(message);

/// <summary>
/// A small parser: <c>carefleet VERB [--option value | --option=value | --flag]…</c>. Unknown options are an
/// error naming the option and the verb's help.
/// </summary>
public static class CommandLine
{
    public static ParsedCommand Parse(IReadOnlyList<CliVerb> verbs, string[] args)
    {
        ArgumentNullException.ThrowIfNull(args);
        if (args.Length == 0 || args[0] is "--help" or "-h" or "help")
        {
            return new ParsedCommand(verbs[0] with { Name = string.Empty }, new Dictionary<string, string?>(), new HashSet<string>(), [], true);
        }

        var verb = verbs.FirstOrDefault(v => v.Name == args[0])
            ?? throw new CommandLineException($"Unknown command '{args[0]}'. Run 'carefleet --help' for the list.");
        var settings = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        var flags = new HashSet<string>(StringComparer.Ordinal);
        if (verb.PassThrough)
        {
            var helpOnly = args.Length == 2 && args[1] is "--help" or "-h";
            return new ParsedCommand(verb, settings, flags, args[1..], helpOnly);
        }

        var rest = new List<string>();
        var help = false;
        for (var i = 1; i < args.Length; i++)
        {
            var arg = args[i];
            if (arg is "--help" or "-h")
            {
                help = true;
                continue;
            }

            if (!arg.StartsWith("--", StringComparison.Ordinal))
            {
                rest.Add(arg);
                continue;
            }

            var eq = arg.IndexOf('=', StringComparison.Ordinal);
            var name = eq > 0 ? arg[2..eq] : arg[2..];
            var option = verb.Options.FirstOrDefault(o => o.Name == name)
                ?? throw new CommandLineException($"Unknown option '--{name}' for 'carefleet {verb.Name}'. Run 'carefleet {verb.Name} --help'.");
            if (option.IsFlag)
            {
                flags.Add(option.Name);
                if (option.ConfigKey is not null)
                {
                    settings[option.ConfigKey] = "true";
                }

                continue;
            }

            string value;
            if (eq > 0)
            {
                value = arg[(eq + 1)..];
            }
            else if (i + 1 < args.Length)
            {
                value = args[++i];
            }
            else
            {
                throw new CommandLineException($"Option '--{name}' needs a value. Run 'carefleet {verb.Name} --help'.");
            }

            if (option.ConfigKey is not null)
            {
                settings[option.ConfigKey] = value;
            }
            else
            {
                rest.Add(arg);
                rest.Add(value);
            }
        }

        return new ParsedCommand(verb, settings, flags, rest, help);
    }

    public static void WriteHelp(TextWriter output, IReadOnlyList<CliVerb> verbs, CliVerb? verb)
    {
        ArgumentNullException.ThrowIfNull(output);
        if (verb is null || verb.Name.Length == 0)
        {
            output.WriteLine("CareFleet — one system for the care record, a multi-vendor robot fleet and the staff on shift.");
            output.WriteLine();
            output.WriteLine("Usage: carefleet <command> [options]");
            output.WriteLine();
            output.WriteLine("Commands:");
            foreach (var v in verbs)
            {
                output.WriteLine($"  {v.Name,-10} {v.Summary}");
            }

            output.WriteLine();
            output.WriteLine("Run 'carefleet <command> --help' for a command's options.");
            return;
        }

        output.WriteLine($"Usage: carefleet {verb.Name} [options]");
        output.WriteLine();
        output.WriteLine(verb.Summary);
        if (verb.Details is not null)
        {
            output.WriteLine();
            output.WriteLine(verb.Details);
        }

        if (verb.Options.Count > 0)
        {
            output.WriteLine();
            output.WriteLine("Options:");
            foreach (var o in verb.Options)
            {
                var left = o.IsFlag ? $"--{o.Name}" : $"--{o.Name} <value>";
                var key = o.ConfigKey is null ? string.Empty : $" [{o.ConfigKey}]";
                output.WriteLine($"  {left,-28} {o.Help}{key}");
            }
        }
    }
}
