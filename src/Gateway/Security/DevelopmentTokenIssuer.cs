using System.Security.Claims;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace EPoomasi.Gateway.Security;

/// <summary>Signs tokens as the configured issuer: for the development token service and for tests.</summary>
public sealed class DevelopmentTokenIssuer(AuthOptions options, TokenKeys keys, TimeProvider time)
{
    public (string Token, DateTimeOffset ExpiresAt) Issue(Role role, string subject, string? districtId, IEnumerable<Guid> accounts, TimeSpan lifetime, string? audience = null)
    {
        var now = time.GetUtcNow();
        var claims = new List<Claim> { new("sub", subject), new(Caller.RoleClaim, role.ToString().ToLowerInvariant()) };
        if (!string.IsNullOrEmpty(districtId)) claims.Add(new Claim(Caller.DistrictClaim, districtId));
        claims.AddRange(accounts.Select(account => new Claim(Caller.AccountClaim, account.ToString())));
        var expires = now + lifetime;
        var token = new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = options.Issuer,
            Audience = audience ?? options.Audience,
            Subject = new ClaimsIdentity(claims),
            IssuedAt = now.UtcDateTime,
            NotBefore = now.UtcDateTime.AddMinutes(-1) < expires.UtcDateTime ? now.UtcDateTime.AddMinutes(-1) : expires.UtcDateTime.AddSeconds(-1),
            Expires = expires.UtcDateTime,
            SigningCredentials = new SigningCredentials(keys.Current, SecurityAlgorithms.HmacSha256),
        });
        return (token, expires);
    }
}
