using EPoomasi.Contracts.Exchange.V1;
using EPoomasi.Gateway.Errors;
using EPoomasi.Gateway.Mapping;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Domain = EPoomasi.Exchange.Sessions;

namespace EPoomasi.Gateway.Services;

/// <summary>Group sessions: one provider, several receivers, settled as one linked batch.</summary>
public sealed partial class ExchangeGrpcService
{
    public override async Task<OpenSessionResponse> OpenSession(OpenSessionRequest request, ServerCallContext context)
    {
        var violations = new FieldViolations();
        var requestId = violations.Id("request_id", request.RequestId);
        var listingId = violations.Id("listing_id", request.ListingId);
        var accountId = violations.Id("account_id", request.AccountId);
        if (request.ShareMinutes < 0) violations.Add("share_minutes", "0 for the listing's minutes, or positive.");
        var settleBy = Optional(violations, "settle_by", request.SettleBy);
        violations.ThrowIfAny();
        var result = await runtime.Exchange.OpenSessionAsync(
            requestId, listingId, accountId, request.Seats, ExchangeMapping.OptionalMinutes(request.ShareMinutes), settleBy, CallerAttribution.From(context), context.CancellationToken);
        return new() { Outcome = await SessionAnswerAsync(result, accountId, context.CancellationToken) };
    }

    public override async Task<JoinSessionResponse> JoinSession(JoinSessionRequest request, ServerCallContext context)
    {
        var (requestId, sessionId, accountId) = SessionIds(request.RequestId, request.SessionId, request.AccountId);
        var result = await runtime.Exchange.JoinSessionAsync(requestId, sessionId, accountId, CallerAttribution.From(context), context.CancellationToken);
        return new() { Outcome = await SessionAnswerAsync(result, accountId, context.CancellationToken) };
    }

    public override async Task<LeaveSessionResponse> LeaveSession(LeaveSessionRequest request, ServerCallContext context)
    {
        var (requestId, sessionId, accountId) = SessionIds(request.RequestId, request.SessionId, request.AccountId);
        var result = await runtime.Exchange.LeaveSessionAsync(requestId, sessionId, accountId, CallerAttribution.From(context), context.CancellationToken);
        return new() { Outcome = await SessionAnswerAsync(result, accountId, context.CancellationToken) };
    }

    public override async Task<SettleSessionResponse> SettleSession(SettleSessionRequest request, ServerCallContext context)
    {
        var violations = new FieldViolations();
        var (requestId, sessionId, accountId) = (violations.Id("request_id", request.RequestId), violations.Id("session_id", request.SessionId), violations.Id("account_id", request.AccountId));
        var absent = request.AbsentAccountIds.Select((id, i) => violations.Id($"absent_account_ids[{i}]", id)).ToList();
        if (absent.Count > Domain.Session.MaxSeats) violations.Add("absent_account_ids", $"At most {Domain.Session.MaxSeats}.");
        violations.ThrowIfAny();
        var result = await runtime.Exchange.SettleSessionAsync(requestId, sessionId, accountId, absent, CallerAttribution.From(context), context.CancellationToken);
        return new() { Outcome = await SessionAnswerAsync(result, accountId, context.CancellationToken) };
    }

    public override async Task<CancelSessionResponse> CancelSession(CancelSessionRequest request, ServerCallContext context)
    {
        var (requestId, sessionId, accountId) = SessionIds(request.RequestId, request.SessionId, request.AccountId);
        var result = await runtime.Exchange.CancelSessionAsync(requestId, sessionId, accountId, CallerAttribution.From(context), context.CancellationToken);
        return new() { Outcome = await SessionAnswerAsync(result, accountId, context.CancellationToken) };
    }

    public override async Task<GetSessionResponse> GetSession(GetSessionRequest request, ServerCallContext context)
    {
        var violations = new FieldViolations();
        var (accountId, sessionId) = (violations.Id("account_id", request.AccountId), violations.Id("session_id", request.SessionId));
        violations.ThrowIfAny();
        var session = await runtime.Exchange.GetSessionAsync(sessionId, context.CancellationToken) ?? throw LedgerErrors.NotFound($"Session {sessionId}");
        return new() { Session = await SessionAsync(sessionId, session, accountId, context.CancellationToken) };
    }

    private async Task<SessionOutcome> SessionAnswerAsync(Domain.SessionResult result, Guid viewer, CancellationToken cancellationToken)
    {
        var outcome = new SessionOutcome
        {
            Result = ExchangeMapping.ToProto<Domain.SessionCode, SessionResult>(result.Code),
            Replayed = result.Replayed,
            LedgerRefusal = result.LedgerRefusal ?? string.Empty,
            SessionId = result.SessionId.ToString(),
        };
        if (result.Session is { } session) outcome.Session = await SessionAsync(result.SessionId, session, viewer, cancellationToken);
        return outcome;
    }

    // The provider sees everyone; anyone else only themselves.
    private async Task<Session> SessionAsync(Guid id, Domain.Session session, Guid viewer, CancellationToken cancellationToken)
    {
        var shown = session.Participants.Where(p => viewer == session.ProviderAccountId || p.AccountId == viewer).ToList();
        var names = await runtime.Community.Members.NamesOfAccountsAsync([session.ProviderAccountId, .. shown.Select(p => p.AccountId)], cancellationToken);
        var proto = new Session
        {
            SessionId = id.ToString(), ListingId = session.ListingId.ToString(), Title = session.Title, ProviderAccountId = session.ProviderAccountId.ToString(),
            ProviderName = names.GetValueOrDefault(session.ProviderAccountId) ?? string.Empty, ShareMinutes = session.Share.Value, Seats = session.Seats,
            SeatsTaken = session.Present.Count, Status = ExchangeMapping.ToProto<Domain.SessionStatus, SessionStatus>(session.Status),
            SettleBy = Timestamp.FromDateTimeOffset(session.SettleBy),
        };
        proto.Participants.AddRange(shown.Select(p => new SessionParticipant
        {
            AccountId = p.AccountId.ToString(), Name = names.GetValueOrDefault(p.AccountId) ?? string.Empty, DistrictId = p.DistrictId, Left = p.Left,
        }));
        return proto;
    }

    private static (Guid RequestId, Guid SessionId, Guid AccountId) SessionIds(string requestId, string sessionId, string accountId)
    {
        var violations = new FieldViolations();
        var ids = (violations.Id("request_id", requestId), violations.Id("session_id", sessionId), violations.Id("account_id", accountId));
        violations.ThrowIfAny();
        return ids;
    }
}
