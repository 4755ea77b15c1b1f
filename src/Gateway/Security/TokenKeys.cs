using Microsoft.IdentityModel.Tokens;

namespace EPoomasi.Gateway.Security;

/// <summary>The signing keys, read once from configuration.</summary>
public sealed class TokenKeys
{
    public TokenKeys(AuthOptions options)
    {
        if (options.SigningKeys.Count == 0)
        {
            throw new InvalidOperationException(
                "Auth:SigningKeys is empty: configure at least one base64 HMAC-SHA256 key (32 bytes or more), e.g. Auth__SigningKeys__0=$(openssl rand -base64 32).");
        }

        Keys = options.SigningKeys.Select(key => (SecurityKey)new SymmetricSecurityKey(Convert.FromBase64String(key))).ToList();
    }

    /// <summary>Every key a valid token may be signed with.</summary>
    public IReadOnlyList<SecurityKey> Keys { get; }

    /// <summary>The key development tokens are signed with.</summary>
    public SecurityKey Current => Keys[0];
}
