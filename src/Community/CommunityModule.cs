using EPoomasi.Community.Closing;
using EPoomasi.Community.Importing;
using EPoomasi.Community.Members;
using EPoomasi.Community.Minting;
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
    /// <summary>How long a mint waits for a second coordinator before its hold expires.</summary>
    public static readonly TimeSpan MintApprovalWindow = TimeSpan.FromDays(14);

    private readonly ModuleKind<ApplicationCommand, Application, OnboardingResult> _applications;
    private readonly ModuleKind<MintCommand, Mint, MintResult> _mints;

    private CommunityModule(LedgerModule ledger)
    {
        _ledger = ledger;
        _applications = ledger.Register(new ApplicationDecider());
        _mints = ledger.Register(new MintDecider());
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

        // A repeat of the request answers the first application, and leaves the profile and what duplicate checks
        // remember as they are now (corrected, perhaps).
        if (await _applications.GetAsync(applicationId.ToString(), cancellationToken) is ({ } first, _))
        {
            return await SubmitAsync(new Apply(requestId, by, applicationId, first.DistrictId, first.MemberId, first.EarlierMember), cancellationToken);
        }

        var memberId = MemberOf(requestId);
        await Members.AddAsync(memberId, profile, by, cancellationToken);
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

    /// <summary>A page of the district's applications still undecided, in id order after <paramref name="after"/> (empty for the first page).</summary>
    public async Task<IReadOnlyList<(Guid Id, Application Application)>> ListPendingAsync(string districtId, string after, int pageSize, CancellationToken cancellationToken)
    {
        var page = await _applications.ListAsync(new { districtId, status = nameof(ApplicationStatus.Pending) }, after, Math.Clamp(pageSize, 1, MaxPageSize), cancellationToken);
        return page.Select(p => (Guid.Parse(p.Key), p.State)).ToList();
    }

    /// <summary>
    /// A coordinator mints <paramref name="amount"/> for community work into a member's account, with a reason. Above
    /// the district's threshold it waits, as a hold on issuance, for a second coordinator. Repeating the request id
    /// answers the first outcome.
    /// </summary>
    public async Task<MintResult> RequestMintAsync(
        Guid requestId, string districtId, Guid accountId, Minutes amount, string reason, Attribution by, CancellationToken cancellationToken)
    {
        var mintId = MintOf(requestId);
        if (await _ledger.GetDistrictAsync(districtId, cancellationToken) is not { } district) return new MintResult(MintCode.DistrictNotFound, null) { MintId = mintId };
        return await SubmitAsync(
            new RequestMint(requestId, by, mintId, districtId, accountId, amount, reason ?? string.Empty, district.IssuanceAccountId, district.MintApprovalAbove, MintApprovalWindow),
            cancellationToken);
    }

    /// <summary>The mint id a request to mint creates.</summary>
    public static Guid MintOf(Guid requestId) => DerivedIds.From(requestId, "mint");

    /// <summary>A second coordinator approves a waiting mint: the hours are paid. Its requester cannot.</summary>
    public Task<MintResult> ApproveMintAsync(Guid requestId, string districtId, Guid mintId, Attribution by, CancellationToken cancellationToken) =>
        SubmitAsync(new ApproveMint(requestId, by, mintId, districtId), cancellationToken);

    /// <summary>A coordinator declines a waiting mint, or its requester withdraws it, with a reason.</summary>
    public Task<MintResult> DeclineMintAsync(Guid requestId, string districtId, Guid mintId, string reason, Attribution by, CancellationToken cancellationToken) =>
        SubmitAsync(new DeclineMint(requestId, by, mintId, districtId, reason ?? string.Empty), cancellationToken);

    /// <summary>A page of the district's mints waiting for a second coordinator, in id order after <paramref name="after"/>.</summary>
    public async Task<IReadOnlyList<(Guid Id, Mint Mint)>> ListAwaitingMintsAsync(string districtId, string after, int pageSize, CancellationToken cancellationToken)
    {
        var page = await _mints.ListAsync(new { districtId, status = nameof(MintStatus.AwaitingApproval) }, after, Math.Clamp(pageSize, 1, MaxPageSize), cancellationToken);
        return page.Select(p => (Guid.Parse(p.Key), p.State)).ToList();
    }

    /// <summary>
    /// Checks, and unless <paramref name="dryRun"/> imports, members from another time bank into the district, with their
    /// opening balances. One result per row, in order. Importing the same rows again changes nothing. Null when there is
    /// no such district.
    /// </summary>
    /// <exception cref="CommunityInputException">More than <see cref="MemberImport.MaxRows"/> rows.</exception>
    public async Task<IReadOnlyList<ImportRowResult>?> ImportMembersAsync(
        string districtId, IReadOnlyList<ImportRow> rows, bool dryRun, Attribution by, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(rows);
        if (rows.Count > MemberImport.MaxRows) throw new CommunityInputException($"한 번에 {MemberImport.MaxRows:N0}줄까지입니다 / at most {MemberImport.MaxRows:N0} rows a call.");
        if (await _ledger.GetDistrictAsync(districtId, cancellationToken) is not { } district) return null;
        return await new MemberImport(_ledger, Members).RunAsync(district, rows, dryRun, by, cancellationToken);
    }

    /// <summary>
    /// Closes a member's account for good, settling its balance first: a positive balance to the community pot, a
    /// negative one covered from issuance, with the reason. A pending hold refuses it.
    /// </summary>
    public Task<ClosingResult> CloseAccountAsync(Guid requestId, string districtId, Guid accountId, string reason, Attribution by, CancellationToken cancellationToken) =>
        new AccountClosing(_ledger).CloseAsync(requestId, districtId, accountId, reason ?? string.Empty, by, cancellationToken);

    private async Task<MintResult> SubmitAsync(MintCommand command, CancellationToken cancellationToken)
    {
        var outcome = await _mints.SubmitAsync(command, cancellationToken);
        return outcome.Result with { MintId = command.MintId, Replayed = outcome.Replayed };
    }

    private async Task<OnboardingResult> SubmitAsync(ApplicationCommand command, CancellationToken cancellationToken)
    {
        var outcome = await _applications.SubmitAsync(command, cancellationToken);
        return outcome.Result with { ApplicationId = command.ApplicationId, Replayed = outcome.Replayed };
    }
}
