using System.CommandLine;
using System.CommandLine.Parsing;

namespace EPoomasi.Cli;

/// <summary>The options and arguments commands share, each read and checked in one place.</summary>
internal static class Inputs
{
    public static readonly Option<Uri> Gateway = new("--gateway")
    {
        Description = "게이트웨이 주소 / the gateway's address (or EPOOMASI_GATEWAY)",
        Recursive = true,
        DefaultValueFactory = _ => new Uri(Environment.GetEnvironmentVariable("EPOOMASI_GATEWAY") is { Length: > 0 } set ? set : Cli.Gateway.DefaultAddress),
        CustomParser = result => Address(result, result.Tokens.Single().Value),
    };

    public static readonly Option<string?> Token = new("--token")
    {
        Description = "신원 토큰 / the identity every call carries (or EPOOMASI_TOKEN)",
        Recursive = true,
        DefaultValueFactory = _ => Environment.GetEnvironmentVariable("EPOOMASI_TOKEN"),
    };

    public static Argument<string> Id(string name, string description) => new(name)
    {
        Description = description,
        CustomParser = result => Guid.TryParse(result.Tokens.Single().Value, out var id)
            ? id.ToString()
            : Fail<string>(result, $"<{name}>: '{Shorten(result.Tokens.Single().Value)}'은(는) 계정·거래 번호가 아닙니다 / is not an id (a UUID)."),
    };

    public static Argument<long> Amount(string name, string description) => new(name)
    {
        Description = description + " (90, 1h 30m)",
        CustomParser = result => Hours.TryParse(result.Tokens.Single().Value, out var error) ?? Fail<long>(result, $"<{name}>: {error}"),
    };

    public static Option<long?> AmountOption(string name, string description) => new(name)
    {
        Description = description + " (90, 1h 30m)",
        CustomParser = result => Hours.TryParse(result.Tokens.Single().Value, out var error) ?? Fail<long?>(result, $"{name}: {error}"),
    };

    public static Argument<DateTimeOffset> Instant(string name) => new(name)
    {
        Description = "시각 / the instant: 2026-12-07 09:00 (Seoul time) or ISO 8601 with its offset",
        CustomParser = result => Seoul.TryParse(result.Tokens.Single().Value, out var error) ?? Fail<DateTimeOffset>(result, $"<{name}>: {error}"),
    };

    public static Option<DateTimeOffset?> InstantOption(string name, string description) => new(name)
    {
        Description = description + ": 2026-12-07 09:00 (Seoul time) or ISO 8601 with its offset",
        CustomParser = result => Seoul.TryParse(result.Tokens.Single().Value, out var error) ?? Fail<DateTimeOffset?>(result, $"{name}: {error}"),
    };

    public static Option<string?> Chart() => new("--chart")
    {
        Description = "차트 파일 / also draw the report as a chart: a .svg or .png file",
        CustomParser = result => Presentation.Reports.Chart.Problem(result.Tokens.Single().Value) is { } problem ? Fail<string?>(result, problem) : result.Tokens.Single().Value,
    };

    public static Option<string> Reason() => new("--reason")
    {
        Description = "사유 / why: kept with the change, for auditors",
        Required = true,
    };

    public static Option<string?> Account() => new("--account")
    {
        Description = "행동하는 계정 / the account acting (a member's token names theirs; a coordinator names the member's)",
        CustomParser = result => Guid.TryParse(result.Tokens.Single().Value, out var id)
            ? id.ToString()
            : Fail<string?>(result, $"--account: '{Shorten(result.Tokens.Single().Value)}'은(는) 계정 번호가 아닙니다 / is not an account id (a UUID)."),
    };

    /// <summary>One of <typeparamref name="TEnum"/>'s values, written in lower case with dashes (care, housework, …).</summary>
    public static Option<TEnum?> Choice<TEnum>(string name, string description, bool required = false) where TEnum : struct, Enum
    {
        var names = Enum.GetValues<TEnum>().Where(v => Convert.ToInt32(v, System.Globalization.CultureInfo.InvariantCulture) != 0).ToDictionary(Kebab);
        return new Option<TEnum?>(name)
        {
            Description = $"{description}: {string.Join(", ", names.Keys)}",
            Required = required,
            CustomParser = result => names.TryGetValue(result.Tokens.Single().Value.ToLowerInvariant(), out var value)
                ? value
                : Fail<TEnum?>(result, $"{name}: '{Shorten(result.Tokens.Single().Value)}'은(는) 다음 중 하나가 아닙니다 / is not one of: {string.Join(", ", names.Keys)}."),
        };
    }

    private static string Kebab<TEnum>(TEnum value) where TEnum : struct, Enum => Printer.Label(value).Replace(' ', '-');

    public static Option<string?> District() => new("--district")
    {
        Description = "구 / the district (a coordinator's token names theirs)",
    };

    public static Option<int> PageSize(int defaultSize) => new("--page-size")
    {
        Description = "한 쪽의 줄 수 / lines per page (1 to 1,000)",
        DefaultValueFactory = _ => defaultSize,
        CustomParser = result => int.TryParse(result.Tokens.Single().Value, out var size) && size is >= 1 and <= 1_000
            ? size
            : Fail<int>(result, $"--page-size: '{Shorten(result.Tokens.Single().Value)}'은(는) 1에서 1,000 사이가 아닙니다 / is not between 1 and 1,000."),
    };

    public static readonly Option<string> PageToken = new("--page-token") { Description = "이어 볼 쪽 / the page to continue from", DefaultValueFactory = _ => "" };

    public static readonly Option<bool> All = new("--all") { Description = "모든 쪽을 차례로 / follow every page to the end" };

    private static Uri Address(ArgumentResult result, string text) =>
        Uri.TryCreate(text, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https"
            ? uri
            : Fail<Uri>(result, $"--gateway: '{Shorten(text)}'에는 http:// 또는 https:// 가 필요합니다 / needs its scheme, e.g. http://127.0.0.1:5080.");

    private static T Fail<T>(ArgumentResult result, string message)
    {
        result.AddError(message);
        return default!;
    }

    private static string Shorten(string text) => text.Length > 40 ? text[..40] + "…" : text;
}
