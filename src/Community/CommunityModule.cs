using EPoomasi.Community.Members;
using EPoomasi.Community.Onboarding;
using EPoomasi.Ledger;
using EPoomasi.Ledger.Administration;
using EPoomasi.Ledger.Modules;

namespace EPoomasi.Community;

/// <summary>
/// The community module's one door: members as people, and the coordinators' workflows. It reaches the
/// ledger only through <see cref="LedgerModule"/>: its workflows are kinds of state on the ledger's open
/// write path, so that a decision and the credits it moves commit together, and personal data lives in
/// the ledger's module documents, outside the event log.
/// </summary>
public sealed class CommunityModule
{
    /// <summary>Most applications on one page of a list.</summary>
    public const int MaxPageSize = 200;

    private readonly LedgerModule _ledger;
    private readonly ModuleKind<ApplicationCommand, Application, OnboardingResult> _applications;

    private CommunityModule(LedgerModule ledger)
    {
        _ledger = ledger;
        _applications = ledger.Register(new ApplicationDecider());
        Members = new MemberDirectory(ledger.Documents);
    }

    /// <summary>Members' profiles, and who holds which account.</summary>
    public MemberDirectory Members { get; }

    /// <summary>Registers the module's kinds of state with the ledger. Once per ledger, at start.</summary>
    public static CommunityModule Attach(LedgerModule ledger)
    {
        ArgumentNullException.ThrowIfNull(ledger);
        return new CommunityModule(ledger);
    }

    /// <summary>The application id a request to apply creates.</summary>
    public static Guid ApplicationOf(Guid requestId) => DerivedIds.From(requestId, "application");

    /// <summary>The member id a request to apply creates.</summary>
    public static Guid MemberOf(Guid requestId) => DerivedIds.From(requestId, "member");

    /// <summary>
    /// A person applies to join <paramref name="districtId"/>, or a coordinator applies for them. Their profile is
    /// kept outside the log; the application notes a member who gave the same contact or name first. Repeating the
    /// request id answers the first application.
    /// </summary>
    /// <exception cref="CommunityInputException">The profile breaks a rule; the message says which.</exception>
    public async Task<OnboardingResult> ApplyAsync(Guid requestId, string districtId, MemberProfile profile, Attribution by, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(profile);
        var applicationId = ApplicationOf(requestId);
        if (await _ledger.GetDistrictAsync(districtId, cancellationToken) is null) return new OnboardingResult(OnboardingCode.DistrictNotFound, null) { ApplicationId = applicationId };
        profile = profile with { DistrictId = districtId };
        if (profile.Problem() is { } problem) throw new CommunityInputException(problem);

        var memberId = MemberOf(requestId);
        await Members.PutAsync(memberId, profile, by, cancellationToken);
        var earlier = await Members.FindEarlierAsync(memberId, profile, by, cancellationToken);
        return await SubmitAsync(new Apply(requestId, by, applicationId, districtId, memberId, earlier), cancellationToken);
    }

    /// <summary>A coordinator records that the applicant attended the orientation.</summary>
    public Task<OnboardingResult> RecordOrientationAsync(Guid requestId, string districtId, Guid applicationId, Attribution by, CancellationToken cancellationToken) =>
        SubmitAsync(new RecordOrientation(requestId, by, applicationId, districtId), cancellationToken);

    /// <summary>
    /// A coordinator approves: the member's account is opened, and the approval and the district's welcome grant
    /// (as the district has it now) commit in one transaction. Repeating the request id answers the first approval.
    /// </summary>
    public async Task<OnboardingResult> ApproveAsync(Guid requestId, string districtId, Guid applicationId, Attribution by, CancellationToken cancellationToken)
    {
        var accountId = ApplicationDecider.AccountOf(applicationId);
        var district = await _ledger.GetDistrictAsync(districtId, cancellationToken);
        if (district is null) return new OnboardingResult(OnboardingCode.DistrictNotFound, null) { ApplicationId = applicationId };

        // The account is opened ahead of the approval's transaction, and is the applicant's from the start; opening
        // it again is harmless. An approval refused afterwards leaves it open and empty, for the next approval.
        if (await _applications.GetAsync(applicationId.ToString(), cancellationToken) is ({ Status: ApplicationStatus.Pending } pending, _)
            && pending.DistrictId == districtId && pending.OrientationDone)
        {
            await Members.AddHolderAsync(accountId, pending.MemberId, by, cancellationToken);
            var opened = await _ledger.ExecuteAsync(new Ledger.Accounts.OpeningAccount.OpenAccount(accountId, districtId, by), cancellationToken);
            if (opened.Result != AdminResult.Ok)
            {
                return new OnboardingResult(OnboardingCode.AccountNotOpened, pending, opened.Result.ToString()) { ApplicationId = applicationId };
            }
        }

        return await SubmitAsync(
            new Approve(requestId, by, applicationId, districtId, accountId, district.IssuanceAccountId, district.WelcomeGrant ?? Minutes.Zero), cancellationToken);
    }

    /// <summary>A coordinator declines, with a reason.</summary>
    public Task<OnboardingResult> DeclineAsync(Guid requestId, string districtId, Guid applicationId, string reason, Attribution by, CancellationToken cancellationToken) =>
        SubmitAsync(new Decline(requestId, by, applicationId, districtId, reason ?? string.Empty), cancellationToken);

    /// <summary>The application, or null.</summary>
    public async Task<Application?> GetApplicationAsync(Guid applicationId, CancellationToken cancellationToken) =>
        await _applications.GetAsync(applicationId.ToString(), cancellationToken) is (var application, _) ? application : null;

    /// <summary>A page of the district's applications still undecided, oldest id first after <paramref name="after"/> (empty for the first page).</summary>
    public async Task<IReadOnlyList<(Guid Id, Application Application)>> ListPendingAsync(string districtId, string after, int pageSize, CancellationToken cancellationToken)
    {
        var page = await _applications.ListAsync(new { districtId, status = nameof(ApplicationStatus.Pending) }, after, Math.Clamp(pageSize, 1, MaxPageSize), cancellationToken);
        return page.Select(p => (Guid.Parse(p.Key), p.State)).ToList();
    }

    private async Task<OnboardingResult> SubmitAsync(ApplicationCommand command, CancellationToken cancellationToken)
    {
        var outcome = await _applications.SubmitAsync(command, cancellationToken);
        return outcome.Result with { ApplicationId = command.ApplicationId, Replayed = outcome.Replayed };
    }
}
