using System.Security.Claims;
using EPoomasi.Ledger;

namespace EPoomasi.Gateway.Security;

/// <summary>An authenticated caller, as the authorization matrix sees them.</summary>
/// <param name="Role">What kind of caller.</param>
/// <param name="Subject">Who, e.g. <c>member:kim</c>.</param>
/// <param name="DistrictId">Their district, for members and coordinators.</param>
/// <param name="Accounts">The accounts a member owns.</param>
public sealed record Caller(Role Role, string Subject, string? DistrictId, IReadOnlySet<Guid> Accounts)
{
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

    /// <summary>How the ledger records this caller on every event.</summary>
    public Attribution Attribution(string channel) => new(Subject, null, channel);
}
