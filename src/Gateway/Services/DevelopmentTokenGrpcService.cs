using EPoomasi.Contracts.Identity.V1;
using EPoomasi.Gateway.Errors;
using EPoomasi.Gateway.Security;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;

namespace EPoomasi.Gateway.Services;

/// <summary>Issues development tokens; mapped only when <c>Auth:DevelopmentIssuerEnabled</c> is true.</summary>
public sealed class DevelopmentTokenGrpcService(DevelopmentTokenIssuer issuer) : DevelopmentTokenService.DevelopmentTokenServiceBase
{
    private static readonly TimeSpan MaxLifetime = TimeSpan.FromDays(1);

    public override Task<IssueDevelopmentTokenResponse> IssueDevelopmentToken(IssueDevelopmentTokenRequest request, ServerCallContext context)
    {
        var violations = new FieldViolations();
        if (!System.Enum.TryParse<Security.Role>(request.Role.ToString(), out var role) || !System.Enum.IsDefined(role)) violations.Add("role", "Member, coordinator, auditor or administrator.");
        if (string.IsNullOrWhiteSpace(request.Subject)) violations.Add("subject", "Required, e.g. member:kim.");
        if (role is Security.Role.Member or Security.Role.Coordinator && string.IsNullOrWhiteSpace(request.DistrictId)) violations.Add("district_id", "Members and coordinators belong to a district.");
        if (request.LifetimeSeconds < 0 || request.LifetimeSeconds > MaxLifetime.TotalSeconds) violations.Add("lifetime_seconds", "Between 0 (one hour) and one day.");
        var accounts = request.AccountIds.Select((id, i) => violations.Id($"account_ids[{i}]", id)).ToList();
        violations.ThrowIfAny();

        var lifetime = request.LifetimeSeconds == 0 ? TimeSpan.FromHours(1) : TimeSpan.FromSeconds(request.LifetimeSeconds);
        var (token, expires) = issuer.Issue(role, request.Subject, request.DistrictId, accounts, lifetime);
        return Task.FromResult(new IssueDevelopmentTokenResponse { Token = token, ExpiresAt = Timestamp.FromDateTimeOffset(expires) });
    }
}
