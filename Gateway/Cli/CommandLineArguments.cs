namespace ScimGateway.Gateway.Cli;

/// <summary>Parsed <c>--option value</c> and <c>--flag</c> arguments after the command words.</summary>
internal sealed class CommandLineArguments
{
    private readonly Dictionary<string, string?> _values = new(StringComparer.Ordinal);

    private CommandLineArguments()
    {
    }

    /// <summary>Parses the options; flags are the named options that take no value.</summary>
    public static CommandLineArguments Parse(IEnumerable<string> args, IReadOnlySet<string> flags, IReadOnlySet<string> options)
    {
        var parsed = new CommandLineArguments();
        using var e = args.GetEnumerator();
        while (e.MoveNext())
        {
            var name = e.Current;
            if (flags.Contains(name))
            {
                parsed._values[name] = null;
            }
            else if (options.Contains(name))
            {
                if (!e.MoveNext())
                {
                    throw new CommandLineException($"{name} needs a value.");
                }

                parsed._values[name] = e.Current;
            }
            else
            {
                throw new CommandLineException($"Unknown option '{name}'.");
            }
        }

        return parsed;
    }

    public bool Has(string name) => _values.ContainsKey(name);

    public string? Get(string name) => _values.GetValueOrDefault(name);

    public string Require(string name) => Get(name) is { Length: > 0 } value ? value : throw new CommandLineException($"{name} is required.");
}
