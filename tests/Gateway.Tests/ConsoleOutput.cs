namespace EPoomasi.Gateway.Tests;

/// <summary>
/// Test classes that capture the console (the CLI prints to it) run one at a time: the console is one for
/// the whole process, and two captures at once would take each other's output.
/// </summary>
[CollectionDefinition(Name)]
public sealed class ConsoleOutput
{
    public const string Name = "console output";
}
