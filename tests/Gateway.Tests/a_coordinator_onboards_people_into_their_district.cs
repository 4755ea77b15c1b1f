using EPoomasi.Contracts.Community.V1;
using EPoomasi.Contracts.Ledger.V1;
using Grpc.Core;

namespace EPoomasi.Gateway.Tests;

[Collection(ConsoleOutput.Name)]
public sealed class a_coordinator_onboards_people_into_their_district(GatewayFixture gateway)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static string Applicant(string district) => GatewayFixture.Token(Security.Role.Member, $"person:{Guid.NewGuid():N}", district);

    private async Task<string> DistrictWithWelcomeGrantAsync(long minutes)
    {
        var district = await Seed.DistrictAsync(gateway);
        await gateway.Administration(GatewayFixture.Administrator).ChangeDistrictDefaultsAsync(new ChangeDistrictDefaultsRequest
        {
            DistrictId = district, MemberFloorMinutes = -600, MemberCapMinutes = 6_000, WelcomeGrantMinutes = minutes, Reason = "서울 시간은행 / as Seoul did",
        }, cancellationToken: Ct);
        return district;
    }

    private async Task<OnboardingOutcome> ApplyAsync(string token, string district, string name, string contact = "", bool hasPhone = true) =>
        (await gateway.Community(token).ApplyAsync(new ApplyRequest
        {
            RequestId = Guid.NewGuid().ToString(), DistrictId = district,
            Profile = new MemberProfile { DisplayName = name, Contact = contact, HasPhone = hasPhone, Languages = { "ko" }, Skills = { "요리", "말벗" } },
        }, cancellationToken: Ct)).Outcome;

    private async Task<OnboardingOutcome> ApproveAsync(string district, string applicationId, string? requestId = null) =>
        (await gateway.Community(GatewayFixture.Coordinator(district)).ApproveApplicationAsync(new ApproveApplicationRequest
        {
            RequestId = requestId ?? Guid.NewGuid().ToString(), DistrictId = district, ApplicationId = applicationId,
        }, cancellationToken: Ct)).Outcome;

    private async Task OrientAsync(string district, string applicationId) =>
        Assert.Equal(OnboardingResult.OrientationRecorded, (await gateway.Community(GatewayFixture.Coordinator(district)).RecordOrientationAsync(new RecordOrientationRequest
        {
            RequestId = Guid.NewGuid().ToString(), DistrictId = district, ApplicationId = applicationId,
        }, cancellationToken: Ct)).Outcome.Result);

    [Fact(Timeout = TestTimeouts.Default)]
    public async Task an_approval_after_orientation_opens_the_account_and_pays_the_welcome_grant_once()
    {
        var district = await DistrictWithWelcomeGrantAsync(300);
        var applied = await ApplyAsync(Applicant(district), district, "김영희", "010-1234-5678");
        var coordinator = gateway.Community(GatewayFixture.Coordinator(district));

        var waiting = await coordinator.ListPendingApplicationsAsync(new ListPendingApplicationsRequest { DistrictId = district }, cancellationToken: Ct);
        var early = await ApproveAsync(district, applied.ApplicationId);
        await OrientAsync(district, applied.ApplicationId);
        var requestId = Guid.NewGuid().ToString();
        var approved = await ApproveAsync(district, applied.ApplicationId, requestId);
        var repeated = await ApproveAsync(district, applied.ApplicationId, requestId);
        var again = await ApproveAsync(district, applied.ApplicationId);
        var afterwards = await coordinator.ListPendingApplicationsAsync(new ListPendingApplicationsRequest { DistrictId = district }, cancellationToken: Ct);

        Assert.Equal(OnboardingResult.Applied, applied.Result);
        Assert.Equal(["김영희"], waiting.Applications.Select(a => a.DisplayName));
        Assert.Equal(OnboardingResult.OrientationRequired, early.Result);
        Assert.Equal((OnboardingResult.Approved, false), (approved.Result, approved.Replayed));
        Assert.Equal((OnboardingResult.Approved, true, approved.Application.AccountId), (repeated.Result, repeated.Replayed, repeated.Application.AccountId));
        Assert.Equal(OnboardingResult.AlreadyDecided, again.Result);
        Assert.Empty(afterwards.Applications);
        Assert.Equal((300L, $"coordinator:{district}"), (approved.Application.WelcomeGrantMinutes, approved.Application.DecidedBy));

        var account = approved.Application.AccountId;
        var balance = await gateway.Ledger(GatewayFixture.Auditor).GetAccountAsync(new GetAccountRequest { AccountId = account }, cancellationToken: Ct);
        Assert.Equal(300, balance.Account.BalanceMinutes);
        var member = await coordinator.GetMemberAsync(new GetMemberRequest { DistrictId = district, MemberId = approved.Application.MemberId }, cancellationToken: Ct);
        Assert.Equal(("김영희", account), (member.Profile.DisplayName, member.AccountIds.Single()));

        // A neighbour's statement names her.
        var neighbour = await Seed.MemberAsync(gateway, district, welcomeMinutes: 60);
        Assert.Equal(TransferResult.Ok, (await Seed.PayAsync(gateway, GatewayFixture.Member(district, neighbour), neighbour, account, 30)).Result);
        var statement = await gateway.Ledger(GatewayFixture.Member(district, neighbour)).ListStatementEntriesAsync(new ListStatementEntriesRequest { AccountId = neighbour }, cancellationToken: Ct);
        Assert.Equal("김영희", statement.Entries.Last().CounterpartyLabel);
    }

    [Fact(Timeout = TestTimeouts.Default)]
    public async Task racing_approvals_pay_one_welcome_grant()
    {
        var district = await DistrictWithWelcomeGrantAsync(300);
        var applied = await ApplyAsync(GatewayFixture.Coordinator(district), district, "박할머니", hasPhone: false);
        await OrientAsync(district, applied.ApplicationId);

        var results = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => ApproveAsync(district, applied.ApplicationId)));

        Assert.Equal(1, results.Count(r => r.Result == OnboardingResult.Approved));
        Assert.Equal(7, results.Count(r => r.Result == OnboardingResult.AlreadyDecided));
        var account = results.Single(r => r.Result == OnboardingResult.Approved).Application.AccountId;
        var trial = await gateway.Ledger(GatewayFixture.Auditor).GetTrialBalanceAsync(new GetTrialBalanceRequest { DistrictId = district }, cancellationToken: Ct);
        Assert.Equal((300L, 300L), (trial.Accounts.Single(a => a.AccountId == account).BalanceMinutes, trial.IssuedMinutes));
        Assert.Equal(applied.Application.AppliedBy, $"coordinator:{district}");
    }

    [Fact(Timeout = TestTimeouts.Default)]
    public async Task someone_who_applied_before_is_flagged_by_contact_or_name()
    {
        var district = await DistrictWithWelcomeGrantAsync(0);
        var first = await ApplyAsync(Applicant(district), district, "이철수", "Chulsoo@Example.org");
        var sameMail = await ApplyAsync(Applicant(district), district, "이 철수 (본인)", "chulsoo@example.org ");
        var sameName = await ApplyAsync(Applicant(district), district, "이 철 수", "010 9999 0000");
        var stranger = await ApplyAsync(Applicant(district), district, "최민지", "minji@example.org");

        Assert.Equal((first.Application.MemberId, "이철수"), (sameMail.Application.EarlierMemberId, sameMail.Application.EarlierMemberName));
        Assert.Equal(first.Application.MemberId, sameName.Application.EarlierMemberId);
        Assert.Equal("", stranger.Application.EarlierMemberId);
        Assert.Equal("", first.Application.EarlierMemberId);
    }

    [Fact(Timeout = TestTimeouts.Default)]
    public async Task a_decline_needs_a_reason_and_another_districts_coordinator_decides_nothing()
    {
        var district = await DistrictWithWelcomeGrantAsync(300);
        var elsewhere = await Seed.DistrictAsync(gateway);
        var applied = await ApplyAsync(Applicant(district), district, "정수빈");
        var stranger = gateway.Community(GatewayFixture.Coordinator(elsewhere));

        var approve = await Assert.ThrowsAsync<RpcException>(() => stranger.ApproveApplicationAsync(new ApproveApplicationRequest
        {
            RequestId = Guid.NewGuid().ToString(), DistrictId = district, ApplicationId = applied.ApplicationId,
        }, cancellationToken: Ct).ResponseAsync);
        var list = await Assert.ThrowsAsync<RpcException>(() => stranger.ListPendingApplicationsAsync(new ListPendingApplicationsRequest { DistrictId = district }, cancellationToken: Ct).ResponseAsync);
        var ownDistrictNamed = (await stranger.ApproveApplicationAsync(new ApproveApplicationRequest
        {
            RequestId = Guid.NewGuid().ToString(), DistrictId = elsewhere, ApplicationId = applied.ApplicationId,
        }, cancellationToken: Ct)).Outcome;
        var coordinator = gateway.Community(GatewayFixture.Coordinator(district));
        var unexplained = (await coordinator.DeclineApplicationAsync(new DeclineApplicationRequest
        {
            RequestId = Guid.NewGuid().ToString(), DistrictId = district, ApplicationId = applied.ApplicationId, Reason = " ",
        }, cancellationToken: Ct)).Outcome;
        var declined = (await coordinator.DeclineApplicationAsync(new DeclineApplicationRequest
        {
            RequestId = Guid.NewGuid().ToString(), DistrictId = district, ApplicationId = applied.ApplicationId, Reason = "다른 구에 사심 / lives in another district",
        }, cancellationToken: Ct)).Outcome;

        Assert.Equal((StatusCode.PermissionDenied, StatusCode.PermissionDenied), (approve.StatusCode, list.StatusCode));
        Assert.Equal(OnboardingResult.OtherDistrict, ownDistrictNamed.Result);
        Assert.Equal(OnboardingResult.ReasonRequired, unexplained.Result);
        Assert.Equal((OnboardingResult.Declined, ApplicationStatus.Declined, "다른 구에 사심 / lives in another district"),
            (declined.Result, declined.Application.Status, declined.Application.DeclineReason));
    }

    [Fact(Timeout = TestTimeouts.Default)]
    public async Task applying_again_with_the_same_request_answers_the_first_and_keeps_a_correction()
    {
        var district = await DistrictWithWelcomeGrantAsync(60);
        var applicant = gateway.Community(Applicant(district));
        var request = new ApplyRequest
        {
            RequestId = Guid.NewGuid().ToString(), DistrictId = district,
            Profile = new MemberProfile { DisplayName = "오세훈", Contact = "010-1111-2222", HasPhone = true },
        };
        var first = (await applicant.ApplyAsync(request, cancellationToken: Ct)).Outcome;
        var coordinator = gateway.Community(GatewayFixture.Coordinator(district));
        await coordinator.UpdateMemberProfileAsync(new UpdateMemberProfileRequest
        {
            DistrictId = district, MemberId = first.Application.MemberId,
            Profile = new MemberProfile { DisplayName = "오세훈", Contact = "010-1111-3333", HasPhone = true },
        }, cancellationToken: Ct);

        var repeated = (await applicant.ApplyAsync(request, cancellationToken: Ct)).Outcome;
        var member = await coordinator.GetMemberAsync(new GetMemberRequest { DistrictId = district, MemberId = first.Application.MemberId }, cancellationToken: Ct);

        Assert.Equal((OnboardingResult.Applied, first.Application.ApplicationId, first.Application.MemberId), (repeated.Result, repeated.Application.ApplicationId, repeated.Application.MemberId));
        Assert.True(repeated.Replayed);
        Assert.Equal("010-1111-3333", member.Profile.Contact);
    }

    [Fact(Timeout = TestTimeouts.Default)]
    public async Task erasing_a_member_removes_their_name_and_keeps_the_books()
    {
        var district = await DistrictWithWelcomeGrantAsync(120);
        var applied = await ApplyAsync(Applicant(district), district, "한지우", "010-5555-1212");
        await OrientAsync(district, applied.ApplicationId);
        var approved = await ApproveAsync(district, applied.ApplicationId);
        var coordinator = gateway.Community(GatewayFixture.Coordinator(district));
        var memberId = approved.Application.MemberId;

        var corrected = await coordinator.UpdateMemberProfileAsync(new UpdateMemberProfileRequest
        {
            DistrictId = district, MemberId = memberId, Profile = new MemberProfile { DisplayName = "한지우", Contact = "010-5555-3434", HasPhone = true },
        }, cancellationToken: Ct);
        var bad = await Assert.ThrowsAsync<RpcException>(() => coordinator.UpdateMemberProfileAsync(new UpdateMemberProfileRequest
        {
            DistrictId = district, MemberId = memberId, Profile = new MemberProfile { DisplayName = new string('가', 101) },
        }, cancellationToken: Ct).ResponseAsync);
        var erased = await coordinator.EraseMemberAsync(new EraseMemberRequest { DistrictId = district, MemberId = memberId }, cancellationToken: Ct);
        var gone = await Assert.ThrowsAsync<RpcException>(() => coordinator.GetMemberAsync(new GetMemberRequest { DistrictId = district, MemberId = memberId }, cancellationToken: Ct).ResponseAsync);
        var sameContactLater = await ApplyAsync(Applicant(district), district, "한지우", "010-5555-3434");

        Assert.NotNull(corrected);
        Assert.Equal(StatusCode.InvalidArgument, bad.StatusCode);
        Assert.True(erased.Erased);
        Assert.Equal(StatusCode.NotFound, gone.StatusCode);
        Assert.Equal("", sameContactLater.Application.EarlierMemberId);
        var account = await gateway.Ledger(GatewayFixture.Auditor).GetAccountAsync(new GetAccountRequest { AccountId = approved.Application.AccountId }, cancellationToken: Ct);
        Assert.Equal(120, account.Account.BalanceMinutes);
        var verify = await new AuditService.AuditServiceClient(gateway.Invoker(GatewayFixture.Auditor)).RebuildProjectionsAsync(new RebuildProjectionsRequest(), cancellationToken: Ct);
        Assert.True(verify.Agrees, verify.FirstDifference?.ToString());
    }
}

[Collection(ConsoleOutput.Name)]
public sealed class a_coordinator_onboards_from_the_cli(GatewayFixture gateway)
{
    [Fact(Timeout = TestTimeouts.Default)]
    public async Task apply_for_a_neighbour_without_a_phone_orient_and_approve()
    {
        var district = await Seed.DistrictAsync(gateway);
        await gateway.Administration(GatewayFixture.Administrator).ChangeDistrictDefaultsAsync(new ChangeDistrictDefaultsRequest
        {
            DistrictId = district, MemberFloorMinutes = -600, MemberCapMinutes = 6_000, WelcomeGrantMinutes = 300, Reason = "서울 시간은행 / as Seoul did",
        }, cancellationToken: TestContext.Current.CancellationToken);
        var address = gateway.GrpcAddress.ToString();
        var coordinator = GatewayFixture.Coordinator(district);

        var (applied, application) = await CliRun.RunAsync(address, coordinator, "apply", district, "박순자", "--no-phone", "--skill", "김치 담그기", "--language", "ko");
        var id = application.Split("applied: ")[1][..36];
        var (listed, waiting) = await CliRun.RunAsync(address, coordinator, "applications");
        var (early, refusal) = await CliRun.RunAsync(address, coordinator, "approve", id);
        var (oriented, _) = await CliRun.RunAsync(address, coordinator, "orient", id);
        var (approved, approval) = await CliRun.RunAsync(address, coordinator, "approve", id);
        var (unexplained, usage) = await CliRun.RunAsync(address, coordinator, "decline", id);
        var (elsewhere, denied) = await CliRun.RunAsync(address, coordinator, "applications", "--district", "somewhere-else");

        var memberId = approval.Split("member ")[1][..36];
        var (corrected, _) = await CliRun.RunAsync(address, coordinator, "update-member", memberId, "--contact", "02-123-4567", "--skill", "뜨개질");
        var (shown, profile) = await CliRun.RunAsync(address, coordinator, "member", memberId);

        Assert.Equal((0, 0, 1, 0, 0, 2, 0, 0), (applied, listed, early, oriented, approved, unexplained, corrected, shown));
        Assert.Contains("박순자", profile, StringComparison.Ordinal);
        Assert.Contains("02-123-4567", profile, StringComparison.Ordinal);
        Assert.Contains("기술 skills: 뜨개질", profile, StringComparison.Ordinal);
        Assert.Contains("전화 phone: 없음 no", profile, StringComparison.Ordinal);
        Assert.Contains("박순자", waiting, StringComparison.Ordinal);
        Assert.Contains("1건 대기 / waiting", waiting, StringComparison.Ordinal);
        Assert.Contains("record the orientation first", refusal, StringComparison.Ordinal);
        Assert.Contains("welcome grant 5h 00m", approval, StringComparison.Ordinal);
        Assert.Contains("'--reason' is required", usage, StringComparison.Ordinal);
        Assert.NotEqual(0, elsewhere);
        Assert.Contains("error PermissionDenied", denied, StringComparison.Ordinal);
    }
}
