using EPoomasi.Community.Minting;
using EPoomasi.Community.Onboarding;
using Google.Protobuf.WellKnownTypes;
using Domain = EPoomasi.Community;
using Proto = EPoomasi.Contracts.Community.V1;

namespace EPoomasi.Gateway.Mapping;

/// <summary>The community module's types to proto and back.</summary>
public static class CommunityMapping
{
    public static Domain.Members.MemberProfile Profile(Proto.MemberProfile profile, string districtId) => new(
        profile.DisplayName.Trim(),
        string.IsNullOrWhiteSpace(profile.Contact) ? null : profile.Contact.Trim(),
        profile.Languages.Select(l => l.Trim()).ToList(),
        profile.Skills.Select(s => s.Trim()).ToList(),
        string.IsNullOrWhiteSpace(profile.Bio) ? null : profile.Bio,
        profile.HasPhone,
        districtId);

    public static Proto.MemberProfile Profile(Domain.Members.MemberProfile profile) => new()
    {
        DisplayName = profile.DisplayName,
        Contact = profile.Contact ?? string.Empty,
        Languages = { profile.Languages },
        Skills = { profile.Skills },
        Bio = profile.Bio ?? string.Empty,
        HasPhone = profile.HasPhone,
    };

    public static Proto.OnboardingResult Result(OnboardingCode code) => code switch
    {
        OnboardingCode.Applied => Proto.OnboardingResult.Applied,
        OnboardingCode.OrientationRecorded => Proto.OnboardingResult.OrientationRecorded,
        OnboardingCode.Approved => Proto.OnboardingResult.Approved,
        OnboardingCode.Declined => Proto.OnboardingResult.Declined,
        OnboardingCode.AlreadyApplied => Proto.OnboardingResult.AlreadyApplied,
        OnboardingCode.NotFound => Proto.OnboardingResult.NotFound,
        OnboardingCode.OtherDistrict => Proto.OnboardingResult.OtherDistrict,
        OnboardingCode.AlreadyDecided => Proto.OnboardingResult.AlreadyDecided,
        OnboardingCode.OrientationRequired => Proto.OnboardingResult.OrientationRequired,
        OnboardingCode.ReasonRequired => Proto.OnboardingResult.ReasonRequired,
        OnboardingCode.WelcomeGrantRefused => Proto.OnboardingResult.WelcomeGrantRefused,
        OnboardingCode.AccountNotOpened => Proto.OnboardingResult.AccountNotOpened,
        OnboardingCode.DistrictNotFound => Proto.OnboardingResult.DistrictNotFound,
        _ => throw new ArgumentOutOfRangeException(nameof(code), code, "An onboarding result without a proto value."),
    };

    public static Proto.Application Application(Guid id, Application application, IReadOnlyDictionary<Guid, Domain.Members.MemberProfile> profiles) => new()
    {
        ApplicationId = id.ToString(),
        MemberId = application.MemberId.ToString(),
        DistrictId = application.DistrictId,
        Status = application.Status switch
        {
            ApplicationStatus.Pending => Proto.ApplicationStatus.Pending,
            ApplicationStatus.Approved => Proto.ApplicationStatus.Approved,
            _ => Proto.ApplicationStatus.Declined,
        },
        AppliedBy = application.AppliedBy,
        AppliedAt = Timestamp.FromDateTimeOffset(application.AppliedAt),
        EarlierMemberId = application.EarlierMember?.ToString() ?? string.Empty,
        OrientationDone = application.OrientationDone,
        AccountId = application.AccountId?.ToString() ?? string.Empty,
        WelcomeGrantMinutes = application.WelcomeGrant?.Value ?? 0,
        DecidedBy = application.DecidedBy ?? string.Empty,
        DeclineReason = application.DeclineReason ?? string.Empty,
        DisplayName = profiles.GetValueOrDefault(application.MemberId)?.DisplayName ?? string.Empty,
        EarlierMemberName = application.EarlierMember is { } earlier ? profiles.GetValueOrDefault(earlier)?.DisplayName ?? string.Empty : string.Empty,
    };

    public static Proto.MintResult Result(MintCode code) => code switch
    {
        MintCode.Minted => Proto.MintResult.Minted,
        MintCode.AwaitingApproval => Proto.MintResult.AwaitingApproval,
        MintCode.Approved => Proto.MintResult.Approved,
        MintCode.Declined => Proto.MintResult.Declined,
        MintCode.AlreadyRequested => Proto.MintResult.AlreadyRequested,
        MintCode.NotFound => Proto.MintResult.NotFound,
        MintCode.OtherDistrict => Proto.MintResult.OtherDistrict,
        MintCode.NotAwaiting => Proto.MintResult.NotAwaiting,
        MintCode.OwnRequest => Proto.MintResult.OwnRequest,
        MintCode.ReasonRequired => Proto.MintResult.ReasonRequired,
        MintCode.LedgerRefused => Proto.MintResult.LedgerRefused,
        MintCode.Expired => Proto.MintResult.Expired,
        MintCode.DistrictNotFound => Proto.MintResult.DistrictNotFound,
        _ => throw new ArgumentOutOfRangeException(nameof(code), code, "A mint result without a proto value."),
    };

    public static Proto.Mint Mint(Guid id, Mint mint, string? holderName) => new()
    {
        MintId = id.ToString(),
        DistrictId = mint.DistrictId,
        AccountId = mint.AccountId.ToString(),
        AmountMinutes = mint.Amount.Value,
        Reason = mint.Reason,
        RequestedBy = mint.RequestedBy,
        RequestedAt = Timestamp.FromDateTimeOffset(mint.RequestedAt),
        Status = mint.Status switch
        {
            MintStatus.AwaitingApproval => Proto.MintStatus.AwaitingApproval,
            MintStatus.Minted => Proto.MintStatus.Minted,
            MintStatus.Declined => Proto.MintStatus.Declined,
            _ => Proto.MintStatus.Expired,
        },
        TransferId = mint.TransferId.ToString(),
        ApprovedBy = mint.ApprovedBy ?? string.Empty,
        DeclinedBy = mint.DeclinedBy ?? string.Empty,
        DeclineReason = mint.DeclineReason ?? string.Empty,
        AccountHolderName = holderName ?? string.Empty,
    };
}
