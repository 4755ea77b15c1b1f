using EPoomasi.Exchange.Deals;
using EPoomasi.Exchange.Messages;
using EPoomasi.Ledger;
using EPoomasi.Ledger.Modules;

namespace EPoomasi.Exchange;

/// <summary>Each deal's messages and the ratings after it.</summary>
public sealed partial class ExchangeModule
{
    /// <summary>Adds a message to the deal's thread from the side holding <paramref name="accountId"/>. A repeat of the request id adds nothing.</summary>
    /// <exception cref="ExchangeNotFoundException">No such deal, or the account is on neither side.</exception>
    /// <exception cref="ExchangeInputException">The message is empty or too long.</exception>
    public async Task<DealMessage> PostMessageAsync(Guid requestId, Guid dealId, Guid accountId, string text, Attribution by, CancellationToken cancellationToken)
    {
        var deal = await DealOfSideAsync(dealId, accountId, cancellationToken);
        var message = await Messages.WriteAsync(requestId, dealId, deal.SideOf(accountId)!.Value, accountId, text, by, _time.GetUtcNow(), cancellationToken);
        await SubmitAsync(new NoteMessage(DerivedIds.From(requestId, "message"), by, dealId, accountId, requestId), cancellationToken);
        return message;
    }

    /// <summary>The deal's thread, oldest first, for either side.</summary>
    public async Task<IReadOnlyList<DealMessage>> ListMessagesAsync(Guid dealId, Guid accountId, CancellationToken cancellationToken)
    {
        await DealOfSideAsync(dealId, accountId, cancellationToken);
        return await Messages.ListAsync(dealId, cancellationToken);
    }

    /// <summary>The side holding <paramref name="accountId"/> rates the other, once, after the deal settled. Whether this rating was taken (false: rated before).</summary>
    /// <exception cref="ExchangeNotFoundException">No such deal, or the account is on neither side.</exception>
    /// <exception cref="ExchangeInputException">The deal has not settled, or the rating breaks a rule.</exception>
    public async Task<bool> RateAsync(Guid dealId, Guid accountId, int stars, string? comment, Attribution by, CancellationToken cancellationToken)
    {
        var deal = await DealOfSideAsync(dealId, accountId, cancellationToken);
        if (deal.Status != DealStatus.Settled) throw new ExchangeRuleException("DEAL_NOT_SETTLED", "평가는 거래가 끝난 뒤에 남길 수 있습니다. / A rating comes after the deal has settled.");
        var side = deal.SideOf(accountId)!.Value;
        var rated = side == DealSide.Provider ? deal.ReceiverAccountId : deal.ProviderAccountId;
        return await Feedback.AddAsync(dealId, side, accountId, rated, stars, comment, by, _time.GetUtcNow(), cancellationToken);
    }

    private async Task<Deal> DealOfSideAsync(Guid dealId, Guid accountId, CancellationToken cancellationToken)
    {
        var deal = await GetDealAsync(dealId, cancellationToken);
        if (deal?.SideOf(accountId) is null) throw new ExchangeNotFoundException($"계정 {accountId}이(가) 참여한 거래 {dealId}이(가) 없습니다. / No deal {dealId} with account {accountId} on a side.");
        return deal;
    }
}
