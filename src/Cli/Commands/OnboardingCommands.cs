using System.CommandLine;
using EPoomasi.Contracts.Community.V1;

namespace EPoomasi.Cli.Commands;

/// <summary>People join a district: they apply, a coordinator records their orientation and approves or declines.</summary>
internal static class OnboardingCommands
{
    public static IEnumerable<Command> All()
    {
        var district = new Argument<string>("district") { Description = "가입할 구 / the district to join, e.g. mapo" };
        var name = new Argument<string>("name") { Description = "이름 / the display name, e.g. 김영희" };
        var contact = new Option<string>("--contact") { Description = "전화 또는 이메일 / a phone number or e-mail address", DefaultValueFactory = _ => "" };
        var noPhone = new Option<bool>("--no-phone") { Description = "본인 전화가 없음 / the person has no phone of their own" };
        var skills = new Option<string[]>("--skill") { Description = "할 수 있는 일 / something they offer (repeatable)", AllowMultipleArgumentsPerToken = false };
        var languages = new Option<string[]>("--language") { Description = "언어 / a language they speak, e.g. ko (repeatable)" };
        var bio = new Option<string>("--bio") { Description = "소개 / a few words about them", DefaultValueFactory = _ => "" };
        yield return Define.Command("apply", "가입 신청 / apply to join a district (coordinators may apply for someone)", [district, name, contact, noPhone, skills, languages, bio],
            async (parse, session, cancellationToken) =>
            {
                var profile = new MemberProfile { DisplayName = parse.GetValue(name)!, Contact = parse.GetValue(contact)!, HasPhone = !parse.GetValue(noPhone), Bio = parse.GetValue(bio)! };
                profile.Skills.AddRange(parse.GetValue(skills) ?? []);
                profile.Languages.AddRange(parse.GetValue(languages) ?? []);
                var response = await session.Gateway.Community(session.Token).ApplyAsync(
                    new ApplyRequest { RequestId = Guid.NewGuid().ToString(), DistrictId = parse.GetValue(district)!, Profile = profile }, cancellationToken: cancellationToken);
                return Outcome(response.Outcome);
            });

        var districtOption = Inputs.District();
        var pageSize = Inputs.PageSize(50);
        yield return Define.Command("applications", "가입 신청 대기 목록 / applications waiting in your district", [districtOption, pageSize, Inputs.PageToken, Inputs.All],
            async (parse, session, cancellationToken) =>
            {
                var districtId = session.District(parse.GetValue(districtOption));
                var request = new ListPendingApplicationsRequest { DistrictId = districtId, PageSize = parse.GetValue(pageSize), PageToken = parse.GetValue(Inputs.PageToken)! };
                Console.WriteLine($"  {"신청 / application",-36}  {"이름 / name",-16} {"신청 시각 / applied (Seoul)",-22} 교육 orientation  확인 / check");
                var count = 0;
                while (true)
                {
                    var page = await session.Gateway.Community(session.Token).ListPendingApplicationsAsync(request, cancellationToken: cancellationToken);
                    foreach (var application in page.Applications)
                    {
                        var earlier = application.EarlierMemberId.Length == 0 ? "" : $"중복? possible duplicate of {application.EarlierMemberName} ({application.EarlierMemberId})";
                        Console.WriteLine($"  {application.ApplicationId,-36}  {application.DisplayName,-16} {Seoul.Format(application.AppliedAt),-22} {(application.OrientationDone ? "완료 done" : "아직 not yet"),-16}  {earlier}");
                        count++;
                    }

                    if (page.NextPageToken.Length == 0 || !parse.GetValue(Inputs.All))
                    {
                        if (page.NextPageToken.Length > 0) Console.WriteLine($"  다음 쪽 / next page: --page-token {page.NextPageToken}");
                        break;
                    }

                    request.PageToken = page.NextPageToken;
                }

                Console.WriteLine($"  {count}건 대기 / waiting");
                return 0;
            });

        var application = Inputs.Id("application", "가입 신청 번호 / the application's id");
        yield return Define.Command("orient", "오리엔테이션 완료 기록 / record that the applicant attended the orientation", [application, districtOption],
            async (parse, session, cancellationToken) => Outcome((await session.Gateway.Community(session.Token).RecordOrientationAsync(new RecordOrientationRequest
            {
                RequestId = Guid.NewGuid().ToString(), DistrictId = session.District(parse.GetValue(districtOption)), ApplicationId = parse.GetValue(application)!,
            }, cancellationToken: cancellationToken)).Outcome));

        yield return Define.Command("approve", "가입 승인: 계좌 개설과 환영 적립 / approve: open the account and pay the welcome grant", [application, districtOption],
            async (parse, session, cancellationToken) => Outcome((await session.Gateway.Community(session.Token).ApproveApplicationAsync(new ApproveApplicationRequest
            {
                RequestId = Guid.NewGuid().ToString(), DistrictId = session.District(parse.GetValue(districtOption)), ApplicationId = parse.GetValue(application)!,
            }, cancellationToken: cancellationToken)).Outcome));

        var reason = Inputs.Reason();
        yield return Define.Command("decline", "가입 거절 / decline an application, with a reason", [application, reason, districtOption],
            async (parse, session, cancellationToken) => Outcome((await session.Gateway.Community(session.Token).DeclineApplicationAsync(new DeclineApplicationRequest
            {
                RequestId = Guid.NewGuid().ToString(), DistrictId = session.District(parse.GetValue(districtOption)), ApplicationId = parse.GetValue(application)!,
                Reason = parse.GetValue(reason)!,
            }, cancellationToken: cancellationToken)).Outcome));

        var member = Inputs.Id("member", "회원 번호 / the member's id");
        yield return Define.Command("member", "회원 정보 / a member's profile and accounts", [member, districtOption],
            async (parse, session, cancellationToken) =>
            {
                var found = await session.Gateway.Community(session.Token).GetMemberAsync(
                    new GetMemberRequest { DistrictId = session.District(parse.GetValue(districtOption)), MemberId = parse.GetValue(member)! }, cancellationToken: cancellationToken);
                var profile = found.Profile;
                Console.WriteLine($"  {profile.DisplayName}  ({found.MemberId}, {found.DistrictId})");
                Console.WriteLine($"  연락처 contact: {(profile.Contact.Length > 0 ? profile.Contact : "-")}   전화 phone: {(profile.HasPhone ? "있음 yes" : "없음 no")}");
                Console.WriteLine($"  언어 languages: {string.Join(", ", profile.Languages)}   기술 skills: {string.Join(", ", profile.Skills)}");
                if (profile.Bio.Length > 0) Console.WriteLine($"  소개 bio: {profile.Bio}");
                Console.WriteLine($"  계정 accounts: {string.Join(", ", found.AccountIds)}");
                return 0;
            });

        var newName = new Option<string?>("--name") { Description = "이름 / the display name" };
        var newContact = new Option<string?>("--contact") { Description = "연락처 / phone or e-mail; \"\" removes it" };
        var hasPhone = new Option<bool?>("--has-phone") { Description = "본인 전화 있음 / whether they have a phone of their own (true, false)" };
        var newSkills = new Option<string[]>("--skill") { Description = "기술 (주면 모두 바꿈) / what they offer; given, it replaces the list (repeatable)" };
        var newLanguages = new Option<string[]>("--language") { Description = "언어 (주면 모두 바꿈) / languages; given, it replaces the list (repeatable)" };
        var newBio = new Option<string?>("--bio") { Description = "소개 / a few words about them" };
        yield return Define.Command("update-member", "회원 정보 고치기: 준 항목만 바뀜 / correct a member's profile: only what is given changes",
            [member, districtOption, newName, newContact, hasPhone, newSkills, newLanguages, newBio],
            async (parse, session, cancellationToken) =>
            {
                var districtId = session.District(parse.GetValue(districtOption));
                var community = session.Gateway.Community(session.Token);
                var current = (await community.GetMemberAsync(new GetMemberRequest { DistrictId = districtId, MemberId = parse.GetValue(member)! }, cancellationToken: cancellationToken)).Profile;
                var profile = current.Clone();
                if (parse.GetValue(newName) is { } name) profile.DisplayName = name;
                if (parse.GetValue(newContact) is { } contact) profile.Contact = contact;
                if (parse.GetValue(hasPhone) is { } phone) profile.HasPhone = phone;
                if (parse.GetValue(newBio) is { } bio) profile.Bio = bio;
                if (parse.GetValue(newSkills) is { Length: > 0 } skillList) { profile.Skills.Clear(); profile.Skills.AddRange(skillList); }
                if (parse.GetValue(newLanguages) is { Length: > 0 } languageList) { profile.Languages.Clear(); profile.Languages.AddRange(languageList); }
                await community.UpdateMemberProfileAsync(new UpdateMemberProfileRequest { DistrictId = districtId, MemberId = parse.GetValue(member)!, Profile = profile }, cancellationToken: cancellationToken);
                Console.WriteLine(profile.Equals(current) ? "  바뀐 것이 없습니다 / nothing changed" : "  고쳐짐 / corrected");
                return 0;
            });

        yield return Define.Command("erase-member", "개인정보 삭제 (장부는 유지) / erase a member's personal data; the books keep their ids", [member, districtOption],
            async (parse, session, cancellationToken) =>
            {
                var erased = await session.Gateway.Community(session.Token).EraseMemberAsync(
                    new EraseMemberRequest { DistrictId = session.District(parse.GetValue(districtOption)), MemberId = parse.GetValue(member)! }, cancellationToken: cancellationToken);
                Console.WriteLine(erased.Erased ? "  삭제됨 / erased" : "  지울 개인정보가 없습니다 / there was no profile to erase");
                return 0;
            });
    }

    private static int Outcome(OnboardingOutcome outcome)
    {
        var a = outcome.Application;
        var (ok, text) = outcome.Result switch
        {
            OnboardingResult.Applied => (true, $"신청됨 / applied: {outcome.ApplicationId}" + (a.EarlierMemberId.Length > 0 ? $" — 이미 신청한 사람과 비슷합니다 / resembles {a.EarlierMemberName} ({a.EarlierMemberId})" : "")),
            OnboardingResult.OrientationRecorded => (true, "오리엔테이션 기록됨 / orientation recorded"),
            OnboardingResult.Approved => (true, $"승인됨 / approved: 회원 member {a.MemberId}, 계정 account {a.AccountId}, 환영 적립 welcome grant {Hours.Format(a.WelcomeGrantMinutes)}"),
            OnboardingResult.Declined => (true, $"거절됨 / declined: {a.DeclineReason}"),
            OnboardingResult.OrientationRequired => (false, "먼저 오리엔테이션을 기록하세요 / record the orientation first (orient)"),
            OnboardingResult.AlreadyDecided => (false, $"이미 결정됨 / already decided: {Printer.Label(a.Status)}"),
            OnboardingResult.NotFound => (false, "그런 신청이 없습니다 / no such application"),
            OnboardingResult.OtherDistrict => (false, "다른 구의 신청입니다 / the application belongs to another district"),
            OnboardingResult.ReasonRequired => (false, "사유가 필요합니다 / a reason is required (1 to 512 characters)"),
            OnboardingResult.WelcomeGrantRefused => (false, $"환영 적립이 거절되었습니다 / the ledger refused the welcome grant: {outcome.LedgerRefusal}"),
            OnboardingResult.AccountNotOpened => (false, $"계정을 열 수 없습니다 / the ledger would not open the account: {outcome.LedgerRefusal}"),
            OnboardingResult.DistrictNotFound => (false, "그런 구가 없습니다 / no such district"),
            _ => (false, Printer.Label(outcome.Result)),
        };
        Console.WriteLine($"  {text}{(outcome.Replayed ? " (반복 / repeated)" : "")}");
        return ok ? 0 : 1;
    }
}
