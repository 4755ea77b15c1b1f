using EPoomasi.Contracts.Community.V1;
using EPoomasi.Contracts.Ledger.V1;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;

namespace EPoomasi.Gateway.Tests;

/// <summary>What a careless or hostile client sends the community and report services is its own error, never INTERNAL.</summary>
public sealed class hostile_requests_to_the_coordinators_tools_are_the_callers_errors(GatewayFixture gateway)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static async Task<StatusCode> StatusOf(Func<Task> call)
    {
        try
        {
            await call();
            return StatusCode.OK;
        }
        catch (RpcException error)
        {
            return error.StatusCode;
        }
    }

    [Fact(Timeout = TestTimeouts.Default)]
    public async Task unstorable_text_odd_ids_and_bad_tokens_are_refused_as_invalid_or_not_found()
    {
        var district = await Seed.DistrictAsync(gateway);
        var member = await Seed.MemberAsync(gateway, district, welcomeMinutes: 60);
        var community = gateway.Community(GatewayFixture.Coordinator(district));
        var reports = new ReportService.ReportServiceClient(gateway.Invoker(GatewayFixture.Coordinator(district)));
        var admin = gateway.Community(GatewayFixture.Administrator);
        var id = Guid.NewGuid().ToString();

        var statuses = new Dictionary<string, StatusCode>
        {
            ["apply nul name"] = await StatusOf(() => community.ApplyAsync(new ApplyRequest { RequestId = id, DistrictId = district, Profile = new MemberProfile { DisplayName = "a\0b" } }, cancellationToken: Ct).ResponseAsync),
            ["apply no profile"] = await StatusOf(() => community.ApplyAsync(new ApplyRequest { RequestId = id, DistrictId = district }, cancellationToken: Ct).ResponseAsync),
            ["apply long bio"] = await StatusOf(() => community.ApplyAsync(new ApplyRequest { RequestId = id, DistrictId = district, Profile = new MemberProfile { DisplayName = "김", Bio = new string('가', 5_000) } }, cancellationToken: Ct).ResponseAsync),
            ["decline nul reason"] = await StatusOf(() => community.DeclineApplicationAsync(new DeclineApplicationRequest { RequestId = id, DistrictId = district, ApplicationId = id, Reason = "no\0" }, cancellationToken: Ct).ResponseAsync),
            ["mint nul reason"] = await StatusOf(() => community.RequestMintAsync(new RequestMintRequest { RequestId = id, DistrictId = district, AccountId = member, AmountMinutes = 60, Reason = "\0" }, cancellationToken: Ct).ResponseAsync),
            ["mint not an id"] = await StatusOf(() => community.RequestMintAsync(new RequestMintRequest { RequestId = "x", DistrictId = district, AccountId = member, AmountMinutes = 60, Reason = "r" }, cancellationToken: Ct).ResponseAsync),
            ["list bad token"] = await StatusOf(() => community.ListPendingApplicationsAsync(new ListPendingApplicationsRequest { DistrictId = district, PageToken = "%%%" }, cancellationToken: Ct).ResponseAsync),
            ["list page size"] = await StatusOf(() => community.ListAwaitingMintsAsync(new ListAwaitingMintsRequest { DistrictId = district, PageSize = -1 }, cancellationToken: Ct).ResponseAsync),
            ["import too many"] = await StatusOf(() => community.ImportMembersAsync(new ImportMembersRequest { DistrictId = district, Rows = { Enumerable.Range(0, 1_001).Select(i => new ImportMemberRow { Line = i, ExternalId = $"x{i}" }) } }, cancellationToken: Ct).ResponseAsync),
            ["close nul reason"] = await StatusOf(() => community.CloseMemberAccountAsync(new CloseMemberAccountRequest { RequestId = id, DistrictId = district, AccountId = member, Reason = "a\0" }, cancellationToken: Ct).ResponseAsync),
            ["report far past"] = await StatusOf(() => reports.GetSupplyAsync(new GetSupplyRequest { DistrictId = district, AsOf = new Timestamp { Seconds = long.MinValue / 2 } }, cancellationToken: Ct).ResponseAsync),
            ["report bad token"] = await StatusOf(() => reports.ListDistrictEntriesAsync(new ListDistrictEntriesRequest { DistrictId = district, PageToken = "cjIKZW50cmllczp4CjE6Mjoz" }, cancellationToken: Ct).ResponseAsync),
            ["report edges"] = await StatusOf(() => reports.GetBalanceDistributionAsync(new GetBalanceDistributionRequest { DistrictId = district, EdgesMinutes = { 5, 5 } }, cancellationToken: Ct).ResponseAsync),
            ["report nowhere"] = await StatusOf(() => new ReportService.ReportServiceClient(gateway.Invoker(GatewayFixture.Auditor)).GetSupplyAsync(new GetSupplyRequest { DistrictId = "nowhere" }, cancellationToken: Ct).ResponseAsync),
        };

        var nowhere = await admin.ApplyAsync(new ApplyRequest { RequestId = id, DistrictId = new string('x', 5_000), Profile = new MemberProfile { DisplayName = "김" } }, cancellationToken: Ct);
        Assert.Equal(OnboardingResult.DistrictNotFound, nowhere.Outcome.Result);
        Assert.All(statuses, s => Assert.True(s.Value is StatusCode.InvalidArgument or StatusCode.NotFound, $"{s.Key}: {s.Value}"));
        Assert.Equal(StatusCode.NotFound, statuses["report nowhere"]);
        // The member's account was neither minted into nor closed.
        var account = await gateway.Ledger(GatewayFixture.Auditor).GetAccountAsync(new GetAccountRequest { AccountId = member }, cancellationToken: Ct);
        Assert.Equal((60L, AccountStatus.Open), (account.Account.BalanceMinutes, account.Account.Status));
    }
}
