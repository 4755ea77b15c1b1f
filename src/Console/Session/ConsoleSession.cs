using EPoomasi.Presentation;
using Grpc.Core;
using Grpc.Net.Client;
using Microsoft.AspNetCore.Http;

namespace EPoomasi.WebConsole.Session;

/// <summary>
/// The signed-in person of one request: their token, kept in an HTTP-only cookie, and the call options that carry it
/// to the gateway. The console's pages reach the gateway only through <see cref="Channel"/> with these options.
/// </summary>
public sealed class ConsoleSession(GatewayChannel gateway, IHttpContextAccessor http)
{
    public const string TokenCookie = "epoomasi_token";

    public GrpcChannel Channel => gateway.Channel;

    public string? Token => http.HttpContext?.Request.Cookies[TokenCookie];

    public TokenClaims? Who => TokenClaims.Read(Token);

    /// <summary>
    /// The accounts a page acts for: a member's own; for a coordinator, the member named in the page's <c>for</c>
    /// (someone without a phone). The gateway checks that the member is in the coordinator's district, and records
    /// the coordinator on every step taken for them.
    /// </summary>
    public IReadOnlyList<string> ActingFor(string? member) => Who switch
    {
        { IsMember: true } who => who.Accounts,
        { IsCoordinator: true } when member is { Length: > 0 } => [member],
        _ => [],
    };

    /// <summary>The query that keeps a coordinator's <c>for</c> on the next page's address; empty for a member.</summary>
    public static string ForQuery(string? member, char separator = '?') => member is { Length: > 0 } ? $"{separator}for={Uri.EscapeDataString(member)}" : "";

    public CallOptions Options(CancellationToken cancellationToken = default) => new(Credentials, DateTime.UtcNow.AddSeconds(10), cancellationToken);

    /// <summary>For a stream that lasts as long as the page that reads it: no deadline, ended when the reader leaves.</summary>
    public CallOptions StreamOptions(CancellationToken cancellationToken) => new(Credentials, null, cancellationToken);

    private Metadata Credentials => Token is { } token ? new Metadata { { "authorization", $"Bearer {token}" } } : [];

    public static void SignIn(HttpContext context, string token) => context.Response.Cookies.Append(TokenCookie, token, new CookieOptions
    {
        HttpOnly = true, SameSite = SameSiteMode.Strict, Secure = context.Request.IsHttps, Path = "/console", MaxAge = TimeSpan.FromHours(12),
    });

    public static void SignOut(HttpContext context) => context.Response.Cookies.Delete(TokenCookie, new CookieOptions { Path = "/console" });
}
