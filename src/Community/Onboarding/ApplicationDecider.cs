using EPoomasi.Ledger;
using EPoomasi.Ledger.Modules;
using EPoomasi.Ledger.Transfers;
using EPoomasi.Ledger.Transfers.CreatingTransfer;
using System.Text.Json;

namespace EPoomasi.Community.Onboarding;

/// <summary>
/// Decides applications on the ledger's write path, so that an approval and the welcome grant it pays
/// commit together, once, however often the approval is retried.
/// </summary>
internal sealed class ApplicationDecider : ModuleDecider<ApplicationCommand, Application, ApplicationEvent, OnboardingResult>
{
    public const string Name = "community.application";

    public override string Kind => Name;

    protected override JsonSerializerOptions Json => CommunityJson.Options;

    /// <summary>The welcome grant's transfer id: one per application, whoever approves it and however often.</summary>
    public static Guid WelcomeGrantOf(Guid applicationId) => DerivedIds.From(applicationId, "welcome-grant");

    /// <summary>The account approval opens for the applicant.</summary>
    public static Guid AccountOf(Guid applicationId) => DerivedIds.From(applicationId, "account");

    public override IReadOnlyList<TransferCommand> Transfers(ApplicationCommand command, Application? state, DateTimeOffset now) =>
        command is Approve approve && Refusal(approve, state) is null && approve.WelcomeGrant > Minutes.Zero
            ?
            [
                new CreateTransfer(WelcomeGrantOf(approve.ApplicationId), approve.IssuanceAccountId, approve.AccountId, approve.WelcomeGrant,
                    TransferCode.Welcome, "환영 적립 / welcome grant", approve.By),
            ]
            : [];

    public override ModuleDecision<ApplicationEvent, OnboardingResult> Decide(
        ApplicationCommand command, Application? state, IReadOnlyList<TransferOutcome> transfers, DateTimeOffset now)
    {
        if (Refusal(command, state) is { } refusal) return new(new OnboardingResult(refusal, state), []);
        var by = command.By.ActorId;
        return command switch
        {
            Apply apply => Accept(state, new Applied(apply.MemberId, apply.DistrictId, apply.EarlierMember, by, now), OnboardingCode.Applied),
            RecordOrientation => Accept(state, new OrientationRecorded(by, now), OnboardingCode.OrientationRecorded),
            Approve approve when transfers.Count > 0 && !transfers[0].IsOk =>
                new(new OnboardingResult(OnboardingCode.WelcomeGrantRefused, state, transfers[0].Result.ToString()), []),
            Approve approve => Accept(state, new Approved(approve.AccountId, approve.WelcomeGrant, by, now), OnboardingCode.Approved),
            Decline decline => Accept(state, new Declined(decline.Reason.Trim(), by, now), OnboardingCode.Declined),
            _ => throw new ArgumentException($"Unknown command {command.GetType().Name}.", nameof(command)),
        };
    }

    public override Application Evolve(Application? state, ApplicationEvent change) => (state, change) switch
    {
        (null, Applied applied) => new Application(applied.MemberId, applied.DistrictId, ApplicationStatus.Pending, applied.By, applied.At, applied.EarlierMember),
        ({ } application, OrientationRecorded) => application with { OrientationDone = true },
        ({ } application, Approved approved) => application with
        {
            Status = ApplicationStatus.Approved, AccountId = approved.AccountId, WelcomeGrant = approved.WelcomeGrant, DecidedBy = approved.By,
        },
        ({ } application, Declined declined) => application with { Status = ApplicationStatus.Declined, DecidedBy = declined.By, DeclineReason = declined.Reason },
        _ => throw new InvalidOperationException($"{change.GetType().Name} cannot follow {state?.Status.ToString() ?? "nothing"}."),
    };

    private ModuleDecision<ApplicationEvent, OnboardingResult> Accept(Application? state, ApplicationEvent change, OnboardingCode code) =>
        new(new OnboardingResult(code, Evolve(state, change)), [change]);

    // Why the command cannot be taken as the application stands; null when it can.
    private static OnboardingCode? Refusal(ApplicationCommand command, Application? state) => (command, state) switch
    {
        (Apply, not null) => OnboardingCode.AlreadyApplied,
        (Apply, null) => null,
        (_, null) => OnboardingCode.NotFound,
        (_, { } application) when application.DistrictId != command.DistrictId => OnboardingCode.OtherDistrict,
        (_, { Status: not ApplicationStatus.Pending }) => OnboardingCode.AlreadyDecided,
        (Approve, { OrientationDone: false }) => OnboardingCode.OrientationRequired,
        (Decline decline, _) when string.IsNullOrWhiteSpace(decline.Reason) || decline.Reason.Length > LedgerLimits.ReasonMaxLength =>
            OnboardingCode.ReasonRequired,
        _ => null,
    };
}
