using EPoomasi.Ledger.Partners;
using EPoomasi.Gateway.Security;

namespace EPoomasi.Gateway.Limits;

/// <summary>
/// Which bucket a request draws from: its partner app (by the key's id), else its authenticated
/// subject and role, else its address. Runs before authorization, so it trusts only what the bearer
/// handler validated; an invented key id costs the inventor, never someone else.
/// </summary>
public static class CallerPartition
{
    public static (string Key, int PerSecond) Of(HttpContext http, LimitOptions limits)
    {
        if (PartnerRegistry.KeyIdOf(http.Request.Headers["x-api-key"].ToString()) is { } keyId)
        {
            return ($"app:{keyId:N}", limits.PartnerAppRequestsPerSecond);
        }

        if (http.User.Identity?.IsAuthenticated == true && Caller.From(http.User) is { } caller)
        {
            return caller.Role == Role.Member
                ? ($"member:{caller.Subject}", limits.MemberRequestsPerSecond)
                : ($"{caller.Role}:{caller.Subject}", limits.OfficialRequestsPerSecond);
        }

        return ($"address:{http.Connection.RemoteIpAddress}", limits.AnonymousRequestsPerSecond);
    }
}
