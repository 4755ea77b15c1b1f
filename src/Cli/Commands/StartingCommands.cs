using System.CommandLine;
using EPoomasi.Contracts.Identity.V1;

namespace EPoomasi.Cli.Commands;

/// <summary>Getting started: the demo, and development tokens.</summary>
internal static class StartingCommands
{
    public static IEnumerable<Command> All()
    {
        yield return Define.Command("demo", "두 구를 만들고 장부를 차례로 보여 줌 / seed two districts and walk through the ledger, step by step", [],
            async (_, session, cancellationToken) =>
            {
                await new Demo(session.Gateway, cancellationToken).RunAsync();
                return 0;
            });

        var role = new Argument<Role>("role") { Description = "member, coordinator, auditor, administrator" };
        var subject = new Argument<string>("subject") { Description = "누구 / who, e.g. coordinator:mapo-park" };
        var district = new Option<string?>("--district") { Description = "구 / the district a coordinator or member belongs to" };
        var accounts = new Option<string[]>("--accounts") { Description = "계정 / a member's account ids", AllowMultipleArgumentsPerToken = true };
        yield return Define.Command("token", "개발용 토큰 발급 / a development token (development gateways only)", [role, subject, district, accounts],
            async (parse, session, cancellationToken) =>
            {
                var ids = (parse.GetValue(accounts) ?? []).SelectMany(a => a.Split(',', StringSplitOptions.RemoveEmptyEntries));
                Console.WriteLine(await session.Gateway.TokenAsync(parse.GetValue(role), parse.GetValue(subject)!, parse.GetValue(district), ids, cancellationToken));
                return 0;
            });
    }
}
