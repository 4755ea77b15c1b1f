using System.CommandLine;

namespace EPoomasi.Cli.Commands;

/// <summary>A command with its arguments and options, and what it does with a session to the gateway.</summary>
internal static class Define
{
    public static Command Command(string name, string description, IEnumerable<Symbol> symbols, Func<ParseResult, Session, CancellationToken, Task<int>> run)
    {
        var command = new Command(name, description);
        foreach (var symbol in symbols)
        {
            if (symbol is Argument argument) command.Arguments.Add(argument);
            else if (symbol is Option option) command.Options.Add(option);
        }

        command.SetAction(async (parse, cancellationToken) =>
        {
            using var session = Session.From(parse);
            return await run(parse, session, cancellationToken);
        });
        return command;
    }
}
