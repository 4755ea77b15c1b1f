using EPoomasi.Contracts.Exchange.V1;
using EPoomasi.Contracts.Ledger.V1;

namespace EPoomasi.Gateway.Tests;

/// <summary>Listings and deal steps for exchange tests, through the public API, as members' apps would send them.</summary>
public static class Trade
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static async Task LinkAsync(GatewayFixture gateway, string district, string other) =>
        await gateway.Administration(GatewayFixture.Administrator).SetTrustLimitAsync(
            new SetTrustLimitRequest { DistrictId = district, CounterpartDistrictId = other, LimitMinutes = 60_000, Reason = "이웃 구 / neighbours" }, cancellationToken: Ct);

    public static async Task<string> ListAsync(
        ExchangeService.ExchangeServiceClient exchange, string owner, string title, string description = "", string titleEn = "", ListingKind kind = ListingKind.Offer,
        ListingCategory category = ListingCategory.Repair, long minutes = 120)
    {
        var outcome = (await exchange.CreateListingAsync(new CreateListingRequest
        {
            RequestId = Guid.NewGuid().ToString(), OwnerAccountId = owner, Kind = kind,
            Text = new ListingText { Type = ListingType.Service, Category = category, Title = title, TitleEn = titleEn, Description = description, Minutes = minutes },
        }, cancellationToken: Ct)).Outcome;
        Assert.Equal(ListingResult.Created, outcome.Result);
        return outcome.ListingId;
    }

    public static async Task<DealOutcome> ProposeAsync(ExchangeService.ExchangeServiceClient exchange, string listing, string account, long minutes = 0, string message = "") =>
        (await exchange.ProposeDealAsync(new ProposeDealRequest
        {
            RequestId = Guid.NewGuid().ToString(), ListingId = listing, AccountId = account, AmountMinutes = minutes, Message = message,
        }, cancellationToken: Ct)).Outcome;

    public static async Task<DealOutcome> AcceptAsync(ExchangeService.ExchangeServiceClient exchange, string deal, string account) =>
        (await exchange.AcceptDealAsync(new AcceptDealRequest { RequestId = Guid.NewGuid().ToString(), DealId = deal, AccountId = account }, cancellationToken: Ct)).Outcome;

    public static async Task<DealOutcome> ClaimAsync(ExchangeService.ExchangeServiceClient exchange, string deal, string account, long minutes) =>
        (await exchange.ClaimDealAsync(new ClaimDealRequest { RequestId = Guid.NewGuid().ToString(), DealId = deal, AccountId = account, Minutes = minutes }, cancellationToken: Ct)).Outcome;

    public static async Task<DealOutcome> ConfirmAsync(ExchangeService.ExchangeServiceClient exchange, string deal, string account, bool agreeAbove = false, string? requestId = null) =>
        (await exchange.ConfirmDealAsync(new ConfirmDealRequest
        {
            RequestId = requestId ?? Guid.NewGuid().ToString(), DealId = deal, AccountId = account, AgreeAboveHold = agreeAbove,
        }, cancellationToken: Ct)).Outcome;

    public static async Task<DealOutcome> DisputeAsync(ExchangeService.ExchangeServiceClient exchange, string deal, string account, string reason = "약속한 시간에 오지 않았어요") =>
        (await exchange.DisputeDealAsync(new DisputeDealRequest { RequestId = Guid.NewGuid().ToString(), DealId = deal, AccountId = account, Reason = reason }, cancellationToken: Ct)).Outcome;

    public static async Task<DealOutcome> CancelAsync(ExchangeService.ExchangeServiceClient exchange, string deal, string account) =>
        (await exchange.CancelDealAsync(new CancelDealRequest { RequestId = Guid.NewGuid().ToString(), DealId = deal, AccountId = account }, cancellationToken: Ct)).Outcome;

    public static async Task<Account> AccountAsync(GatewayFixture gateway, string account) =>
        (await gateway.Ledger(GatewayFixture.Auditor).GetAccountAsync(new GetAccountRequest { AccountId = account }, cancellationToken: Ct)).Account;

    /// <summary>The deal's hold as the ledger holds it.</summary>
    public static async Task<Transfer> HoldAsync(GatewayFixture gateway, string holdId) =>
        (await gateway.Ledger(GatewayFixture.Auditor).LookupTransfersAsync(new LookupTransfersRequest { TransferIds = { holdId } }, cancellationToken: Ct)).Transfers.Single();
}
