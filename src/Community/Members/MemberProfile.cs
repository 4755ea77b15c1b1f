namespace EPoomasi.Community.Members;

/// <summary>
/// A member as a person: what neighbours and coordinators see. Personal data, kept outside the event log
/// (<see cref="MemberDirectory"/>) so that it can be corrected and erased.
/// </summary>
/// <param name="DisplayName">The name shown to others, as the member writes it (Korean, say).</param>
/// <param name="Contact">A phone number or e-mail address, or null for a member reached through a coordinator.</param>
/// <param name="Languages">Languages the member speaks, e.g. <c>ko</c>, <c>en</c>.</param>
/// <param name="Skills">What the member offers, in their own words.</param>
/// <param name="Bio">A few sentences about the member.</param>
/// <param name="HasPhone">Whether the member has a phone of their own; a coordinator acts for those who do not.</param>
/// <param name="DistrictId">The district the member belongs to.</param>
public sealed record MemberProfile(
    string DisplayName,
    string? Contact,
    IReadOnlyList<string> Languages,
    IReadOnlyList<string> Skills,
    string? Bio,
    bool HasPhone,
    string DistrictId)
{
    public const int MaxNameLength = 100;
    public const int MaxContactLength = 200;
    public const int MaxBioLength = 2000;
    public const int MaxListItems = 20;
    public const int MaxListItemLength = 50;

    /// <summary>What is wrong with the profile for a person to read, Korean first; null when nothing is.</summary>
    public string? Problem()
    {
        if (string.IsNullOrWhiteSpace(DisplayName) || DisplayName.Length > MaxNameLength || HasControl(DisplayName))
        {
            return $"이름은 1~{MaxNameLength}자입니다. / A display name has 1 to {MaxNameLength} characters.";
        }

        if (Contact is not null && (Contact.Length > MaxContactLength || HasControl(Contact)))
        {
            return $"연락처는 {MaxContactLength}자 이하입니다. / A contact has at most {MaxContactLength} characters.";
        }

        if (Bio is not null && (Bio.Length > MaxBioLength || Bio.Contains('\0', StringComparison.Ordinal)))
        {
            return $"소개는 {MaxBioLength}자 이하입니다. / A bio has at most {MaxBioLength} characters.";
        }

        foreach (var list in new[] { Languages, Skills })
        {
            if (list.Count > MaxListItems || list.Any(item => string.IsNullOrWhiteSpace(item) || item.Length > MaxListItemLength || HasControl(item)))
            {
                return $"언어와 기술은 각각 {MaxListItems}개, 항목당 {MaxListItemLength}자 이하입니다. / Languages and skills hold at most {MaxListItems} items of up to {MaxListItemLength} characters.";
            }
        }

        return null;
    }

    private static bool HasControl(string text) => text.Any(char.IsControl);
}
