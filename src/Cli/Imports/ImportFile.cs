using System.Globalization;
using CsvHelper;
using EPoomasi.Contracts.Community.V1;

namespace EPoomasi.Cli.Imports;

/// <summary>
/// Members from another time bank's CSV export (TimeOverflow's, or a spreadsheet), read by CsvHelper a row at a time:
/// the file is read twice (checked, then imported) and never held whole. Columns are found by name, Korean or
/// English; the separator is detected. A row the CLI cannot read (an amount that is not one) is a problem on its
/// line, as the gateway's answers are.
/// </summary>
internal sealed class ImportFile(string path)
{
    private static readonly string[] IdNames = ["id", "번호", "external_id", "member_id"];
    private static readonly string[] NameNames = ["name", "이름", "display_name", "username"];
    private static readonly string[] ContactNames = ["contact", "연락처", "email", "e-mail", "phone", "전화번호"];
    private static readonly string[] BalanceNames = ["balance", "잔액", "opening_balance"];
    private static readonly string[] PhoneNames = ["has_phone", "휴대폰"];
    private static readonly string[] SkillNames = ["skills", "기술"];
    private static readonly string[] LanguageNames = ["languages", "언어"];
    private static readonly string[] BioNames = ["bio", "소개"];

    /// <summary>What the header must hold, for the person whose file lacks it.</summary>
    public const string Columns = "id(번호), name(이름) 필수 required; contact(연락처), balance(잔액: 90 or 1h 30m), has_phone(yes/no), skills, languages (; 로 구분 separated by ;), bio";

    /// <summary>The rows in order, each the request's row or the problem that kept it from being one.</summary>
    /// <exception cref="UsageException">The header lacks a required column.</exception>
    public async IAsyncEnumerable<(ImportMemberRow Row, string? Problem)> ReadAsync([System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await using var reader = CsvReader.Create(File.OpenRead(path), new CsvReaderOptions { TrackLineNumbers = true }, leaveOpen: false);
        await reader.ReadHeaderAsync(cancellationToken);
        var headers = reader.Headers.Select(h => h.Trim().TrimStart('\uFEFF').ToLowerInvariant()).ToList();
        int Find(string[] names) => headers.FindIndex(names.Contains);
        var (id, name, contact, balance, phone, skills, languages, bio) =
            (Find(IdNames), Find(NameNames), Find(ContactNames), Find(BalanceNames), Find(PhoneNames), Find(SkillNames), Find(LanguageNames), Find(BioNames));
        if (id < 0 || name < 0) throw new UsageException($"'{path}'의 머리글에 id와 name이 필요합니다 / the header needs id and name columns: {Columns}");

        while (await reader.ReadAsync(cancellationToken))
        {
            string Field(int index) => index >= 0 ? reader.GetString(index).Trim() : string.Empty;
            var line = (int)reader.LineNumber;
            var row = new ImportMemberRow
            {
                Line = line,
                ExternalId = Field(id),
                Profile = new MemberProfile { DisplayName = Field(name), Contact = Field(contact), Bio = Field(bio), HasPhone = true },
            };
            row.Profile.Skills.AddRange(List(Field(skills)));
            row.Profile.Languages.AddRange(List(Field(languages)));
            string? problem = null;
            if (Field(phone) is { Length: > 0 } hasPhone)
            {
                if (Yes(hasPhone) is { } yes) row.Profile.HasPhone = yes;
                else problem = $"has_phone '{hasPhone}'은(는) yes 또는 no 입니다 / is yes or no";
            }

            if (Field(balance) is { Length: > 0 } amount)
            {
                if (Hours.TryParse(amount, out var error) is { } minutes) row.OpeningBalanceMinutes = minutes;
                else problem ??= $"balance: {error}";
            }

            yield return (row, problem);
        }
    }

    private static string[] List(string text) => text.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    private static bool? Yes(string text) => text.ToLower(CultureInfo.InvariantCulture) switch
    {
        "yes" or "y" or "true" or "1" or "예" or "있음" => true,
        "no" or "n" or "false" or "0" or "아니오" or "없음" => false,
        _ => null,
    };
}
