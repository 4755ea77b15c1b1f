using System.CommandLine;
using EPoomasi.Contracts.Ledger.V1;

namespace EPoomasi.Cli.Commands;

/// <summary>Where the time bank runs.</summary>
internal static class DistrictCommands
{
    public static IEnumerable<Command> All()
    {
        yield return Define.Command("districts", "구 목록 / every district with its defaults", [],
            async (_, session, cancellationToken) =>
            {
                var districts = (await session.Gateway.Ledger(session.Token).ListDistrictsAsync(new ListDistrictsRequest(), cancellationToken: cancellationToken)).Districts;
                Console.WriteLine($"  {"id",-14} {"이름 / name",-24} {"floor",9} {"cap",9} {"welcome",9} {"budget",12}");
                foreach (var district in districts)
                {
                    Console.WriteLine($"  {district.DistrictId,-14} {$"{district.Name} {district.NameRomanized}",-24} {Hours.Format(district.MemberFloorMinutes),9} " +
                                      $"{Hours.Format(district.MemberCapMinutes),9} {Hours.Format(district.WelcomeGrantMinutes),9} {Hours.Format(district.MintBudgetMinutes),12}");
                }

                Console.WriteLine($"  {districts.Count}개 구 / districts");
                return 0;
            });
    }
}
