using System.Security.Claims;

namespace EPoomasi.Gateway.Security;

/// <summary>An authenticated caller, as the authorization matrix sees them.</summary>
/// <param name="Role">What kind of caller.</param>
/// <param name="Subject">Who, e.g. <c>member:kim</c>.</param>
/// <param name="DistrictId">Their district, for members and coordinators.</param>
/// <param name="Accounts">The accounts a member owns, or a partner app may act for.</param>
public sealed record Caller(Role Role, string Subject, string? DistrictId, IReadOnlySet<Guid> Accounts)
{
    /// <summary>For a partner app: the scopes it holds for each account it acts for.</summary>
    public IReadOnlyDictionary<Guid, IReadOnlySet<string>> PartnerScopes { get; init; } = new Dictionary<Guid, IReadOnlySet<string>>();

    /// <summary>For a partner app: the scopes the city gave the app itself.</summary>
    public IReadOnlySet<string> AppScopes { get; init; } = new HashSet<string>();

    /// <summary>For a partner app acting with a member's token: that member.</summary>
    public string? OnBehalfOf { get; init; }

    /// <summary>The accounts this caller may act for under <paramref name="scope"/> (a member's own, whatever the scope).</summary>
    public IReadOnlySet<Guid> AccountsFor(string? scope) => Role != Role.PartnerApp
        ? Accounts
        : PartnerScopes.Where(p => scope is not null && p.Value.Contains(scope)).Select(p => p.Key).ToHashSet();

    public const string RoleClaim = "role";
    public const string DistrictClaim = "district";
    public const string AccountClaim = "account";

    /// <summary>The caller behind a validated token, or null when the token lacks what a caller needs.</summary>
    public static Caller? From(ClaimsPrincipal user)
    {
        var subject = user.FindFirst("sub")?.Value ?? user.FindFirst(ClaimTypes.NameIdentifier)?.Value;
        if (subject is null || !Enum.TryParse<Role>(user.FindFirst(RoleClaim)?.Value, ignoreCase: true, out var role) || !Enum.IsDefined(role))
        {
            return null;
        }

        var accounts = user.FindAll(AccountClaim).Select(c => Guid.TryParse(c.Value, out var id) ? id : Guid.Empty).Where(id => id != Guid.Empty).ToHashSet();
        return new Caller(role, subject, user.FindFirst(DistrictClaim)?.Value, accounts);
    }

}
