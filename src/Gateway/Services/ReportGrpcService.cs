using EPoomasi.Contracts.Ledger.V1;
using EPoomasi.Gateway.Errors;
using EPoomasi.Gateway.Hosting;
using EPoomasi.Gateway.Mapping;
using EPoomasi.Ledger;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Domain = EPoomasi.Ledger.Reading.Reports;

namespace EPoomasi.Gateway.Services;

/// <summary>Reports over a district's books, as of an instant: proto → ledger query → proto, with members' names.</summary>
public sealed class ReportGrpcService(LedgerRuntime runtime, TimeProvider time) : ReportService.ReportServiceBase
{
    private const int DefaultPageSize = 100;
    private const int MaxPageSize = 1_000;
    private const int MaxEdges = 50;
    private static readonly Minutes[] DefaultEdges = [new(-300), new(0), new(300), new(600), new(1_200), new(3_000)];

    public override async Task<GetSupplyResponse> GetSupply(GetSupplyRequest request, ServerCallContext context)
    {
        var asOf = AsOf(request.AsOf);
        await EnsureDistrictAsync(request.DistrictId, context.CancellationToken);
        var supply = await runtime.Ledger.GetSupplyAsync(request.DistrictId, asOf, context.CancellationToken);
        var response = new GetSupplyResponse
        {
            DistrictId = supply.DistrictId, AsOf = Timestamp.FromDateTimeOffset(supply.AsOf), MemberCount = supply.MemberCount,
            IssuedMinutes = supply.IssuedMinutes.Value, GrantedFromPotMinutes = supply.GrantedFromPotMinutes.Value, CommunityPotMinutes = supply.CommunityPotMinutes.Value,
            InCirculationMinutes = supply.InCirculationMinutes.Value, TotalMinutes = supply.TotalMinutes.Value, Balanced = supply.IsBalanced,
        };
        response.ClearingPositionsMinutes.Add(supply.ClearingPositions.ToDictionary(p => p.Key, p => p.Value.Value));
        return response;
    }

    public override async Task<GetHoursByMonthResponse> GetHoursByMonth(GetHoursByMonthRequest request, ServerCallContext context)
    {
        var until = AsOf(request.Until);
        var from = request.From is null ? until.AddMonths(-12) : Instant("from", request.From);
        if (from >= until) throw FieldViolations.For("from", "Must come before until.");
        await EnsureDistrictAsync(request.DistrictId, context.CancellationToken);
        var rows = await runtime.Ledger.GetHoursByMonthAsync(request.DistrictId, from, until, context.CancellationToken);
        var response = new GetHoursByMonthResponse();
        response.Rows.AddRange(rows.Select(r => new MonthlyHours { Month = r.Month, Code = ProtoEnums.ToProto(r.Code), Minutes = r.Minutes.Value, Transfers = r.Transfers }));
        return response;
    }

    public override async Task<GetBalanceDistributionResponse> GetBalanceDistribution(GetBalanceDistributionRequest request, ServerCallContext context)
    {
        var asOf = AsOf(request.AsOf);
        if (request.EdgesMinutes.Count > MaxEdges) throw FieldViolations.For("edges_minutes", $"At most {MaxEdges} edges.");
        if (request.EdgesMinutes.Zip(request.EdgesMinutes.Skip(1)).Any(pair => pair.First >= pair.Second)) throw FieldViolations.For("edges_minutes", "Must be strictly ascending.");
        await EnsureDistrictAsync(request.DistrictId, context.CancellationToken);
        var edges = request.EdgesMinutes.Count == 0 ? DefaultEdges : request.EdgesMinutes.Select(e => new Minutes(e)).ToArray();
        var buckets = await runtime.Ledger.GetBalanceDistributionAsync(request.DistrictId, asOf, edges, context.CancellationToken);
        var response = new GetBalanceDistributionResponse { AsOf = Timestamp.FromDateTimeOffset(asOf) };
        foreach (var bucket in buckets)
        {
            var proto = new BalanceBucket { Members = bucket.Members };
            if (bucket.From is { } from) proto.FromMinutes = from.Value;
            if (bucket.To is { } to) proto.ToMinutes = to.Value;
            response.Buckets.Add(proto);
        }

        return response;
    }

    public override async Task<ListDormantMembersResponse> ListDormantMembers(ListDormantMembersRequest request, ServerCallContext context)
    {
        var asOf = AsOf(request.AsOf);
        if (request.QuietDays is < 0 or > 3_650) throw FieldViolations.For("quiet_days", "From 1 to 3,650, or 0 for 180.");
        var (after, size) = Page(request.PageSize, request.PageToken, "dormant", request.DistrictId);
        await EnsureDistrictAsync(request.DistrictId, context.CancellationToken);
        var quiet = TimeSpan.FromDays(request.QuietDays == 0 ? 180 : request.QuietDays);
        var page = await runtime.Ledger.ListDormantMembersAsync(request.DistrictId, asOf, quiet, after, size, context.CancellationToken);
        var response = new ListDormantMembersResponse { NextPageToken = NextToken(page, "dormant", request.DistrictId) };
        response.Members.AddRange(await NamedAsync(page, context.CancellationToken));
        return response;
    }

    public override async Task<ListMembersNearLimitsResponse> ListMembersNearLimits(ListMembersNearLimitsRequest request, ServerCallContext context)
    {
        var asOf = AsOf(request.AsOf);
        if (request.WithinMinutes is < 0 or > 100_000) throw FieldViolations.For("within_minutes", "From 0 to 100,000.");
        var (after, size) = Page(request.PageSize, request.PageToken, "near", request.DistrictId);
        await EnsureDistrictAsync(request.DistrictId, context.CancellationToken);
        var page = await runtime.Ledger.ListMembersNearLimitsAsync(request.DistrictId, asOf, new Minutes(request.WithinMinutes), after, size, context.CancellationToken);
        var response = new ListMembersNearLimitsResponse { NextPageToken = NextToken(page, "near", request.DistrictId) };
        response.Members.AddRange(await NamedAsync(page, context.CancellationToken));
        return response;
    }

    public override async Task<ListMembersResponse> ListMembers(ListMembersRequest request, ServerCallContext context)
    {
        var (asOf, after, _, size) = Continued(request.PageSize, request.PageToken, "members", request.DistrictId, request.AsOf);
        await EnsureDistrictAsync(request.DistrictId, context.CancellationToken);
        var page = await runtime.Ledger.ListMembersAsync(request.DistrictId, asOf, after, size, context.CancellationToken);
        var response = new ListMembersResponse { AsOf = Timestamp.FromDateTimeOffset(asOf) };
        if (page.NextAfter is { } next) response.NextPageToken = ContinueToken("members", request.DistrictId, asOf, next, 0);
        response.Members.AddRange(await NamedAsync(page, context.CancellationToken));
        return response;
    }

    public override async Task<ListDistrictEntriesResponse> ListDistrictEntries(ListDistrictEntriesRequest request, ServerCallContext context)
    {
        var (asOf, afterAccount, afterPosition, size) = Continued(request.PageSize, request.PageToken, "entries", request.DistrictId, request.AsOf);
        await EnsureDistrictAsync(request.DistrictId, context.CancellationToken);
        var page = await runtime.Ledger.ListDistrictEntriesAsync(request.DistrictId, asOf, afterAccount, afterPosition, size, context.CancellationToken);
        var response = new ListDistrictEntriesResponse { AsOf = Timestamp.FromDateTimeOffset(asOf) };
        if (page.NextAfter is { } next) response.NextPageToken = ContinueToken("entries", request.DistrictId, asOf, next.AccountId, next.Position);
        response.Entries.AddRange(page.Entries.Select(e => new DistrictEntry { AccountId = e.AccountId.ToString(), Entry = ProtoMessages.ToProto(e.Entry) }));
        return response;
    }

    // A list read in pages keeps its first page's instant, carried in the token: an export of many pages is one picture.
    private (DateTimeOffset AsOf, Guid AfterAccount, long AfterPosition, int Size) Continued(int pageSize, string pageToken, string list, string districtId, Timestamp? asOf)
    {
        if (pageSize is < 0 or > MaxPageSize) throw FieldViolations.For("page_size", $"From 1 to {MaxPageSize:N0}, or 0 for {DefaultPageSize}.");
        var size = pageSize == 0 ? DefaultPageSize : pageSize;
        if (pageToken.Length == 0) return (AsOf(asOf), Guid.Empty, 0, size);
        var parts = PageToken.Decode(pageToken, "r2", $"{list}:{districtId}")?.Split(':');
        if (parts is not [var ticks, var account, var position] || !long.TryParse(ticks, System.Globalization.CultureInfo.InvariantCulture, out var utcTicks)
            || utcTicks < DateTimeOffset.MinValue.UtcTicks || utcTicks > DateTimeOffset.MaxValue.UtcTicks
            || !Guid.TryParse(account, out var afterAccount) || !long.TryParse(position, System.Globalization.CultureInfo.InvariantCulture, out var afterPosition))
        {
            throw FieldViolations.For("page_token", "Not a token this report gave; start again without one.");
        }

        return (new DateTimeOffset(utcTicks, TimeSpan.Zero), afterAccount, afterPosition, size);
    }

    private static string ContinueToken(string list, string districtId, DateTimeOffset asOf, Guid account, long position) =>
        PageToken.Encode("r2", $"{list}:{districtId}", string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{asOf.UtcTicks}:{account}:{position}"));

    // A report of the future would change as it arrives: an instant past now is read as now.
    private DateTimeOffset AsOf(Timestamp? asOf)
    {
        var now = time.GetUtcNow();
        if (asOf is null) return now;
        var instant = Instant("as_of", asOf);
        return instant > now ? now : instant;
    }

    private static DateTimeOffset Instant(string field, Timestamp value)
    {
        if (value.Seconds < Timestamp.FromDateTimeOffset(DateTimeOffset.UnixEpoch.AddYears(-1_000)).Seconds || value.Nanos is < 0 or > 999_999_999
            || value.Seconds > Timestamp.FromDateTimeOffset(new DateTimeOffset(9_000, 1, 1, 0, 0, 0, TimeSpan.Zero)).Seconds)
        {
            throw FieldViolations.For(field, "Not a valid instant.");
        }

        return value.ToDateTimeOffset();
    }

    private async Task EnsureDistrictAsync(string districtId, CancellationToken cancellationToken)
    {
        if (await runtime.Ledger.GetDistrictAsync(districtId, cancellationToken) is null) throw LedgerErrors.NotFound($"District '{districtId}'");
    }

    private static (Guid After, int Size) Page(int pageSize, string pageToken, string list, string districtId)
    {
        if (pageSize is < 0 or > MaxPageSize) throw FieldViolations.For("page_size", $"From 1 to {MaxPageSize:N0}, or 0 for {DefaultPageSize}.");
        var after = Guid.Empty;
        if (pageToken.Length > 0 && (PageToken.Decode(pageToken, "r1", $"{list}:{districtId}") is not { } position || !Guid.TryParse(position, out after)))
        {
            throw FieldViolations.For("page_token", "Not a token this report gave; start again without one.");
        }

        return (after, pageSize == 0 ? DefaultPageSize : pageSize);
    }

    private static string NextToken(Domain.MemberStandingPage page, string list, string districtId) =>
        page.NextAfter is { } next ? PageToken.Encode("r1", $"{list}:{districtId}", next.ToString()) : string.Empty;

    private async Task<IEnumerable<MemberStanding>> NamedAsync(Domain.MemberStandingPage page, CancellationToken cancellationToken)
    {
        var names = await runtime.Community.Members.NamesOfAccountsAsync(page.Members.Select(m => m.AccountId).ToList(), cancellationToken);
        return page.Members.Select(m => new MemberStanding
        {
            AccountId = m.AccountId.ToString(), HolderName = names.GetValueOrDefault(m.AccountId) ?? string.Empty,
            BalanceMinutes = m.Balance.Value, FloorMinutes = m.Floor.Value, CapMinutes = m.Cap.Value,
            LastActivity = m.LastActivity is { } last ? Timestamp.FromDateTimeOffset(last) : null, OpenedAt = Timestamp.FromDateTimeOffset(m.OpenedAt),
        });
    }
}
