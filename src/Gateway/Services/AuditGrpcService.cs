using EPoomasi.Contracts.Ledger.V1;
using EPoomasi.Gateway.Errors;
using EPoomasi.Gateway.Hosting;
using Grpc.Core;
using Journal = EPoomasi.Ledger.Auditing.Journal;

namespace EPoomasi.Gateway.Services;

/// <summary>Auditors' proofs: the journal's chain verified, the projections rebuilt and compared.</summary>
public sealed class AuditGrpcService(LedgerRuntime ledger) : AuditService.AuditServiceBase
{
    public override async Task<VerifyJournalResponse> VerifyJournal(VerifyJournalRequest request, ServerCallContext context)
    {
        Journal.JournalLink? from = null;
        if (request.FromLink.Length > 0 && !Journal.JournalLink.TryParse(request.FromLink, out from))
        {
            throw FieldViolations.For("from_link", "A link as \"sequence:hash\": the sequence number, a colon and 64 hex digits, as VerifyJournal's head gives it.");
        }

        var verification = await ledger.Ledger.VerifyJournalAsync(from, context.CancellationToken);
        var response = new VerifyJournalResponse
        {
            Holds = verification.Holds,
            VerifiedRows = verification.VerifiedRows,
            UnsealedRows = verification.UnsealedRows,
        };
        if (verification.Head is { } head) response.Head = new JournalLink { Sequence = head.Sequence, Hash = head.HashHex };
        if (verification.FirstBreak is { } broken) response.FirstBreak = new JournalBreak { Sequence = broken.Sequence, Kind = (JournalBreakKind)(int)broken.Kind };
        return response;
    }

    public override async Task<RebuildProjectionsResponse> RebuildProjections(RebuildProjectionsRequest request, ServerCallContext context)
    {
        var report = await ledger.Ledger.RebuildProjectionsAsync(context.CancellationToken);
        var response = new RebuildProjectionsResponse { Agrees = report.Agrees, EventsRead = report.EventsRead, LastSequence = report.LastSequence };
        foreach (var (table, rows) in report.RowsCompared) response.RowsCompared[table] = rows;
        if (report.FirstDifference is { } difference)
        {
            response.FirstDifference = new ProjectionDifference
            {
                Table = difference.Table,
                Key = difference.Key,
                Column = difference.Column,
                Live = ErrorText.Clip(difference.Live ?? "", 2_000),
                Rebuilt = ErrorText.Clip(difference.Rebuilt ?? "", 2_000),
            };
        }

        return response;
    }
}
