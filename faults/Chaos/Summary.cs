using System.Globalization;
using System.Text;

namespace EPoomasi.Chaos;

/// <summary>The run's summary, Korean first: what was attempted and answered, the faults injected, what was checked, and every violation.</summary>
public static class Summary
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    public static string Write(Counters counters, IReadOnlyDictionary<string, long> checkedCounts, IReadOnlyList<string> faults, TimeSpan load, TimeSpan total)
    {
        var text = new StringBuilder();
        text.AppendLine(Invariant, $"== 장애 시험 요약 / Fault run summary (load {load.TotalSeconds:F0} s, in all {total.TotalSeconds:F0} s)");
        text.AppendLine(Invariant, $"시도한 작업 / operations attempted:        {counters.Operations:N0}");
        text.AppendLine(Invariant, $"응답받은 결과 / outcomes acknowledged:      {counters.Acknowledged:N0}");
        text.AppendLine(Invariant, $"보낸 요청 / requests sent:                 {counters.Requests:N0}");
        text.AppendLine(Invariant, $"재시도 / retries under the same ids:       {counters.Retries:N0}");
        text.AppendLine(Invariant, $"모름→확인 / unknown, then resolved:         {counters.UnknownThenResolved:N0}");
        text.AppendLine(Invariant, $"주입한 장애 / faults injected:              {faults.Count:N0}");
        foreach (var kind in faults.Select(f => f.Split(' ')[0]).GroupBy(k => k).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            text.AppendLine(Invariant, $"    {kind.Key}: {kind.Count()}");
        }

        text.AppendLine("확인한 것 / checked:");
        foreach (var (what, count) in checkedCounts.OrderBy(p => p.Key, StringComparer.Ordinal)) text.AppendLine(Invariant, $"    {what}: {count:N0}");
        text.AppendLine("응답 / answers:");
        foreach (var (what, count) in counters.Outcomes.OrderBy(p => p.Key, StringComparer.Ordinal)) text.AppendLine(Invariant, $"    {what}: {count:N0}");
        text.AppendLine(Invariant, $"위반 / violations:                         {counters.Violations.Count:N0}");
        foreach (var violation in counters.Violations.Take(50)) text.AppendLine(Invariant, $"    {violation}");
        return text.ToString();
    }
}
