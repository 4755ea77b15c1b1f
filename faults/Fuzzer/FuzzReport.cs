using System.Globalization;
using System.Text;

namespace EPoomasi.Fuzzer;

/// <summary>What a fuzz run sent, what came back, and every broken promise, with what it takes to see it again.</summary>
public sealed class FuzzReport
{
    private const int MaxViolationsKept = 100;

    public int Seed { get; init; }

    public int Requests { get; private set; }

    public int OverJson { get; private set; }

    public int Mutated { get; private set; }

    public int Rejected { get; private set; }

    public int BooksChecked { get; private set; }

    /// <summary>Under faults: requests the gateway never answered because it was killed or its database was away.</summary>
    public int Interrupted { get; set; }

    public TimeSpan Elapsed { get; set; }

    /// <summary>Answers by method and status ("LedgerService/CreateTransfers" → "INVALID_ARGUMENT" → count).</summary>
    public SortedDictionary<string, SortedDictionary<string, int>> Answers { get; } = new(StringComparer.Ordinal);

    public int ViolationCount { get; private set; }

    public List<string> Violations { get; } = [];

    public void Count(string method, string answer, bool json, bool mutated, bool rejected, bool booksChecked)
    {
        Requests++;
        OverJson += json ? 1 : 0;
        Mutated += mutated ? 1 : 0;
        Rejected += rejected ? 1 : 0;
        BooksChecked += booksChecked ? 1 : 0;
        var byStatus = Answers.TryGetValue(method, out var found) ? found : Answers[method] = new(StringComparer.Ordinal);
        byStatus[answer] = byStatus.GetValueOrDefault(answer) + 1;
    }

    public void Violation(string what)
    {
        ViolationCount++;
        if (Violations.Count < MaxViolationsKept)
        {
            Violations.Add(what);
        }
    }

    /// <summary>The summary a person reads: Korean first, then English.</summary>
    public string Summary()
    {
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"퍼징 결과 / fuzz run (seed {Seed}): {Requests:N0} requests in {Elapsed.TotalSeconds:N0} s, {OverJson:N0} over JSON, {Mutated:N0} mutated, {Rejected:N0} rejected");
        text.AppendLine(CultureInfo.InvariantCulture, $"  장부 확인 / books compared after a rejection: {BooksChecked:N0}");
        text.AppendLine(CultureInfo.InvariantCulture, $"  장애로 끊김 / cut off by an injected fault (outcome unknown, not held to the rules): {Interrupted:N0}");
        text.AppendLine(CultureInfo.InvariantCulture, $"  위반 / violations: {ViolationCount:N0} (UNKNOWN or INTERNAL answers, server errors, leaked internals, books changed by a rejected request, unbalanced books)");
        foreach (var (method, statuses) in Answers)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"  {method,-50} {string.Join(", ", statuses.Select(s => $"{s.Key} {s.Value:N0}"))}");
        }

        foreach (var violation in Violations)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"  ! {violation}");
        }

        return text.ToString();
    }
}
