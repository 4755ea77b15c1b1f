using System.CommandLine;

namespace EPoomasi.Cli;

/// <summary>One command's connection to the gateway, with the identity it calls as.</summary>
internal sealed class Session(Gateway gateway, string? token) : IDisposable
{
    public Gateway Gateway { get; } = gateway;

    /// <summary>The token, which every command but demo and token needs.</summary>
    public string Token => token ?? throw new UsageException("이 명령에는 토큰이 필요합니다 / this command needs a token: --token TOKEN or EPOOMASI_TOKEN.");

    public static Session From(ParseResult parse) => new(new Gateway(parse.GetValue(Inputs.Gateway)!.ToString()), parse.GetValue(Inputs.Token));

    public void Dispose() => Gateway.Dispose();
}

/// <summary>The command line was not understood; its message says how to write it.</summary>
internal sealed class UsageException(string message) : Exception(message);
