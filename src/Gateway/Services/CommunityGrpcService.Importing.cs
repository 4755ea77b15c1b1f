using Domain = EPoomasi.Community.Importing;
using EPoomasi.Contracts.Community.V1;
using EPoomasi.Gateway.Errors;
using EPoomasi.Gateway.Mapping;
using EPoomasi.Ledger;
using Grpc.Core;

namespace EPoomasi.Gateway.Services;

/// <summary>Moving members in from another time bank: proto → community module → proto.</summary>
public sealed partial class CommunityGrpcService
{
    private const int MaxImportRows = 1_000;

    public override async Task<ImportMembersResponse> ImportMembers(ImportMembersRequest request, ServerCallContext context)
    {
        if (request.Rows.Count is 0 or > MaxImportRows) throw FieldViolations.For("rows", $"Between 1 and {MaxImportRows:N0} rows a call.");
        var rows = request.Rows.Select(r => new Domain.ImportRow(
            r.Line, r.ExternalId, CommunityMapping.Profile(r.Profile ?? new MemberProfile(), request.DistrictId), new Minutes(r.OpeningBalanceMinutes))).ToList();
        var results = await runtime.Community.ImportMembersAsync(request.DistrictId, rows, request.DryRun, CallerAttribution.From(context), context.CancellationToken)
            ?? throw LedgerErrors.NotFound($"District '{request.DistrictId}'");
        var response = new ImportMembersResponse();
        response.Rows.AddRange(results.Select(r => new ImportRowResult
        {
            Line = r.Line,
            Result = r.Code switch
            {
                Domain.ImportCode.Ok => ImportResult.Ok,
                Domain.ImportCode.AlreadyImported => ImportResult.AlreadyImported,
                Domain.ImportCode.Invalid => ImportResult.Invalid,
                _ => ImportResult.BalanceRefused,
            },
            Problem = r.Problem ?? string.Empty,
            MemberId = r.MemberId?.ToString() ?? string.Empty,
            AccountId = r.AccountId?.ToString() ?? string.Empty,
        }));
        return response;
    }
}
