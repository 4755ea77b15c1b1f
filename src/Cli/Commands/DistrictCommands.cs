using System.CommandLine;
using EPoomasi.Contracts.Ledger.V1;

namespace EPoomasi.Cli.Commands;

/// <summary>Where the time bank runs.</summary>
internal static class DistrictCommands
{
    public static IEnumerable<Command> All()
    {
        var accounts = new Option<bool>("--accounts") { Description = "구의 발행 계정과 공동기금, 코디네이터 / each district's issuance account, community pot and coordinators" };
        yield return Define.Command("districts", "구 목록 / every district with its defaults", [accounts],
            async (parse, session, cancellationToken) =>
            {
                var districts = (await session.Gateway.Ledger(session.Token).ListDistrictsAsync(new ListDistrictsRequest(), cancellationToken: cancellationToken)).Districts;
                Console.WriteLine($"  {"id",-14} {"이름 / name",-24} {"floor",9} {"cap",9} {"welcome",9} {"budget",12}");
                foreach (var district in districts)
                {
                    Console.WriteLine($"  {district.DistrictId,-14} {$"{district.Name} {district.NameRomanized}",-24} {Hours.Format(district.MemberFloorMinutes),9} " +
                                      $"{Hours.Format(district.MemberCapMinutes),9} {Hours.Format(district.WelcomeGrantMinutes),9} {Hours.Format(district.MintBudgetMinutes),12}");
                }

                Console.WriteLine($"  {districts.Count}개 구 / districts");
                if (parse.GetValue(accounts))
                {
                    Console.WriteLine($"\n  {"id",-14} {"발행 / issuance account",-36}  {"공동기금 / community pot",-36}  코디네이터 / coordinators");
                    foreach (var district in districts)
                    {
                        Console.WriteLine($"  {district.DistrictId,-14} {district.IssuanceAccountId,-36}  {district.CommunityPotAccountId,-36}  {string.Join(", ", district.Coordinators)}");
                    }
                }

                return 0;
            });
    }
}
