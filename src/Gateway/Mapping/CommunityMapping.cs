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
}
