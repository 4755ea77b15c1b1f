using EPoomasi.Contracts.Community.V1;
using EPoomasi.Gateway.Errors;
using EPoomasi.Gateway.Mapping;
using Grpc.Core;
using Domain = EPoomasi.Community.Closing;

namespace EPoomasi.Gateway.Services;

/// <summary>Closing a member's account with its settlement: proto → community module → proto.</summary>
public sealed partial class CommunityGrpcService
{
    public override async Task<CloseMemberAccountResponse> CloseMemberAccount(CloseMemberAccountRequest request, ServerCallContext context)
    {
        var violations = new FieldViolations();
        var requestId = violations.Id("request_id", request.RequestId);
        var accountId = violations.Id("account_id", request.AccountId);
        violations.ThrowIfAny();
        // A proposal holds nothing yet, but would be accepted onto a closed account: the member ends their deals first.
        // One accepted after this look holds credit, and closing refuses the pending hold.
        if (await runtime.Ledger.GetAccountAsync(accountId, context.CancellationToken) is { } account && account.DistrictId == request.DistrictId
            && await runtime.Exchange.HasOpenDealsAsync(accountId, context.CancellationToken))
        {
            return new CloseMemberAccountResponse { Result = ClosingResult.OpenDeals };
        }

        var result = await runtime.Community.CloseAccountAsync(requestId, request.DistrictId, accountId, request.Reason, CallerAttribution.From(context), context.CancellationToken);
        return new CloseMemberAccountResponse
        {
            Result = result.Code switch
            {
                Domain.ClosingCode.Closed => ClosingResult.Closed,
                Domain.ClosingCode.AlreadyClosed => ClosingResult.AlreadyClosed,
                Domain.ClosingCode.NotFound => ClosingResult.NotFound,
                Domain.ClosingCode.OtherDistrict => ClosingResult.OtherDistrict,
                Domain.ClosingCode.NotAMember => ClosingResult.NotAMember,
                Domain.ClosingCode.HoldsPending => ClosingResult.HoldsPending,
                Domain.ClosingCode.ReasonRequired => ClosingResult.ReasonRequired,
                Domain.ClosingCode.SettlementRefused => ClosingResult.SettlementRefused,
                _ => ClosingResult.Busy,
            },
            SettledMinutes = result.Settled.Value,
            LedgerRefusal = result.LedgerRefusal ?? string.Empty,
        };
    }
}
