using System.CommandLine;
using EPoomasi.Contracts.Exchange.V1;

namespace EPoomasi.Cli.Commands;

/// <summary>Members list what they offer and ask for, and find each other.</summary>
internal static class ListingCommands
{
    public static Command Listing()
    {
        var listing = new Command("listing", "제공·요청 목록 / list what you offer or ask for, and look after your listings");
        var account = Inputs.Account();
        var kind = Inputs.Choice<ListingKind>("--kind", "제공 또는 요청 / offer or request", required: true);
        var category = Inputs.Choice<ListingCategory>("--category", "분류 / category", required: true);
        var type = Inputs.Choice<ListingType>("--type", "서비스, 물품 또는 빌려주기 / service (hours of work, the default), goods (a price) or loan (a thing lent)");
        var deposit = Inputs.AmountOption("--deposit", "빌려주기 보증금 / for a loan, the deposit held while the thing is out");
        var title = new Option<string>("--title") { Description = "제목 (한국어) / title, in Korean", Required = true };
        var description = new Option<string>("--description") { Description = "설명 / description", DefaultValueFactory = _ => "" };
        var titleEn = new Option<string>("--title-en") { Description = "영어 제목 / title in English", DefaultValueFactory = _ => "" };
        var availability = new Option<string>("--availability") { Description = "가능한 시간 / when you can (주말 오후, say)", DefaultValueFactory = _ => "" };
        var minutes = Inputs.AmountOption("--minutes", "시간, 가격 또는 대여료 / the hours expected, the price of goods, or a loan's fee");
        var expires = Inputs.InstantOption("--expires", "만료 / when it leaves search (90 days when not given)");
        listing.Subcommands.Add(Define.Command("create", "목록 올리기 / list an offer or a request", [kind, category, title, description, titleEn, availability, minutes, type, deposit, expires, account],
            async (parse, session, cancellationToken) =>
            {
                var request = new CreateListingRequest
                {
                    RequestId = Guid.NewGuid().ToString(), OwnerAccountId = session.Account(parse.GetValue(account)), Kind = parse.GetValue(kind)!.Value,
                    Text = new ListingText
                    {
                        Type = parse.GetValue(type) ?? ListingType.Service, Category = parse.GetValue(category)!.Value, Title = parse.GetValue(title)!,
                        Description = parse.GetValue(description)!, TitleEn = parse.GetValue(titleEn)!, Availability = parse.GetValue(availability)!, Minutes = parse.GetValue(minutes) ?? 0,
                        DepositMinutes = parse.GetValue(deposit) ?? 0,
                    },
                };
                if (parse.GetValue(expires) is { } at) request.ExpiresAt = Google.Protobuf.WellKnownTypes.Timestamp.FromDateTimeOffset(at);
                return Outcome((await session.Gateway.Exchange(session.Token).CreateListingAsync(request, cancellationToken: cancellationToken)).Outcome);
            }));

        var id = Inputs.Id("listing", "목록 번호 / the listing's id");
        foreach (var (name, status, text) in new[]
        {
            ("pause", ListingStatus.Paused, "잠시 내리기 / take a listing out of search for now"),
            ("resume", ListingStatus.Active, "다시 올리기 / put a paused listing back"),
            ("withdraw", ListingStatus.Withdrawn, "철회 (되돌릴 수 없음) / withdraw a listing for good"),
        })
        {
            listing.Subcommands.Add(Define.Command(name, text, [id, account],
                async (parse, session, cancellationToken) => Outcome((await session.Gateway.Exchange(session.Token).SetListingStatusAsync(new SetListingStatusRequest
                {
                    RequestId = Guid.NewGuid().ToString(), ListingId = parse.GetValue(id)!, OwnerAccountId = session.Account(parse.GetValue(account)), Status = status,
                }, cancellationToken: cancellationToken)).Outcome)));
        }

        listing.Subcommands.Add(Define.Command("renew", "기간 연장 / run a listing again", [id, expires, account],
            async (parse, session, cancellationToken) =>
            {
                var request = new RenewListingRequest { RequestId = Guid.NewGuid().ToString(), ListingId = parse.GetValue(id)!, OwnerAccountId = session.Account(parse.GetValue(account)) };
                if (parse.GetValue(expires) is { } at) request.ExpiresAt = Google.Protobuf.WellKnownTypes.Timestamp.FromDateTimeOffset(at);
                return Outcome((await session.Gateway.Exchange(session.Token).RenewListingAsync(request, cancellationToken: cancellationToken)).Outcome);
            }));

        var why = Inputs.Reason();
        listing.Subcommands.Add(Define.Command("report", "코디네이터에게 신고 / report a listing to its district's coordinators", [id, why, account],
            async (parse, session, cancellationToken) =>
            {
                var report = (await session.Gateway.Exchange(session.Token).ReportContentAsync(new ReportContentRequest
                {
                    RequestId = Guid.NewGuid().ToString(), AccountId = session.Account(parse.GetValue(account)), Content = ReportedContent.Listing,
                    TargetId = parse.GetValue(id)!, Reason = parse.GetValue(why)!,
                }, cancellationToken: cancellationToken)).Report;
                Console.WriteLine($"  신고했습니다 / reported to {report.DistrictId}: {report.ReportId}");
                return 0;
            }));

        listing.Subcommands.Add(Define.Command("show", "목록 보기 / show a listing, with its owner's ratings", [id],
            async (parse, session, cancellationToken) =>
            {
                var found = await session.Gateway.Exchange(session.Token).GetListingAsync(new GetListingRequest { ListingId = parse.GetValue(id)! }, cancellationToken: cancellationToken);
                Line(found.Listing);
                var text = found.Listing.Text;
                if (text.Description.Length > 0) Console.WriteLine($"    {text.Description}");
                if (text.DescriptionEn.Length > 0) Console.WriteLine($"    {text.DescriptionEn}");
                if (text.Availability.Length > 0) Console.WriteLine($"    가능한 시간 / available: {text.Availability}");
                Console.WriteLine($"    만료 / expires {Seoul.Format(found.Listing.ExpiresAt)}; 평가 / rated {Stars(found.OwnerFeedback)}");
                return 0;
            }));
        return listing;
    }

    public static Command Search()
    {
        var text = new Argument<string>("text") { Description = "찾을 말 (조사가 붙어도 됩니다) / words to find, Korean as written or English", DefaultValueFactory = _ => "" };
        var category = Inputs.Choice<ListingCategory>("--category", "분류 / category");
        var kind = Inputs.Choice<ListingKind>("--kind", "제공 또는 요청 / offer or request");
        var type = Inputs.Choice<ListingType>("--type", "서비스, 물품 또는 빌려주기 / service, goods or loan");
        var order = Inputs.Choice<ListingOrder>("--order", "순서 / order (best match by default)");
        var district = Inputs.District();
        var size = Inputs.PageSize(20);
        return Define.Command("search", "목록 찾기 / find listings", [text, category, kind, type, order, district, size, Inputs.PageToken, Inputs.All],
            async (parse, session, cancellationToken) =>
            {
                var request = new SearchListingsRequest
                {
                    Text = parse.GetValue(text)!, Category = parse.GetValue(category) ?? ListingCategory.Unspecified, Kind = parse.GetValue(kind) ?? ListingKind.Unspecified,
                    Type = parse.GetValue(type) ?? ListingType.Unspecified, Order = parse.GetValue(order) ?? ListingOrder.Unspecified, DistrictId = parse.GetValue(district) ?? "",
                    PageSize = Math.Min(parse.GetValue(size), 100), PageToken = parse.GetValue(Inputs.PageToken)!,
                };
                var count = 0;
                do
                {
                    var page = await session.Gateway.Exchange(session.Token).SearchListingsAsync(request, cancellationToken: cancellationToken);
                    foreach (var listing in page.Listings)
                    {
                        Line(listing);
                        count++;
                    }

                    request.PageToken = page.NextPageToken;
                    if (request.PageToken.Length > 0 && !parse.GetValue(Inputs.All)) Console.WriteLine($"  다음 쪽 / next page: --page-token {request.PageToken}");
                }
                while (request.PageToken.Length > 0 && parse.GetValue(Inputs.All));

                Console.WriteLine($"  {count}건 / found");
                return 0;
            });
    }

    public static Command Feedback()
    {
        var account = Inputs.Account();
        return Define.Command("feedback", "받은 평가 / the ratings an account received", [account],
            async (parse, session, cancellationToken) =>
            {
                var feedback = (await session.Gateway.Exchange(session.Token).GetFeedbackAsync(
                    new GetFeedbackRequest { AccountId = session.Account(parse.GetValue(account)) }, cancellationToken: cancellationToken)).Feedback;
                Console.WriteLine($"  {Stars(feedback)}");
                foreach (var rating in feedback.Latest)
                {
                    Console.WriteLine($"    {new string('★', rating.Stars),-5} {Seoul.Format(rating.At)}  {rating.Comment}");
                }

                return 0;
            });
    }

    internal static string Stars(FeedbackSummary feedback) =>
        feedback.Count == 0 ? "평가 없음 / no ratings yet" : $"★ {feedback.Average:0.0} ({feedback.Count}건 / ratings)";

    private static void Line(Listing listing)
    {
        var who = listing.OwnerName.Length > 0 ? listing.OwnerName : listing.OwnerAccountId[..8];
        var minutes = listing.Text.Minutes > 0 ? Hours.Format(listing.Text.Minutes) : "";
        var english = listing.Text.TitleEn.Length > 0 ? $" / {listing.Text.TitleEn}" : "";
        var deposit = listing.Text.DepositMinutes > 0 ? $"  (보증금 / deposit {Hours.Format(listing.Text.DepositMinutes)})" : "";
        var kind = listing.Text.Type == ListingType.Loan ? "loan" : Printer.Label(listing.Kind);
        Console.WriteLine($"  {listing.ListingId}  {kind,-7} {Printer.Label(listing.Text.Category),-9} {minutes,9}  {who,-10} {listing.DistrictId,-10} {listing.Text.Title}{english}{deposit}");
    }

    private static int Outcome(ListingOutcome outcome)
    {
        var (ok, text) = outcome.Result switch
        {
            ListingResult.Created => (true, $"올렸습니다 / listed: {outcome.ListingId}"),
            ListingResult.Edited => (true, "고쳤습니다 / edited"),
            ListingResult.StatusChanged => (true, $"상태: {Printer.Label(outcome.Listing.Status)} / status changed"),
            ListingResult.Renewed => (true, $"연장했습니다 / renewed until {Seoul.Format(outcome.Listing.ExpiresAt)}"),
            ListingResult.NotOwner => (false, "이 계정의 목록이 아닙니다 / the account does not own this listing"),
            ListingResult.NotFound => (false, "그런 목록이 없습니다 / no such listing"),
            ListingResult.Withdrawn => (false, "철회된 목록은 바꿀 수 없습니다 / a withdrawn listing stays withdrawn"),
            _ => (false, Printer.Label(outcome.Result)),
        };
        Console.WriteLine($"  {text}{(outcome.Replayed ? " (반복 / repeated)" : "")}");
        return ok ? 0 : 1;
    }
}
