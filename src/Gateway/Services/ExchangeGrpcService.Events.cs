using System.Globalization;
using EPoomasi.Contracts.Exchange.V1;
using EPoomasi.Gateway.Errors;
using EPoomasi.Gateway.Mapping;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Domain = EPoomasi.Exchange.Events;

namespace EPoomasi.Gateway.Services;

/// <summary>Each member's event stream, from the ledger's log, resumable by token.</summary>
public sealed partial class ExchangeGrpcService
{
    public override async Task WatchMemberEvents(WatchMemberEventsRequest request, IServerStreamWriter<WatchMemberEventsResponse> responseStream, ServerCallContext context)
    {
        var violations = new FieldViolations();
        var accountId = violations.Id("account_id", request.AccountId);
        (long Position, int Index)? resume = null;
        if (request.ResumeToken.Length > 0)
        {
            resume = PageToken.Decode(request.ResumeToken, "e1", request.AccountId) is { } text && text.Split(':') is [var position, var index]
                && long.TryParse(position, CultureInfo.InvariantCulture, out var p) && int.TryParse(index, CultureInfo.InvariantCulture, out var i) && p > 0 && i >= 0
                    ? (p, i)
                    : null;
            if (resume is null) violations.Add("resume_token", "Not a token this account's stream gave; start again without one.");
        }

        violations.ThrowIfAny();
        var ct = context.CancellationToken;
        // Resuming reads the row of the last event again and skips what was sent from it.
        var cursor = resume is { } from ? from.Position - 1 : await feed.PositionAsync(ct);
        // Headers now, before any event: a client that waits for them knows that nothing from here on can be missed.
        await context.WriteResponseHeadersAsync([]);
        while (!ct.IsCancellationRequested)
        {
            var page = await feed.PageAsync(cursor, ct);
            foreach (var e in page.Events.Where(e => e.AccountId == accountId))
            {
                if (resume is { } last && (e.Position < last.Position || e.Position == last.Position && e.Index <= last.Index)) continue;
                await responseStream.WriteAsync(new WatchMemberEventsResponse { Event = Event(e, request.AccountId) }, ct);
            }

            if (page.Through > cursor) cursor = page.Through;
            else await feed.WaitPastAsync(cursor, ct);
        }
    }

    private static MemberEvent Event(Domain.MemberEvent e, string account) => new()
    {
        Kind = ExchangeMapping.ToProto<Domain.MemberEventKind, MemberEventKind>(e.Kind),
        AccountId = e.AccountId.ToString(),
        DealId = e.DealId?.ToString() ?? string.Empty,
        ListingId = e.ListingId?.ToString() ?? string.Empty,
        Title = e.Title,
        By = e.By,
        At = Timestamp.FromDateTimeOffset(e.At),
        Minutes = e.Minutes?.Value ?? 0,
        Text = e.Text ?? string.Empty,
        ResumeToken = PageToken.Encode("e1", account, string.Create(CultureInfo.InvariantCulture, $"{e.Position}:{e.Index}")),
    };
}
