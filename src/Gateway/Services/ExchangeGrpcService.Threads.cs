using EPoomasi.Contracts.Exchange.V1;
using EPoomasi.Gateway.Errors;
using EPoomasi.Gateway.Mapping;
using Grpc.Core;

namespace EPoomasi.Gateway.Services;

/// <summary>Each deal's message thread, and the ratings after it.</summary>
public sealed partial class ExchangeGrpcService
{
    public override async Task<PostDealMessageResponse> PostDealMessage(PostDealMessageRequest request, ServerCallContext context)
    {
        var (requestId, dealId, accountId) = DealIds(request.RequestId, request.DealId, request.AccountId);
        var message = await runtime.Exchange.PostMessageAsync(requestId, dealId, accountId, request.Text, CallerAttribution.From(context), context.CancellationToken);
        return new() { Message = ExchangeMapping.Message(message) };
    }

    public override async Task<ListDealMessagesResponse> ListDealMessages(ListDealMessagesRequest request, ServerCallContext context)
    {
        var (dealId, accountId) = DealOf(request.DealId, request.AccountId);
        var messages = await runtime.Exchange.ListMessagesAsync(dealId, accountId, context.CancellationToken);
        var response = new ListDealMessagesResponse();
        response.Messages.AddRange(messages.Select(ExchangeMapping.Message));
        return response;
    }

    public override async Task<RateDealResponse> RateDeal(RateDealRequest request, ServerCallContext context)
    {
        var (dealId, accountId) = DealOf(request.DealId, request.AccountId);
        var rated = await runtime.Exchange.RateAsync(dealId, accountId, request.Stars, request.Comment, CallerAttribution.From(context), context.CancellationToken);
        return new() { Rated = rated };
    }

    public override async Task<GetFeedbackResponse> GetFeedback(GetFeedbackRequest request, ServerCallContext context)
    {
        var violations = new FieldViolations();
        var accountId = violations.Id("account_id", request.AccountId);
        violations.ThrowIfAny();
        return new() { Feedback = ExchangeMapping.Feedback(await runtime.Exchange.Feedback.SummaryAsync(accountId, context.CancellationToken)) };
    }

    private static (Guid DealId, Guid AccountId) DealOf(string dealId, string accountId)
    {
        var violations = new FieldViolations();
        var ids = (violations.Id("deal_id", dealId), violations.Id("account_id", accountId));
        violations.ThrowIfAny();
        return ids;
    }
}
