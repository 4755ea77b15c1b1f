namespace EPoomasi.Gateway.Security;

/// <summary>The <c>Auth</c> configuration section.</summary>
public sealed class AuthOptions
{
    /// <summary>The token issuer the gateway trusts.</summary>
    public string Issuer { get; set; } = "epoomasi";

    /// <summary>The audience tokens must be for.</summary>
    public string Audience { get; set; } = "epoomasi-gateway";

    /// <summary>
    /// Base64 HMAC-SHA256 keys that may have signed a token; the first signs development tokens.
    /// Several are allowed so that a key can be rotated without a gap.
    /// </summary>
    public List<string> SigningKeys { get; set; } = [];

    /// <summary>Serve <c>DevelopmentTokenService</c>, which issues tokens to anyone who asks. Never in production.</summary>
    public bool DevelopmentIssuerEnabled { get; set; }
}
