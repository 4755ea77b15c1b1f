using System.Text.RegularExpressions;
using EPoomasi.Contracts.Ledger.V1;

namespace EPoomasi.Gateway.Tests;

/// <summary>A partner developer reads the result table in docs/ledger.md and codes against the wire: the two must agree.</summary>
public sealed partial class the_docs_give_the_wires_result_codes
{
    [Fact(Timeout = TestTimeouts.Default)]
    public void every_result_on_the_wire_is_in_the_table_with_its_number_and_nothing_else_is()
    {
        var table = TableRow().Matches(File.ReadAllText(Path.Combine(Repository.Root, "docs", "ledger.md")))
            .Select(m => (Name: m.Groups["name"].Value, Number: int.Parse(m.Groups["number"].Value, System.Globalization.CultureInfo.InvariantCulture)))
            .ToList();
        var wire = TypesReflection.Descriptor.EnumTypes.Single(e => e.Name == nameof(TransferResult)).Values
            .Where(v => v.Number != 0)
            .Select(v => (v.Name, v.Number))
            .ToList();

        Assert.Equal(wire.OrderBy(v => v.Number), table.OrderBy(v => v.Number));
    }

    [GeneratedRegex(@"^\| (?<number>\d+) \| `(?<name>TRANSFER_RESULT_[A-Z0-9_]+)` \|", RegexOptions.Multiline)]
    private static partial Regex TableRow();
}
