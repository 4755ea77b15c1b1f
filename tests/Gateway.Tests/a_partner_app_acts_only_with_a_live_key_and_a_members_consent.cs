using EPoomasi.Contracts.Identity.V1;
using EPoomasi.Contracts.Ledger.V1;
using Grpc.Core;

namespace EPoomasi.Gateway.Tests;

public sealed class a_partner_app_acts_only_with_a_live_key_and_a_members_consent(GatewayFixture gateway)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact(Timeout = TestTimeouts.Default)]
    public async Task a_rotated_out_and_revoked_key_is_refused_while_the_new_key_works()
    {
        var district = await Seed.DistrictAsync(gateway);
        var account = await Seed.MemberAsync(gateway, district, welcomeMinutes: 60);
        var owner = GatewayFixture.Member(district, account);
        var admin = new PartnerAppService.PartnerAppServiceClient(gateway.Invoker(GatewayFixture.Administrator));
        var appId = "tools-" + Guid.NewGuid().ToString("N")[..8];
        var first = await admin.RegisterPartnerAppAsync(new RegisterPartnerAppRequest { AppId = appId, Name = "Tool library", Scopes = { "accounts:read" } }, cancellationToken: Ct);
        var second = await admin.IssueApiKeyAsync(new IssueApiKeyRequest { AppId = appId }, cancellationToken: Ct);
        var read = new GetAccountRequest { AccountId = account };

        var beforeRevocation = await new LedgerService.LedgerServiceClient(gateway.Invoker(owner, first.ApiKey)).GetAccountAsync(read, cancellationToken: Ct);
        var revoked = await admin.RevokeApiKeyAsync(new RevokeApiKeyRequest { AppId = appId, KeyId = first.KeyId }, cancellationToken: Ct);
        var refused = await Assert.ThrowsAsync<RpcException>(() => new LedgerService.LedgerServiceClient(gateway.Invoker(owner, first.ApiKey)).GetAccountAsync(read, cancellationToken: Ct).ResponseAsync);
        var withNewKey = await new LedgerService.LedgerServiceClient(gateway.Invoker(owner, second.ApiKey)).GetAccountAsync(read, cancellationToken: Ct);

        Assert.Equal(60, beforeRevocation.Account.BalanceMinutes);
        Assert.True(revoked.Changed);
        Assert.Equal((StatusCode.Unauthenticated, "The API key is unknown, malformed or revoked."), (refused.StatusCode, refused.Status.Detail));
        Assert.Equal(60, withNewKey.Account.BalanceMinutes);
    }

    [Fact(Timeout = TestTimeouts.Default)]
    public async Task without_a_members_token_an_app_reaches_only_the_accounts_granted_to_it_and_loses_them_when_revoked()
    {
        var district = await Seed.DistrictAsync(gateway);
        var granted = await Seed.MemberAsync(gateway, district);
        var other = await Seed.MemberAsync(gateway, district);
        var admin = new PartnerAppService.PartnerAppServiceClient(gateway.Invoker(GatewayFixture.Administrator));
        var appId = "coop-" + Guid.NewGuid().ToString("N")[..8];
        var key = (await admin.RegisterPartnerAppAsync(new RegisterPartnerAppRequest { AppId = appId, Name = "Care co-op", Scopes = { "accounts:read", "transfers:write" } }, cancellationToken: Ct)).ApiKey;
        var member = new PartnerAppService.PartnerAppServiceClient(gateway.Invoker(GatewayFixture.Member(district, granted)));
        await member.GrantAppAccessAsync(new GrantAppAccessRequest { AppId = appId, AccountId = granted, Scopes = { "accounts:read" } }, cancellationToken: Ct);
        var app = new LedgerService.LedgerServiceClient(gateway.Invoker(null, key));

        await app.GetAccountAsync(new GetAccountRequest { AccountId = granted }, cancellationToken: Ct);
        var notGranted = await Assert.ThrowsAsync<RpcException>(() => app.GetAccountAsync(new GetAccountRequest { AccountId = other }, cancellationToken: Ct).ResponseAsync);
        var outOfScope = await Assert.ThrowsAsync<RpcException>(() => app.CreateTransfersAsync(new CreateTransfersRequest { Transfers = { new TransferToCreate
            { TransferId = Guid.NewGuid().ToString(), DebitAccountId = granted, CreditAccountId = other, AmountMinutes = 1, Code = TransferCode.Service } } }, cancellationToken: Ct).ResponseAsync);
        await member.RevokeAppAccessAsync(new RevokeAppAccessRequest { AppId = appId, AccountId = granted }, cancellationToken: Ct);
        var afterRevoke = await Assert.ThrowsAsync<RpcException>(() => app.GetAccountAsync(new GetAccountRequest { AccountId = granted }, cancellationToken: Ct).ResponseAsync);

        Assert.Equal(StatusCode.PermissionDenied, notGranted.StatusCode);
        Assert.Equal(StatusCode.PermissionDenied, outOfScope.StatusCode);
        Assert.Equal(StatusCode.PermissionDenied, afterRevoke.StatusCode);
    }

    [Fact(Timeout = TestTimeouts.Default)]
    public async Task a_transfer_made_by_an_app_is_recorded_as_the_app_acting_for_the_member()
    {
        var district = await Seed.DistrictAsync(gateway);
        var payer = await Seed.MemberAsync(gateway, district, welcomeMinutes: 60);
        var payee = await Seed.MemberAsync(gateway, district);
        var appId = "ride-" + Guid.NewGuid().ToString("N")[..8];
        var key = (await new PartnerAppService.PartnerAppServiceClient(gateway.Invoker(GatewayFixture.Administrator))
            .RegisterPartnerAppAsync(new RegisterPartnerAppRequest { AppId = appId, Name = "Ride share", Scopes = { "transfers:write" } }, cancellationToken: Ct)).ApiKey;
        var memberToken = GatewayFixture.Token(Security.Role.Member, "member:han", district, Guid.Parse(payer));

        var outcome = (await new LedgerService.LedgerServiceClient(gateway.Invoker(memberToken, key)).CreateTransfersAsync(new CreateTransfersRequest { Transfers = { new TransferToCreate
            { TransferId = Guid.NewGuid().ToString(), DebitAccountId = payer, CreditAccountId = payee, AmountMinutes = 20, Code = TransferCode.Service } } }, cancellationToken: Ct)).Outcomes.Single();

        Assert.Equal(TransferResult.Ok, outcome.Result);
        Assert.Equal(($"partner:{appId}", "member:han", $"partner:{appId}"), (outcome.Transfer.EnteredBy.ActorId, outcome.Transfer.EnteredBy.OnBehalfOf, outcome.Transfer.EnteredBy.Channel));
    }
}
