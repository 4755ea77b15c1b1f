using System.CommandLine;
using EPoomasi.Presentation.Reports;
using EPoomasi.Contracts.Ledger.V1;
using Google.Protobuf.WellKnownTypes;

namespace EPoomasi.Cli.Commands;

/// <summary>A district's reports as tables, and as charts on request; each as of an instant (now by default).</summary>
internal static class ReportCommands
{
    public static Command Report()
    {
        var report = new Command("report", "보고서 / a district's reports, as tables and charts (coordinators, auditors)");
        foreach (var command in All()) report.Subcommands.Add(command);
        return report;
    }

    private static IEnumerable<Command> All()
    {
        var district = Inputs.District();
        var asOf = Inputs.InstantOption("--as-of", "기준 시각 / as of this instant (now when left out)");
        var chart = Inputs.Chart();

        var city = new Option<bool>("--city") { Description = "모든 구와 시 전체 합계 / every district, and the city's totals (auditors)" };
        yield return Define.Command("supply", "발행과 유통 / issued, in the pot, in circulation, clearing: they sum to zero", [district, asOf, chart, city],
            async (parse, session, cancellationToken) =>
            {
                if (parse.GetValue(city)) return await CitySupplyAsync(session, parse.GetValue(asOf), cancellationToken);
                var request = new GetSupplyRequest { DistrictId = session.District(parse.GetValue(district)) };
                if (parse.GetValue(asOf) is { } at) request.AsOf = Timestamp.FromDateTimeOffset(at);
                var supply = await session.Gateway.Reports(session.Token).GetSupplyAsync(request, cancellationToken: cancellationToken);
                var rows = new List<(string Label, long Minutes)>
                {
                    ("발행 누계 / issued", supply.IssuedMinutes),
                    ("유통 중 / in circulation", supply.InCirculationMinutes),
                    ("공동기금 / in the pot", supply.CommunityPotMinutes),
                    ("기금 지원 누계 / granted from the pot", supply.GrantedFromPotMinutes),
                };
                rows.AddRange(supply.ClearingPositionsMinutes.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => ($"정산 / clearing with {p.Key}", p.Value)));
                Console.WriteLine($"  {supply.DistrictId}  {Seoul.Format(supply.AsOf)} 기준 / as of (Seoul)   회원 members: {supply.MemberCount:N0}");
                foreach (var (label, minutes) in rows) Console.WriteLine($"  {label,-34} {Hours.Format(minutes),14}");
                Console.WriteLine($"  {"합계 / total (0 = balanced)",-34} {Hours.Format(supply.TotalMinutes),14}  {(supply.Balanced ? "균형 balanced" : "불균형 UNBALANCED")}");
                if (parse.GetValue(chart) is { } path)
                {
                    Chart.Save(Chart.Bars($"{supply.DistrictId} 발행과 유통 / supply, {Seoul.Format(supply.AsOf)}", "시간 / hours", rows.Select(r => r.Label).ToList(), rows.Select(r => r.Minutes / 60.0).ToList()), path);
                    Console.WriteLine($"  차트 / chart: {path}");
                }

                return supply.Balanced ? 0 : 1;
            });

        var from = Inputs.InstantOption("--from", "시작 / from this instant (twelve months before --until when left out)");
        var until = Inputs.InstantOption("--until", "끝 / until this instant, not included (now when left out)");
        yield return Define.Command("months", "월별 교환 시간 (종류별) / hours members received per month, by kind", [district, from, until, chart],
            async (parse, session, cancellationToken) =>
            {
                var request = new GetHoursByMonthRequest { DistrictId = session.District(parse.GetValue(district)) };
                if (parse.GetValue(from) is { } start) request.From = Timestamp.FromDateTimeOffset(start);
                if (parse.GetValue(until) is { } end) request.Until = Timestamp.FromDateTimeOffset(end);
                var report = new HoursByMonth((await session.Gateway.Reports(session.Token).GetHoursByMonthAsync(request, cancellationToken: cancellationToken)).Rows);
                Console.WriteLine($"  {"월 month",-9}" + string.Concat(report.Codes.Select(c => $" {Categories.Label(c),18}")));
                foreach (var month in report.Months)
                {
                    Console.WriteLine($"  {month,-9}" + string.Concat(report.Codes.Select(c => $" {Hours.Format(report.Minutes(month, c)),18}")));
                }

                if (report.Months.Count == 0) Console.WriteLine("  이 기간에 받은 시간이 없습니다 / nothing received in this period");
                if (parse.GetValue(chart) is { } path)
                {
                    Chart.Save(report.Chart($"{request.DistrictId} 월별 시간 / hours per month"), path);
                    Console.WriteLine($"  차트 / chart: {path}");
                }

                return 0;
            });

        yield return Define.Command("distribution", "잔액 분포 / how many members hold balances in each range", [district, asOf, chart],
            async (parse, session, cancellationToken) =>
            {
                var request = new GetBalanceDistributionRequest { DistrictId = session.District(parse.GetValue(district)) };
                if (parse.GetValue(asOf) is { } at) request.AsOf = Timestamp.FromDateTimeOffset(at);
                var response = await session.Gateway.Reports(session.Token).GetBalanceDistributionAsync(request, cancellationToken: cancellationToken);
                var labels = response.Buckets.Select(Range).ToList();
                Console.WriteLine($"  {Seoul.Format(response.AsOf)} 기준 / as of (Seoul)");
                foreach (var (bucket, label) in response.Buckets.Zip(labels)) Console.WriteLine($"  {label,-22} {bucket.Members,8:N0}명 members");
                if (parse.GetValue(chart) is { } path)
                {
                    Chart.Save(Chart.Bars($"{request.DistrictId} 잔액 분포 / balances, {Seoul.Format(response.AsOf)}", "회원 / members", labels, response.Buckets.Select(b => (double)b.Members).ToList()), path);
                    Console.WriteLine($"  차트 / chart: {path}");
                }

                return 0;
            });

        var quietDays = new Option<int>("--quiet-days") { Description = "활동 없는 날 수 / days without activity (1 to 3,650)", DefaultValueFactory = _ => 180 };
        yield return Define.Command("dormant", "휴면 회원 / members with no activity for a while", [district, asOf, quietDays, Inputs.All],
            async (parse, session, cancellationToken) =>
            {
                var request = new ListDormantMembersRequest { DistrictId = session.District(parse.GetValue(district)), QuietDays = parse.GetValue(quietDays) };
                if (parse.GetValue(asOf) is { } at) request.AsOf = Timestamp.FromDateTimeOffset(at);
                return await MembersAsync(parse, async token =>
                {
                    request.PageToken = token;
                    var page = await session.Gateway.Reports(session.Token).ListDormantMembersAsync(request, cancellationToken: cancellationToken);
                    return (page.Members, page.NextPageToken);
                });
            });

        var within = Inputs.AmountOption("--within", "한도까지 남은 시간 / how close to a limit counts as near");
        yield return Deals(district);
        foreach (var command in Flagged(district)) yield return command;

        yield return Define.Command("near-limits", "한도에 가까운 회원 / members at or near their floor or cap", [district, asOf, within, Inputs.All],
            async (parse, session, cancellationToken) =>
            {
                var request = new ListMembersNearLimitsRequest { DistrictId = session.District(parse.GetValue(district)), WithinMinutes = parse.GetValue(within) ?? 60 };
                if (parse.GetValue(asOf) is { } at) request.AsOf = Timestamp.FromDateTimeOffset(at);
                return await MembersAsync(parse, async token =>
                {
                    request.PageToken = token;
                    var page = await session.Gateway.Reports(session.Token).ListMembersNearLimitsAsync(request, cancellationToken: cancellationToken);
                    return (page.Members, page.NextPageToken);
                });
            });
    }

    /// <summary>Members' reports of listings and ratings, and a coordinator's decision on one.</summary>
    private static IEnumerable<Command> Flagged(Option<string?> district)
    {
        var all = new Option<bool>("--all") { Description = "결정된 것도 / decided ones too" };
        yield return Define.Command("flagged", "신고된 목록과 평가 / listings and ratings members reported", [district, all],
            async (parse, session, cancellationToken) =>
            {
                var request = new Contracts.Exchange.V1.ListContentReportsRequest { DistrictId = session.District(parse.GetValue(district)), All = parse.GetValue(all), PageSize = 100 };
                var count = 0;
                do
                {
                    var page = await session.Gateway.Exchange(session.Token).ListContentReportsAsync(request, cancellationToken: cancellationToken);
                    foreach (var report in page.Reports)
                    {
                        var decided = report.Decision.Length > 0 ? $"  → {report.Decision} ({report.DecidedBy})" : "";
                        Console.WriteLine($"  {report.ReportId}  {Printer.Label(report.Content),-8} {report.TargetId}  {Seoul.Format(report.ReportedAt)}  {report.Reason}{decided}");
                        count++;
                    }

                    request.PageToken = page.NextPageToken;
                }
                while (request.PageToken.Length > 0);

                Console.WriteLine($"  {count}건 / reports");
                return 0;
            });

        var id = Inputs.Id("report", "신고 번호 / the report's id");
        var decision = new Option<string>("--decision") { Description = "결정 / what you decided", Required = true };
        yield return Define.Command("decide", "신고에 대한 결정 기록 / record what you decided about a report", [id, decision, district],
            async (parse, session, cancellationToken) =>
            {
                var report = (await session.Gateway.Exchange(session.Token).DecideContentReportAsync(new Contracts.Exchange.V1.DecideContentReportRequest
                {
                    DistrictId = session.District(parse.GetValue(district)), ReportId = parse.GetValue(id)!, Decision = parse.GetValue(decision)!,
                }, cancellationToken: cancellationToken)).Report;
                Console.WriteLine($"  기록했습니다 / recorded: {report.Decision}");
                return 0;
            });
    }

    /// <summary>Open deals and disputes waiting: the exchange's side of a district's day.</summary>
    private static Command Deals(Option<string?> district)
    {
        var disputed = new Option<bool>("--disputed") { Description = "이의만 / only disputes waiting for a ruling" };
        return Define.Command("deals", "진행 중인 거래와 이의 / open deals and disputes waiting for a ruling", [district, disputed],
            async (parse, session, cancellationToken) =>
            {
                var request = new Contracts.Exchange.V1.ListDistrictDealsRequest { DistrictId = session.District(parse.GetValue(district)) };
                if (parse.GetValue(disputed)) request.Statuses.Add(Contracts.Exchange.V1.DealStatus.Disputed);
                var found = await session.Gateway.Exchange(session.Token).ListDistrictDealsAsync(request, cancellationToken: cancellationToken);
                Console.WriteLine("  " + string.Join(", ", found.Counts.Select(c => $"{Printer.Label(c.Status)} {c.Count}")) + (found.Truncated ? " (첫 1,000건 / the first 1,000)" : ""));
                foreach (var deal in found.Deals)
                {
                    var provider = deal.ProviderName.Length > 0 ? deal.ProviderName : deal.ProviderAccountId[..8];
                    var receiver = deal.ReceiverName.Length > 0 ? deal.ReceiverName : deal.ReceiverAccountId[..8];
                    var why = deal.DisputeReason.Length > 0 ? $"  이의 / disputed: {deal.DisputeReason}" : "";
                    Console.WriteLine($"  {deal.DealId}  {Printer.Label(deal.Status),-9} {Hours.Format(deal.AmountMinutes),9}  {provider} → {receiver}  {deal.Title}{why}");
                }

                return 0;
            });
    }

    // One line per district, as of one instant, and the city's totals: every district's sum is zero, and the clearing
    // positions between districts cancel out.
    private static async Task<int> CitySupplyAsync(Session session, DateTimeOffset? asOf, CancellationToken cancellationToken)
    {
        var at = Timestamp.FromDateTimeOffset(asOf ?? TimeProvider.System.GetUtcNow());
        var districts = (await session.Gateway.Ledger(session.Token).ListDistrictsAsync(new ListDistrictsRequest(), cancellationToken: cancellationToken)).Districts;
        Console.WriteLine($"  {Seoul.Format(at)} 기준 / as of (Seoul)");
        Console.WriteLine($"  {"구 district",-14} {"회원 members",12} {"발행 issued",14} {"유통 circulation",16} {"기금 pot",12} {"정산 clearing",14} {"합계 total",12}");
        var (members, issued, circulation, pot, clearing, total, unbalanced) = (0L, 0L, 0L, 0L, 0L, 0L, 0);
        foreach (var district in districts)
        {
            var supply = await session.Gateway.Reports(session.Token).GetSupplyAsync(new GetSupplyRequest { DistrictId = district.DistrictId, AsOf = at }, cancellationToken: cancellationToken);
            var position = supply.ClearingPositionsMinutes.Values.Sum();
            Console.WriteLine($"  {district.DistrictId,-14} {supply.MemberCount,12:N0} {Hours.Format(supply.IssuedMinutes),14} {Hours.Format(supply.InCirculationMinutes),16} " +
                              $"{Hours.Format(supply.CommunityPotMinutes),12} {Hours.Format(position),14} {Hours.Format(supply.TotalMinutes),12}{(supply.Balanced ? "" : "  불균형 UNBALANCED")}");
            (members, issued, circulation, pot, clearing, total) = (members + supply.MemberCount, issued + supply.IssuedMinutes, circulation + supply.InCirculationMinutes,
                pot + supply.CommunityPotMinutes, clearing + position, total + supply.TotalMinutes);
            if (!supply.Balanced) unbalanced++;
        }

        Console.WriteLine($"  {"서울 city",-14} {members,12:N0} {Hours.Format(issued),14} {Hours.Format(circulation),16} {Hours.Format(pot),12} {Hours.Format(clearing),14} {Hours.Format(total),12}");
        var balanced = unbalanced == 0 && total == 0 && clearing == 0;
        Console.WriteLine(balanced ? "  균형 balanced: 모든 구의 합계 0, 구 사이 정산 상쇄 / every district sums to zero, clearing cancels out" : $"  불균형 UNBALANCED: {unbalanced}개 구 / districts");
        return balanced ? 0 : 1;
    }

    private static async Task<int> MembersAsync(ParseResult parse, Func<string, Task<(IEnumerable<MemberStanding> Members, string Next)>> pages)
    {
        Console.WriteLine($"  {"계정 / account",-36}  {"이름 / name",-14} {"잔액 balance",12} {"하한 floor",10} {"상한 cap",10}  마지막 활동 / last activity (Seoul)");
        var (token, count) = (string.Empty, 0);
        do
        {
            var (members, next) = await pages(token);
            foreach (var member in members)
            {
                Console.WriteLine($"  {member.AccountId,-36}  {member.HolderName,-14} {Hours.Format(member.BalanceMinutes),12} {Hours.Format(member.FloorMinutes),10} " +
                                  $"{Hours.Format(member.CapMinutes),10}  {(member.LastActivity is null ? "없음 none" : Seoul.Format(member.LastActivity))}");
                count++;
            }

            token = next;
            if (token.Length > 0 && !parse.GetValue(Inputs.All))
            {
                Console.WriteLine($"  다음 쪽 / next page: --all");
                break;
            }
        }
        while (token.Length > 0);

        Console.WriteLine($"  {count:N0}명 / members");
        return 0;
    }

    private static string Range(BalanceBucket bucket) => (bucket.HasFromMinutes, bucket.HasToMinutes) switch
    {
        (false, true) => $"< {Hours.Format(bucket.ToMinutes)}",
        (true, false) => $">= {Hours.Format(bucket.FromMinutes)}",
        _ => $"{Hours.Format(bucket.FromMinutes)} ~ {Hours.Format(bucket.ToMinutes)}",
    };
}
