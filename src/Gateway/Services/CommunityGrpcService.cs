using EPoomasi.Contracts.Community.V1;
using EPoomasi.Gateway.Errors;
using EPoomasi.Gateway.Hosting;
using EPoomasi.Gateway.Mapping;
using Grpc.Core;
using Domain = EPoomasi.Community.Onboarding;

namespace EPoomasi.Gateway.Services;

/// <summary>Members and onboarding: proto → community module → proto.</summary>
public sealed partial class CommunityGrpcService(LedgerRuntime runtime) : CommunityService.CommunityServiceBase
{
    private const int DefaultPageSize = 50;

    public override async Task<ApplyResponse> Apply(ApplyRequest request, ServerCallContext context)
    {
        var violations = new FieldViolations();
        var requestId = violations.Id("request_id", request.RequestId);
        if (request.Profile is null) violations.Add("profile", "Required: the applicant's profile, with a display name at least.");
        violations.ThrowIfAny();
        var result = await runtime.Community.ApplyAsync(requestId, request.DistrictId, CommunityMapping.Profile(request.Profile!, request.DistrictId), CallerAttribution.From(context), context.CancellationToken);
        return new() { Outcome = await AnswerAsync(result, context.CancellationToken) };
    }

    public override async Task<RecordOrientationResponse> RecordOrientation(RecordOrientationRequest request, ServerCallContext context)
    {
        var (requestId, applicationId) = Ids(request.RequestId, request.ApplicationId);
        var result = await runtime.Community.RecordOrientationAsync(requestId, request.DistrictId, applicationId, CallerAttribution.From(context), context.CancellationToken);
        return new() { Outcome = await AnswerAsync(result, context.CancellationToken) };
    }

    public override async Task<ApproveApplicationResponse> ApproveApplication(ApproveApplicationRequest request, ServerCallContext context)
    {
        var (requestId, applicationId) = Ids(request.RequestId, request.ApplicationId);
        var result = await runtime.Community.ApproveAsync(requestId, request.DistrictId, applicationId, CallerAttribution.From(context), context.CancellationToken);
        return new() { Outcome = await AnswerAsync(result, context.CancellationToken) };
    }

    public override async Task<DeclineApplicationResponse> DeclineApplication(DeclineApplicationRequest request, ServerCallContext context)
    {
        var (requestId, applicationId) = Ids(request.RequestId, request.ApplicationId);
        var result = await runtime.Community.DeclineAsync(requestId, request.DistrictId, applicationId, request.Reason, CallerAttribution.From(context), context.CancellationToken);
        return new() { Outcome = await AnswerAsync(result, context.CancellationToken) };
    }

    public override async Task<ListPendingApplicationsResponse> ListPendingApplications(ListPendingApplicationsRequest request, ServerCallContext context)
    {
        var (after, size) = Page(request.PageSize, request.PageToken, "a1", request.DistrictId);
        var page = await runtime.Community.ListPendingAsync(request.DistrictId, after, size, context.CancellationToken);
        var response = new ListPendingApplicationsResponse();
        response.Applications.AddRange(await NamedAsync(page, context.CancellationToken));
        if (page.Count == size) response.NextPageToken = PageToken.Encode("a1", request.DistrictId, page[^1].Id.ToString());
        return response;
    }

    public override async Task<GetMemberResponse> GetMember(GetMemberRequest request, ServerCallContext context)
    {
        var memberId = MemberId(request.MemberId);
        var profile = await runtime.Community.Members.GetAsync(memberId, context.CancellationToken);
        if (profile is null || profile.DistrictId != request.DistrictId) throw LedgerErrors.NotFound($"Member {memberId} of district {request.DistrictId}");
        var response = new GetMemberResponse { MemberId = memberId.ToString(), DistrictId = profile.DistrictId, Profile = CommunityMapping.Profile(profile) };
        response.AccountIds.AddRange((await runtime.Community.Members.AccountsOfAsync(memberId, context.CancellationToken)).Select(a => a.ToString()));
        return response;
    }

    public override async Task<UpdateMemberProfileResponse> UpdateMemberProfile(UpdateMemberProfileRequest request, ServerCallContext context)
    {
        var memberId = MemberId(request.MemberId);
        if (request.Profile is null) throw FieldViolations.For("profile", "Required: the corrected profile.");
        var members = runtime.Community.Members;
        if (await members.GetAsync(memberId, context.CancellationToken) is not { } profile || profile.DistrictId != request.DistrictId)
        {
            throw LedgerErrors.NotFound($"Member {memberId} of district {request.DistrictId}");
        }

        var corrected = CommunityMapping.Profile(request.Profile, request.DistrictId);
        if (corrected.Problem() is { } problem) throw FieldViolations.For("profile", problem);
        await members.PutAsync(memberId, corrected, CallerAttribution.From(context), context.CancellationToken);
        return new UpdateMemberProfileResponse();
    }

    public override async Task<EraseMemberResponse> EraseMember(EraseMemberRequest request, ServerCallContext context)
    {
        var memberId = MemberId(request.MemberId);
        var members = runtime.Community.Members;
        if (await members.GetAsync(memberId, context.CancellationToken) is { } profile && profile.DistrictId != request.DistrictId)
        {
            throw LedgerErrors.NotFound($"Member {memberId} of district {request.DistrictId}");
        }

        return new EraseMemberResponse { Erased = await members.EraseAsync(memberId, context.CancellationToken) };
    }

    private async Task<OnboardingOutcome> AnswerAsync(Domain.OnboardingResult result, CancellationToken cancellationToken)
    {
        var response = new OnboardingOutcome
        {
            Result = CommunityMapping.Result(result.Code),
            Replayed = result.Replayed,
            LedgerRefusal = result.LedgerRefusal ?? string.Empty,
            ApplicationId = result.ApplicationId.ToString(),
        };
        if (result.Application is { } application)
        {
            response.Application = (await NamedAsync([(result.ApplicationId, application)], cancellationToken))[0];
        }

        return response;
    }

    // The applicants' and earlier members' names, read in one go from their profiles.
    private async Task<IReadOnlyList<Contracts.Community.V1.Application>> NamedAsync(IReadOnlyList<(Guid Id, Domain.Application Application)> applications, CancellationToken cancellationToken)
    {
        var memberIds = applications.SelectMany(a => new[] { a.Application.MemberId, a.Application.EarlierMember ?? Guid.Empty }).Where(id => id != Guid.Empty).Distinct().ToList();
        var profiles = await runtime.Community.Members.GetManyAsync(memberIds, cancellationToken);
        return applications.Select(a => CommunityMapping.Application(a.Id, a.Application, profiles)).ToList();
    }

    // Where a page of a district's list starts, and how long it is.
    private static (string After, int Size) Page(int pageSize, string pageToken, string version, string districtId)
    {
        if (pageSize is < 0 or > EPoomasi.Community.CommunityModule.MaxPageSize)
        {
            throw FieldViolations.For("page_size", $"From 1 to {EPoomasi.Community.CommunityModule.MaxPageSize}, or 0 for {DefaultPageSize}.");
        }

        var after = pageToken.Length == 0 ? string.Empty
            : PageToken.Decode(pageToken, version, districtId) ?? throw FieldViolations.For("page_token", "Not a token this list gave; start again without one.");
        return (after, pageSize == 0 ? DefaultPageSize : pageSize);
    }

    private static (Guid RequestId, Guid ApplicationId) Ids(string requestId, string applicationId)
    {
        var violations = new FieldViolations();
        var ids = (violations.Id("request_id", requestId), violations.Id("application_id", applicationId));
        violations.ThrowIfAny();
        return ids;
    }

    private static Guid MemberId(string value)
    {
        var violations = new FieldViolations();
        var id = violations.Id("member_id", value);
        violations.ThrowIfAny();
        return id;
    }
}
