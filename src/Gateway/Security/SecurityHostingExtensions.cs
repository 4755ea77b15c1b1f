using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.IdentityModel.Tokens;

namespace EPoomasi.Gateway.Security;

/// <summary>Identities: JWT bearer validation by ASP.NET Core, the matrix, and the optional development issuer.</summary>
public static class SecurityHostingExtensions
{
    public static IHostApplicationBuilder AddGatewaySecurity(this IHostApplicationBuilder builder)
    {
        var auth = builder.Configuration.GetSection("Auth").Get<AuthOptions>() ?? new AuthOptions();
        builder.Services.AddSingleton(auth);
        builder.Services.AddSingleton(new TokenKeys(auth));
        builder.Services.AddSingleton<DevelopmentTokenIssuer>();
        builder.Services.AddSingleton<ResourceLookup>();
        builder.Services.AddSingleton<Appointments>();
        // Resolved on the first call, when the ledger (started before the gateway listens) is open.
        builder.Services.AddSingleton(services => services.GetRequiredService<Hosting.LedgerRuntime>().Ledger.Partners);
        builder.Services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme).AddJwtBearer();
        builder.Services.AddOptions<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme)
            .Configure<TokenKeys>((options, keys) =>
            {
                // Keep "sub", "role" and the rest as issued instead of renaming them to WS-* claim URIs.
                options.MapInboundClaims = false;
                options.TokenValidationParameters = new TokenValidationParameters
                {
                    ValidIssuer = auth.Issuer,
                    ValidAudience = auth.Audience,
                    IssuerSigningKeys = keys.Keys,
                    ValidateLifetime = true,
                    RequireExpirationTime = true,
                    ClockSkew = TimeSpan.FromSeconds(30),
                };
            });
        return builder;
    }
}
