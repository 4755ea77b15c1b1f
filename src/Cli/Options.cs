namespace EPoomasi.Cli;

/// <summary>The command line: a command, its positional arguments, and <c>--name value</c> options.</summary>
internal sealed class Options
{
    private readonly Dictionary<string, string> _named = new(StringComparer.OrdinalIgnoreCase);

    private Options(string command, IReadOnlyList<string> positional, Dictionary<string, string> named)
    {
        Command = command;
        Positional = positional;
        _named = named;
    }

    public string Command { get; }

    public IReadOnlyList<string> Positional { get; }

    public static Options Parse(string[] args)
    {
        var positional = new List<string>();
        var named = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < args.Length; i++)
        {
            if (args[i].StartsWith("--", StringComparison.Ordinal) && i + 1 < args.Length)
            {
                named[args[i][2..]] = args[++i];
            }
            else
            {
                positional.Add(args[i]);
            }
        }

        return new Options(positional.Count > 0 ? positional[0] : "help", positional.Skip(1).ToList(), named);
    }

    public string? Named(string name) => _named.GetValueOrDefault(name);

    public string Argument(int index, string name) =>
        index < Positional.Count ? Positional[index] : throw new UsageException($"Missing <{name}>.");
}

/// <summary>The command line was not understood.</summary>
internal sealed class UsageException(string message) : Exception(message);
