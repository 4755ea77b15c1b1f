using System.CommandLine;
using EPoomasi.Contracts.Ledger.V1;

namespace EPoomasi.Cli.Commands;

/// <summary>What an auditor proves: the journal's chain, and every table against the event log.</summary>
internal static class AuditCommands
{
    public static IEnumerable<Command> All()
    {
        var from = new Option<string>("--from") { Description = "이 링크부터 / verify from a link written down before (SEQ:HASH)", DefaultValueFactory = _ => "" };
        yield return Define.Command("verify-journal", "장부 해시 체인 검증 / recompute the journal's hash chain (auditors)", [from],
            async (parse, session, cancellationToken) =>
            {
                var verified = await session.Gateway.Audit(session.Token).VerifyJournalAsync(
                    new VerifyJournalRequest { FromLink = parse.GetValue(from)! }, cancellationToken: cancellationToken);
                Printer.Verification(verified);
                return verified.Holds ? 0 : 1;
            });

        yield return Define.Command("rebuild-projections", "이벤트 로그로 모든 표를 재구성해 비교 / rebuild every table from the event log and compare (auditors)", [],
            async (_, session, cancellationToken) =>
            {
                var rebuilt = await session.Gateway.Audit(session.Token).RebuildProjectionsAsync(new RebuildProjectionsRequest(), cancellationToken: cancellationToken);
                Printer.Rebuild(rebuilt);
                return rebuilt.Agrees ? 0 : 1;
            });
    }
}
