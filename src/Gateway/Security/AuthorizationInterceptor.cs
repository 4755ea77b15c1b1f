using EPoomasi.Gateway.Errors;
using EPoomasi.Gateway.Hosting;
using EPoomasi.Ledger.Partners;
using Google.Protobuf;
using Grpc.Core;
using Grpc.Core.Interceptors;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.IdentityModel.Tokens;

namespace EPoomasi.Gateway.Security;

/// <summary>
/// Enforces <see cref="AuthorizationMatrix"/> on every call before its handler runs. No identity →
/// UNAUTHENTICATED, saying why the token was refused; an identity the matrix does not allow →
/// PERMISSION_DENIED, logged with who tried and the request's correlation id.
/// </summary>
public sealed class AuthorizationInterceptor(ResourceLookup lookup, Appointments appointments, PartnerRegistry partners, ILogger<AuthorizationInterceptor> logger) : Interceptor
{
    public override async Task<TResponse> UnaryServerHandler<TRequest, TResponse>(
        TRequest request, ServerCallContext context, UnaryServerMethod<TRequest, TResponse> continuation)
    {
        await AuthorizeAsync(request as IMessage, context);
        return await continuation(request, context);
    }

    public override async Task ServerStreamingServerHandler<TRequest, TResponse>(
        TRequest request, IServerStreamWriter<TResponse> responseStream, ServerCallContext context, ServerStreamingServerMethod<TRequest, TResponse> continuation)
    {
        await AuthorizeAsync(request as IMessage, context);
        await continuation(request, responseStream, context);
    }

    public override async Task DuplexStreamingServerHandler<TRequest, TResponse>(
        IAsyncStreamReader<TRequest> requestStream, IServerStreamWriter<TResponse> responseStream, ServerCallContext context, DuplexStreamingServerMethod<TRequest, TResponse> continuation)
    {
        await AuthorizeAsync(null, context);
        await continuation(requestStream, responseStream, context);
    }

    public override async Task<TResponse> ClientStreamingServerHandler<TRequest, TResponse>(
        IAsyncStreamReader<TRequest> requestStream, ServerCallContext context, ClientStreamingServerMethod<TRequest, TResponse> continuation)
    {
        await AuthorizeAsync(null, context);
        return await continuation(requestStream, context);
    }

    private async Task AuthorizeAsync(IMessage? request, ServerCallContext context)
    {
        var rule = AuthorizationMatrix.For(context);
        if (rule is null)
        {
            throw Deny(context, null, $"{context.Method} has no entry in the authorization matrix, so nobody may call it.");
        }

        if (rule.Public)
        {
            return;
        }

        var http = context.GetHttpContext();
        var caller = await AuthenticateAsync(http, context.CancellationToken);
        if (!rule.Grants.TryGetValue(caller.Role, out var reach))
        {
            throw Deny(context, caller, $"A {caller.Role.ToString().ToLowerInvariant()} may not call {context.Method}.");
        }

        if (caller.Role == Role.PartnerApp && !caller.AppScopes.Contains(rule.PartnerScope!))
        {
            throw Deny(context, caller, $"The app lacks the scope '{rule.PartnerScope}' that {context.Method} needs.");
        }

        var touches = request is null ? Touches.Nothing : await rule.Touches(request, lookup, context.CancellationToken);
        var refusal = await CheckReachAsync(caller, caller.AccountsFor(rule.PartnerScope), reach, touches, context.CancellationToken);
        if (refusal is not null)
        {
            throw Deny(context, caller, refusal);
        }

        http.Items[typeof(Caller)] = caller;
    }

    // A member or official presents a bearer token. A partner app presents its API key, and acts either
    // for the member whose token it also presents, or for the accounts members granted it.
    private async Task<Caller> AuthenticateAsync(HttpContext http, CancellationToken cancellationToken)
    {
        var bearer = await http.AuthenticateAsync(JwtBearerDefaults.AuthenticationScheme);
        if (!bearer.Succeeded && !bearer.None)
        {
            throw Unauthenticated($"The token was refused: {Describe(bearer.Failure)}.");
        }

        var tokenCaller = bearer.Succeeded
            ? Caller.From(bearer.Principal) ?? throw Unauthenticated("The token names no subject or no known role.")
            : null;
        var apiKey = http.Request.Headers["x-api-key"].ToString();
        if (apiKey.Length == 0)
        {
            return tokenCaller ?? throw Unauthenticated("No identity: send 'authorization: Bearer <token>'.");
        }

        var app = await partners.AuthenticateAsync(apiKey, cancellationToken) ?? throw Unauthenticated("The API key is unknown, malformed or revoked.");
        var appScopes = app.Scopes.ToHashSet();
        Dictionary<Guid, IReadOnlySet<string>> scopes;
        if (tokenCaller is { Role: Role.Member })
        {
            scopes = tokenCaller.Accounts.ToDictionary(a => a, _ => (IReadOnlySet<string>)appScopes);
        }
        else if (tokenCaller is null)
        {
            scopes = (await partners.GrantsOfAsync(app.Id, cancellationToken))
                .ToDictionary(g => g.AccountId, g => (IReadOnlySet<string>)g.Scopes.Where(appScopes.Contains).ToHashSet());
        }
        else
        {
            throw Unauthenticated("A partner app acts for members only: send a member's token with the API key, or none.");
        }

        return new Caller(Role.PartnerApp, $"partner:{app.Id}", null, scopes.Keys.ToHashSet())
        {
            PartnerScopes = scopes,
            AppScopes = appScopes,
            OnBehalfOf = tokenCaller?.Subject,
        };
    }

    private static RpcException Unauthenticated(string reason) => new(new Status(StatusCode.Unauthenticated, reason));

    private async Task<string?> CheckReachAsync(Caller caller, IReadOnlySet<Guid> own, Reach reach, Touches touches, CancellationToken cancellationToken)
    {
        var groups = touches.AccountGroups.Select(g => g.Where(a => a != Guid.Empty).ToList()).Where(g => g.Count > 0).ToList();
        switch (reach)
        {
            case Reach.Anything:
                return null;
            case Reach.OwnAccounts:
                var foreign = groups.FirstOrDefault(g => !g.Any(own.Contains));
                if (foreign is not null) return caller.Role == Role.PartnerApp ? $"The app may not act for account {foreign[0]}." : $"Account {foreign[0]} is not yours.";
                return touches.Districts.Any(d => d != caller.DistrictId) ? "That district is not yours." : null;
            case Reach.OwnDistrict:
                if (caller.DistrictId is null) return "Your token names no district.";
                if (touches.Districts.Any(d => d != caller.DistrictId)) return $"You act for district '{caller.DistrictId}' only.";
                // The token says who the caller is; the city's appointment says what they may run.
                if (!await appointments.IsCoordinatorAsync(caller.DistrictId, caller.Subject, cancellationToken))
                {
                    return $"{ErrorText.Clip(caller.Subject)} is not an appointed coordinator of district '{ErrorText.Clip(caller.DistrictId)}'.";
                }

                var districts = await lookup.DistrictsAsync(groups.SelectMany(g => g).Distinct().ToList(), cancellationToken);
                var outside = groups.FirstOrDefault(g => !g.Any(a => districts.GetValueOrDefault(a) == caller.DistrictId));
                return outside is null ? null : $"Account {outside[0]} is not in district '{caller.DistrictId}'.";
            default:
                return "Unknown reach.";
        }
    }

    private RpcException Deny(ServerCallContext context, Caller? caller, string reason)
    {
        logger.Denied(context.Method, caller?.Subject ?? "(nobody)", caller?.Role.ToString() ?? "-", reason);
        return new RpcException(new Status(StatusCode.PermissionDenied, reason));
    }

    // Says which check failed, never echoing the token itself.
    private static string Describe(Exception? failure) => failure switch
    {
        SecurityTokenExpiredException => "it has expired",
        SecurityTokenNotYetValidException => "it is not valid yet",
        SecurityTokenInvalidAudienceException => "it is meant for another audience",
        SecurityTokenInvalidIssuerException => "it comes from an issuer this gateway does not trust",
        SecurityTokenSignatureKeyNotFoundException or SecurityTokenInvalidSignatureException => "its signature does not verify",
        _ => "it is malformed or invalid",
    };
}
