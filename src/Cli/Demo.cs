using EPoomasi.Contracts.Community.V1;
using EPoomasi.Contracts.Exchange.V1;
using EPoomasi.Contracts.Identity.V1;
using EPoomasi.Contracts.Ledger.V1;
using Grpc.Core;

namespace EPoomasi.Cli;

/// <summary>
/// A guided tour: Seoul's districts, two of them made to trust each other, people joining with a welcome grant, a payment, a
/// hold posted in part, a payment across districts, a deal found in Korean and settled across districts through a hold,
/// and an overdraft refused with its reason.
/// </summary>
internal sealed class Demo(Gateway gateway, CancellationToken cancellationToken)
{
    private int _step;
    private string _coordinator = "";

    public async Task RunAsync()
    {
        Step("Everyone gets a token from the gateway's development issuer: the city administrator first");
        var administrator = await gateway.TokenAsync(Role.Administrator, "administrator:seoul", null, [], cancellationToken);
        Console.WriteLine("  administrator:seoul, and coordinator:mapo-park for Mapo-gu");

        Step("Seoul's 25 districts are there from the start (members may go 10h below zero); the city lets 마포구 Mapo-gu and 강남구 Gangnam-gu trust each other for 20h and appoints their coordinators");
        var districts = (await gateway.Ledger(administrator).ListDistrictsAsync(new ListDistrictsRequest(), cancellationToken: cancellationToken)).Districts;
        Console.WriteLine($"  {districts.Count}개 구 / districts: {string.Join(", ", districts.Take(5).Select(d => d.Name))}, …");
        await gateway.Administration(administrator).SetTrustLimitAsync(new SetTrustLimitRequest
        {
            DistrictId = "mapo", CounterpartDistrictId = "gangnam", LimitMinutes = 1_200, Reason = "demo",
        }, cancellationToken: cancellationToken);
        foreach (var (district, coordinator) in new[] { ("mapo", "coordinator:mapo-park"), ("gangnam", "coordinator:gangnam-yoon") })
        {
            await gateway.Administration(administrator).AppointCoordinatorAsync(new AppointCoordinatorRequest
            {
                DistrictId = district, Subject = coordinator, Reason = "demo",
            }, cancellationToken: cancellationToken);
        }

        _coordinator = await gateway.TokenAsync(Role.Coordinator, "coordinator:mapo-park", "mapo", [], cancellationToken);
        var gangnamCoordinator = await gateway.TokenAsync(Role.Coordinator, "coordinator:gangnam-yoon", "gangnam", [], cancellationToken);
        Console.WriteLine("  done (repeating the demo finds them already there)");

        Step("김민수 Kim and 이영희 Lee apply to join Mapo, 최지우 Choi Gangnam; coordinators record their orientation and approve: each gets an account and Seoul's 5h welcome grant");
        var kim = await JoinAsync("mapo", "김민수", _coordinator);
        var lee = await JoinAsync("mapo", "이영희", _coordinator);
        var choi = await JoinAsync("gangnam", "최지우", gangnamCoordinator);
        var kimToken = await gateway.TokenAsync(Role.Member, "member:kim", "mapo", [kim], cancellationToken);
        var leeToken = await gateway.TokenAsync(Role.Member, "member:lee", "mapo", [lee], cancellationToken);
        var choiToken = await gateway.TokenAsync(Role.Member, "member:choi", "gangnam", [choi], cancellationToken);
        var ledger = gateway.Ledger(kimToken);

        Step("Kim pays Lee 1h 30m for English tutoring");
        await PayAsync(kimToken, kim, lee, 90, TransferCode.Service, "English tutoring");

        Step("Kim books Lee for 2h of repairs: a hold reserves it");
        var hold = await PayAsync(kimToken, kim, lee, 120, TransferCode.Service, "bicycle repairs", hold: true);
        await ShowAsync(kimToken, kim);

        Step("The repair took 1h 45m: Kim's app posts that much; the rest is released");
        var post = await ledger.PostHoldAsync(new PostHoldRequest { PostId = Guid.NewGuid().ToString(), HoldId = hold, AmountMinutes = 105 }, cancellationToken: cancellationToken);
        Printer.Outcome(post.Outcome);

        Step("Kim pays Choi in Gangnam 30m for a ride: it crosses districts through their clearing accounts");
        await PayAsync(kimToken, kim, choi, 30, TransferCode.Service, "ride to the market");

        Step("최지우 Choi in Gangnam offers to cook 반찬 side dishes; Kim searches for 반찬을 (particle and all) and finds her");
        var exchange = gateway.Exchange(kimToken);
        var listed = (await gateway.Exchange(choiToken).CreateListingAsync(new CreateListingRequest
        {
            RequestId = Guid.NewGuid().ToString(), OwnerAccountId = choi, Kind = ListingKind.Offer,
            Text = new ListingText
            {
                Type = ListingType.Service, Category = ListingCategory.Housework, Title = "반찬 만들어 드려요", TitleEn = "Home-cooked side dishes",
                Description = "강남에서 일주일 반찬을 만들어 드립니다", Minutes = 60,
            },
        }, cancellationToken: cancellationToken)).Outcome;
        var found = await exchange.SearchListingsAsync(new SearchListingsRequest { Text = "반찬을", DistrictId = "gangnam" }, cancellationToken: cancellationToken);
        var listing = found.Listings.First(l => l.ListingId == listed.ListingId);
        Console.WriteLine($"  {found.Listings.Count}건 / found: {listing.Text.Title} / {listing.Text.TitleEn} — {listing.OwnerName}, {Hours.Format(listing.Text.Minutes)}");

        Step("Kim proposes the hour; Choi accepts, and the hour is held on Kim's account");
        var proposed = (await exchange.ProposeDealAsync(new ProposeDealRequest
        {
            RequestId = Guid.NewGuid().ToString(), ListingId = listing.ListingId, AccountId = kim, Message = "목요일에 부탁드려요 / Thursday, please",
        }, cancellationToken: cancellationToken)).Outcome;
        var accepted = (await gateway.Exchange(choiToken).AcceptDealAsync(new AcceptDealRequest
        {
            RequestId = Guid.NewGuid().ToString(), DealId = proposed.DealId, AccountId = choi,
        }, cancellationToken: cancellationToken)).Outcome;
        Console.WriteLine($"  거래 deal {proposed.DealId}: {Printer.Label(accepted.Deal.Status)}, {Hours.Format(accepted.Deal.AmountMinutes)} held");
        await ShowAsync(kimToken, kim);

        Step("Choi cooked for 50m and claims that; Kim confirms: 50m is paid across districts, the rest released, and Kim rates Choi");
        await gateway.Exchange(choiToken).ClaimDealAsync(new ClaimDealRequest
        {
            RequestId = Guid.NewGuid().ToString(), DealId = proposed.DealId, AccountId = choi, Minutes = 50,
        }, cancellationToken: cancellationToken);
        var settled = (await exchange.ConfirmDealAsync(new ConfirmDealRequest
        {
            RequestId = Guid.NewGuid().ToString(), DealId = proposed.DealId, AccountId = kim,
        }, cancellationToken: cancellationToken)).Outcome;
        await exchange.RateDealAsync(new RateDealRequest { DealId = proposed.DealId, AccountId = kim, Stars = 5, Comment = "정말 맛있어요 / delicious" }, cancellationToken: cancellationToken);
        Console.WriteLine($"  {Printer.Label(settled.Deal.Status)}: paid {Hours.Format(settled.Deal.PaidMinutes)}; 최지우 ★5");

        Step("Lee tries to pay Kim 20h: more than Lee has, even 10h below zero");
        await PayAsync(leeToken, lee, kim, 1_200, TransferCode.Service, "too much");

        Step("Lee tries to spend from Kim's account: members move only their own credits");
        try
        {
            await PayAsync(leeToken, kim, lee, 60, TransferCode.Service, "not mine");
        }
        catch (RpcException denied) when (denied.StatusCode == StatusCode.PermissionDenied)
        {
            Console.WriteLine($"  DENIED: {denied.Status.Detail}");
        }

        Step("Where everyone stands");
        foreach (var (name, token, account) in new[] { ("김민수 Kim", kimToken, kim), ("이영희 Lee", leeToken, lee), ("최지우 Choi", choiToken, choi) })
        {
            Console.Write($"  {name}");
            await ShowAsync(token, account);
        }

        Step("Kim's statement names who the hours came from and went to");
        var statement = await ledger.ListStatementEntriesAsync(new ListStatementEntriesRequest { AccountId = kim }, cancellationToken: cancellationToken);
        Printer.Statement(statement.Entries);

        Step("Mapo's books balance on their own");
        var trial = await gateway.Ledger(_coordinator).GetTrialBalanceAsync(new GetTrialBalanceRequest { DistrictId = "mapo" }, cancellationToken: cancellationToken);
        Console.WriteLine($"  issued {Hours.Format(trial.IssuedMinutes)}, in circulation {Hours.Format(trial.InCirculationMinutes)}, " +
                          $"clearing position with Gangnam {Hours.Format(trial.ClearingPositionsMinutes["gangnam"])}, sum of all balances {Hours.Format(trial.TotalMinutes)}");

        Step("박서준 applies to Mapo: the application waits for a coordinator in the web console");
        await ApplyAsync("mapo", "박서준");
        Console.WriteLine("  콘솔에서 coordinator:mapo-park (구 mapo)로 로그인 → 가입 신청: 오리엔테이션 기록, 승인");
        Console.WriteLine("  in the console, sign in as coordinator:mapo-park (district mapo) → Applications: record the orientation, approve");
        Console.WriteLine($"  회원으로도 / as a member: 김민수 {kim}, 이영희 {lee}");
        Console.WriteLine("  이영희: 내 나눔 → 새 나눔 올리기; 김민수 (다른 창): 나눔 찾기 → 제안; 이영희: 수락, 청구; 김민수: 확인하고 지급");
        Console.WriteLine("  Lee: My listings → post one; Kim (another window): find it → propose; Lee: accept, claim; Kim: confirm and pay");
    }

    private void Step(string title) => Console.WriteLine($"\n{++_step}. {title}");

    // A person applies with their own token; the district's coordinator records the orientation and approves, which opens
    // the account and pays the welcome grant in one step.
    private async Task<string> JoinAsync(string district, string name, string coordinator)
    {
        var applied = await ApplyAsync(district, name);
        var community = gateway.Community(coordinator);
        await community.RecordOrientationAsync(new RecordOrientationRequest
        {
            RequestId = Guid.NewGuid().ToString(), DistrictId = district, ApplicationId = applied.ApplicationId,
        }, cancellationToken: cancellationToken);
        var approved = (await community.ApproveApplicationAsync(new ApproveApplicationRequest
        {
            RequestId = Guid.NewGuid().ToString(), DistrictId = district, ApplicationId = applied.ApplicationId,
        }, cancellationToken: cancellationToken)).Outcome;
        Console.WriteLine($"  {district,-8} {name}  {approved.Application.AccountId}  환영 welcome {Hours.Format(approved.Application.WelcomeGrantMinutes)}");
        return approved.Application.AccountId;
    }

    private async Task<OnboardingOutcome> ApplyAsync(string district, string name)
    {
        var person = await gateway.TokenAsync(Role.Member, $"person:{Guid.NewGuid():N}", district, [], cancellationToken);
        return (await gateway.Community(person).ApplyAsync(new ApplyRequest
        {
            RequestId = Guid.NewGuid().ToString(), DistrictId = district, Profile = new MemberProfile { DisplayName = name, HasPhone = true, Languages = { "ko" } },
        }, cancellationToken: cancellationToken)).Outcome;
    }

    private async Task<string> PayAsync(string token, string from, string to, long minutes, TransferCode code, string memo, bool hold = false)
    {
        var transfer = new TransferToCreate
        {
            TransferId = Guid.NewGuid().ToString(), DebitAccountId = from, CreditAccountId = to,
            AmountMinutes = minutes, Code = code, Memo = memo, HoldTimeoutSeconds = hold ? 3_600 : 0,
        };
        var response = await gateway.Ledger(token).CreateTransfersAsync(new CreateTransfersRequest { Transfers = { transfer } }, cancellationToken: cancellationToken);
        Printer.Outcome(response.Outcomes.Single());
        return transfer.TransferId;
    }

    private async Task ShowAsync(string token, string account) =>
        Printer.Account((await gateway.Ledger(token).GetAccountAsync(new GetAccountRequest { AccountId = account }, cancellationToken: cancellationToken)).Account);
}
