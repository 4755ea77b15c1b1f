using EPoomasi.Fuzzer;

namespace EPoomasi.Gateway.Tests;

/// <summary>
/// A short fuzz run in every test run: forged requests to every RPC, over gRPC and JSON, with hostile
/// values, mutated bytes and frames, random callers and deadlines. The long run is faults/fuzz.sh.
/// </summary>
public sealed class the_fuzzer_finds_no_broken_promise(GatewayFixture gateway)
{
    [Fact(Timeout = TestTimeouts.Lengthy)]
    public async Task in_a_few_thousand_forged_requests()
    {
        var ct = TestContext.Current.CancellationToken;
        using var wire = new Wire(gateway.GrpcAddress, gateway.HttpAddress);
        var world = await FuzzWorld.BuildAsync(gateway.GrpcAddress, "fz" + Guid.NewGuid().ToString("N")[..8], ct);

        var report = await new FuzzRun(wire, world, seed: 16).RunAsync(2_500, ct);

        TestContext.Current.TestOutputHelper?.WriteLine(report.Summary());
        Assert.True(report.ViolationCount == 0, report.Summary());
        Assert.Equal(FuzzRun.Methods.Select(m => $"{m.Service.Name}/{m.Name}").Order(StringComparer.Ordinal), report.Answers.Keys);
        Assert.True(report.BooksChecked > 1_000, report.Summary());
    }
}
