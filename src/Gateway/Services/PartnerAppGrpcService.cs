using System.Text.RegularExpressions;
using EPoomasi.Contracts.Identity.V1;
using EPoomasi.Gateway.Errors;
using EPoomasi.Ledger.Partners;
using EPoomasi.Gateway.Security;
using Grpc.Core;

namespace EPoomasi.Gateway.Services;

/// <summary>Partner apps, their keys and members' grants: proto → registry → proto.</summary>
public sealed partial class PartnerAppGrpcService(PartnerRegistry registry) : PartnerAppService.PartnerAppServiceBase
{
    [GeneratedRegex("^[a-z][a-z0-9-]{1,47}$", RegexOptions.CultureInvariant)]
    private static partial Regex AppIdPattern();

    public override async Task<RegisterPartnerAppResponse> RegisterPartnerApp(RegisterPartnerAppRequest request, ServerCallContext context)
    {
        var violations = new FieldViolations();
        AppId(violations, request.AppId);
        if (string.IsNullOrWhiteSpace(request.Name)) violations.Add("name", "Required.");
        violations.Text("name", request.Name, 100);
        Scopes(violations, request.Scopes, PartnerScopes.All);
        violations.ThrowIfAny();

        var key = await registry.RegisterAsync(request.AppId, request.Name, request.Scopes.Distinct().ToList(), CurrentCaller.Of(context).Subject, context.CancellationToken)
            ?? throw new RpcException(new Status(StatusCode.AlreadyExists, $"App '{request.AppId}' is already registered; issue it another key instead."));
        return new RegisterPartnerAppResponse { ApiKey = key.Key, KeyId = key.KeyId.ToString("N") };
    }

    public override async Task<IssueApiKeyResponse> IssueApiKey(IssueApiKeyRequest request, ServerCallContext context)
    {
        var key = await registry.IssueKeyAsync(request.AppId, context.CancellationToken) ?? throw LedgerErrors.NotFound($"App '{ErrorText.Clip(request.AppId, 60)}'");
        return new IssueApiKeyResponse { ApiKey = key.Key, KeyId = key.KeyId.ToString("N") };
    }

    public override async Task<RevokeApiKeyResponse> RevokeApiKey(RevokeApiKeyRequest request, ServerCallContext context)
    {
        var violations = new FieldViolations();
        var keyId = violations.Id("key_id", request.KeyId);
        violations.ThrowIfAny();
        var changed = await registry.RevokeKeyAsync(request.AppId, keyId, context.CancellationToken) ?? throw LedgerErrors.NotFound($"Key {ErrorText.Clip(request.KeyId, 60)} of app '{ErrorText.Clip(request.AppId, 60)}'");
        return new RevokeApiKeyResponse { Changed = changed };
    }

    public override async Task<GrantAppAccessResponse> GrantAppAccess(GrantAppAccessRequest request, ServerCallContext context)
    {
        var violations = new FieldViolations();
        var account = violations.Id("account_id", request.AccountId);
        var app = await registry.FindAsync(request.AppId, context.CancellationToken);
        if (app is null) violations.Add("app_id", $"No app '{ErrorText.Clip(request.AppId, 60)}' is registered.");
        else Scopes(violations, request.Scopes, app.Scopes.ToHashSet());
        violations.ThrowIfAny();

        var changed = await registry.GrantAsync(request.AppId, account, request.Scopes.Distinct().ToList(), CurrentCaller.Of(context).Subject, context.CancellationToken);
        return new GrantAppAccessResponse { Changed = changed };
    }

    public override async Task<RevokeAppAccessResponse> RevokeAppAccess(RevokeAppAccessRequest request, ServerCallContext context)
    {
        var violations = new FieldViolations();
        var account = violations.Id("account_id", request.AccountId);
        violations.ThrowIfAny();
        return new RevokeAppAccessResponse { Changed = await registry.RevokeGrantAsync(request.AppId, account, context.CancellationToken) };
    }

    private static void AppId(FieldViolations violations, string appId)
    {
        if (!AppIdPattern().IsMatch(appId)) violations.Add("app_id", "2 to 48 lowercase letters, digits or '-', starting with a letter.");
    }

    private static void Scopes(FieldViolations violations, IEnumerable<string> scopes, IReadOnlySet<string> allowed)
    {
        var list = scopes.ToList();
        if (list.Count == 0) violations.Add("scopes", $"At least one of: {string.Join(", ", allowed)}.");
        foreach (var scope in list.Where(s => !allowed.Contains(s)).Distinct())
        {
            violations.Add("scopes", $"'{ErrorText.Clip(scope, 60)}' is not one of: {string.Join(", ", allowed)}.");
        }
    }
}
