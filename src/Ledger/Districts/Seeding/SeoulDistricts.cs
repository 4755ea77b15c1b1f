using EPoomasi.Ledger.Districts.CreatingDistrict;

namespace EPoomasi.Ledger.Districts.Seeding;

/// <summary>
/// Seoul's 25 autonomous districts (자치구), created when a ledger is first opened with no district at all:
/// the time bank starts with the city's map. Administrators add more and change each one's defaults.
/// </summary>
public static class SeoulDistricts
{
    /// <summary>Defaults every seeded district starts with: members may go 10 hours below zero and hold 100, and get 5 on joining.</summary>
    public static readonly Minutes MemberFloor = Minutes.FromHours(-10);

    public static readonly Minutes MemberCap = Minutes.FromHours(100);

    public static readonly Minutes MintBudget = Minutes.FromHours(10_000);

    /// <summary>Seoul's time bank gave each new member 5 hours.</summary>
    public static readonly Minutes WelcomeGrant = Minutes.FromHours(5);

    /// <summary>Id, Korean name and romanized name (Revised Romanization), in the city's own order.</summary>
    public static readonly IReadOnlyList<(string Id, string Name, string NameRomanized)> All =
    [
        ("jongno", "종로구", "Jongno-gu"), ("jung", "중구", "Jung-gu"), ("yongsan", "용산구", "Yongsan-gu"),
        ("seongdong", "성동구", "Seongdong-gu"), ("gwangjin", "광진구", "Gwangjin-gu"), ("dongdaemun", "동대문구", "Dongdaemun-gu"),
        ("jungnang", "중랑구", "Jungnang-gu"), ("seongbuk", "성북구", "Seongbuk-gu"), ("gangbuk", "강북구", "Gangbuk-gu"),
        ("dobong", "도봉구", "Dobong-gu"), ("nowon", "노원구", "Nowon-gu"), ("eunpyeong", "은평구", "Eunpyeong-gu"),
        ("seodaemun", "서대문구", "Seodaemun-gu"), ("mapo", "마포구", "Mapo-gu"), ("yangcheon", "양천구", "Yangcheon-gu"),
        ("gangseo", "강서구", "Gangseo-gu"), ("guro", "구로구", "Guro-gu"), ("geumcheon", "금천구", "Geumcheon-gu"),
        ("yeongdeungpo", "영등포구", "Yeongdeungpo-gu"), ("dongjak", "동작구", "Dongjak-gu"), ("gwanak", "관악구", "Gwanak-gu"),
        ("seocho", "서초구", "Seocho-gu"), ("gangnam", "강남구", "Gangnam-gu"), ("songpa", "송파구", "Songpa-gu"),
        ("gangdong", "강동구", "Gangdong-gu"),
    ];

    /// <summary>The commands that create them, attributed to the ledger itself.</summary>
    public static IEnumerable<CreateDistrict> Commands() =>
        All.Select(d => new CreateDistrict(d.Id, d.Name, MemberFloor, MemberCap, MintBudget, Attribution.System, d.NameRomanized, WelcomeGrant));
}
