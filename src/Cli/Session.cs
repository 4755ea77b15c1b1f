using System.CommandLine;

namespace EPoomasi.Cli;

/// <summary>One command's connection to the gateway, with the identity it calls as.</summary>
internal sealed class Session(Gateway gateway, string? token) : IDisposable
{
    public Gateway Gateway { get; } = gateway;

    /// <summary>The token, which every command but demo and token needs.</summary>
    public string Token => token ?? throw new UsageException("이 명령에는 토큰이 필요합니다 / this command needs a token: --token TOKEN or EPOOMASI_TOKEN.");

    /// <summary>The district given, or else the one the token names (a coordinator's).</summary>
    public string District(string? given) =>
        given is { Length: > 0 } ? given
        : TokenClaims.Read(Token)?.District ?? throw new UsageException("--district 가 필요합니다 / this command needs --district: the token names none.");

    /// <summary>The account given, or else the one account the token names (a member's).</summary>
    public string Account(string? given) =>
        given is { Length: > 0 } ? given
        : TokenClaims.Read(Token)?.Accounts is [var only] ? only
        : throw new UsageException("--account 이 필요합니다 / this command needs --account: the token names no single account.");

    public static Session From(ParseResult parse) => new(new Gateway(parse.GetValue(Inputs.Gateway)!.ToString()), parse.GetValue(Inputs.Token));

    public void Dispose() => Gateway.Dispose();
}

/// <summary>The command line was not understood; its message says how to write it.</summary>
internal sealed class UsageException(string message) : Exception(message);
