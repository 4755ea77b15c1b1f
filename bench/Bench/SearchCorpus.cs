using EPoomasi.Contracts.Exchange.V1;

namespace EPoomasi.Bench;

/// <summary>
/// Listings that read like a Seoul time bank's, built from a fixed vocabulary with a seeded random source: Korean nouns,
/// sometimes glued into compounds (청소도우미) or with particles attached (청소를), and English words; and the terms
/// searches look for, drawn from the same words.
/// </summary>
internal static class SearchCorpus
{
    public static readonly string[] Korean =
    [
        "청소", "요리", "수리", "자전거", "컴퓨터", "영어", "수학", "피아노", "기타", "산책", "말벗", "병원", "동행", "장보기", "이사", "정리", "빨래",
        "다림질", "반찬", "김치", "도시락", "아이", "돌봄", "숙제", "독서", "그림", "사진", "운동", "요가", "등산", "텃밭", "화분", "강아지", "고양이",
        "목공", "전기", "수도", "페인트", "도배", "상담", "번역", "통역", "한글", "중국어", "일본어", "바느질", "뜨개질", "수선", "미용", "안마", "간호",
        "운전", "배달", "나눔", "유모차", "장난감", "가구", "냉장고", "세탁기", "노트북", "휴대폰", "프린터", "어르신", "도우미", "교실", "선생님", "모임",
        "마포", "강남", "서초", "종로", "노원", "은평", "성북", "관악", "서울", "동네", "이웃", "주말", "오후", "저녁",
    ];

    public static readonly string[] English =
    [
        "bike", "repair", "cooking", "cleaning", "english", "math", "piano", "guitar", "walk", "garden", "computer", "moving", "laundry", "tutoring",
        "childcare", "elderly", "dog", "cat", "sewing", "painting", "translation", "driving", "delivery", "furniture", "books", "toys", "stroller",
        "company", "hospital", "shopping", "homework", "yoga", "hiking", "photos", "plumbing", "electric", "haircut", "massage", "knitting", "neighbour",
    ];

    private static readonly string[] Particles = ["", "", "", "를", "을", "에서", "와", "의", "도"];

    private static readonly string[] Endings = ["도와드려요", "해 드립니다", "구합니다", "필요해요", "같이 해요", "나눠요", "가르쳐 드려요"];

    private static readonly ListingCategory[] Categories =
    [
        ListingCategory.Care, ListingCategory.Housework, ListingCategory.Education, ListingCategory.Repair, ListingCategory.Transport,
        ListingCategory.Health, ListingCategory.Culture, ListingCategory.Goods, ListingCategory.Other,
    ];

    public static ListingText Listing(Random random)
    {
        var title = $"{Word(random)} {Word(random)} {Endings[random.Next(Endings.Length)]}";
        var description = string.Join(' ', Enumerable.Range(0, 6).Select(_ => Word(random))) + ".";
        var english = string.Join(' ', Enumerable.Range(0, 3).Select(_ => English[random.Next(English.Length)]));
        return new ListingText
        {
            Type = ListingType.Service, Category = Categories[random.Next(Categories.Length)], Title = title, TitleEn = english, Description = description,
            Minutes = 30 * (1 + random.Next(6)),
        };
    }

    /// <summary>A term for a search of <paramref name="scenario"/>: one Hangul syllable, a two-syllable word, or an English word.</summary>
    public static string Term(string scenario, Random random) => scenario switch
    {
        "search-ko1" => Korean[random.Next(Korean.Length)][..1],
        "search-ko2" => TwoSyllables(random),
        _ => English[random.Next(English.Length)],
    };

    private static string TwoSyllables(Random random)
    {
        var word = Korean[random.Next(Korean.Length)];
        var start = random.Next(word.Length - 1);
        return word.Substring(start, 2);
    }

    // A word as people write it: now and then two glued into one, now and then with a particle attached.
    private static string Word(Random random)
    {
        var word = Korean[random.Next(Korean.Length)];
        if (random.Next(4) == 0) word += Korean[random.Next(Korean.Length)];
        return word + Particles[random.Next(Particles.Length)];
    }
}
