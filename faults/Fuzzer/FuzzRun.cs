using System.Net;
using EPoomasi.Contracts.Identity.V1;
using EPoomasi.Contracts.Ledger.V1;
using Google.Api;
using Google.Protobuf;
using Google.Protobuf.Reflection;

namespace EPoomasi.Fuzzer;

/// <summary>
/// Sends forged requests to every RPC of the contract, one at a time, each with a random caller, deadline
/// and mutation, over gRPC or (where the RPC has an HTTP route) JSON. After each it checks the promises:
/// no answer is UNKNOWN or INTERNAL or a server error, nothing internal leaks, and a rejected request
/// leaves every account of the world as it was, with every district's books summing to zero. A call
/// whose outcome the contract calls unknown (past its deadline, cancelled, unavailable) is not held to
/// "changed nothing". Under faults (the fault harness kills the gateway and restarts its database), a request that
/// got no answer at all or UNAVAILABLE is counted as cut off, and the books are read again once the gateway is back.
/// </summary>
public sealed class FuzzRun(Wire wire, FuzzWorld world, int seed, bool underFaults = false)
{
    // Answers that say the server failed, not the request: never acceptable.
    private static readonly HashSet<int> ServerFaults = [-1, 2, 13, 15];

    // Answers after which the contract leaves the outcome open: some items may have been applied.
    private static readonly HashSet<int> OutcomeUnknown = [1, 4, 14];

    private static readonly string[] StatusNames =
    [
        "OK", "CANCELLED", "UNKNOWN", "INVALID_ARGUMENT", "DEADLINE_EXCEEDED", "NOT_FOUND", "ALREADY_EXISTS", "PERMISSION_DENIED",
        "RESOURCE_EXHAUSTED", "FAILED_PRECONDITION", "ABORTED", "OUT_OF_RANGE", "UNIMPLEMENTED", "INTERNAL", "UNAVAILABLE", "DATA_LOSS", "UNAUTHENTICATED",
    ];

    /// <summary>Every method of every service the gateway serves from the contract, and health.</summary>
    public static IReadOnlyList<MethodDescriptor> Methods { get; } =
    [
        .. LedgerService.Descriptor.Methods, .. AdministrationService.Descriptor.Methods, .. AuditService.Descriptor.Methods, .. PartnerAppService.Descriptor.Methods,
        .. DevelopmentTokenService.Descriptor.Methods, .. Grpc.Health.V1.Health.Descriptor.Methods,
        .. Contracts.Community.V1.CommunityService.Descriptor.Methods, .. ReportService.Descriptor.Methods,
        .. Contracts.Exchange.V1.ExchangeService.Descriptor.Methods, .. Contracts.Exchange.V1.LoanService.Descriptor.Methods,
    ];

    public async Task<FuzzReport> RunAsync(int requests, CancellationToken cancellationToken)
    {
        var random = new Random(seed);
        var values = new Values(random, world);
        var forge = new MessageForge(values);
        var mutations = new Mutations(random);
        var report = new FuzzReport { Seed = seed };
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var books = await ReadBooksAsync(cancellationToken);
        for (var i = 0; i < requests; i++)
        {
            var method = values.Pick(Methods);
            var message = forge.Build(method.InputType);
            var (caller, token) = values.Pick(world.Tokens.ToList());
            var name = $"{method.Service.Name}/{method.Name}";
            var rule = method.GetOptions()?.GetExtension(AnnotationsExtensions.Http);
            var sent = rule is not null && random.Next(10) < 3 && Json(message) is { } json
                ? await SendJsonAsync(rule, message, json, token, mutations, cancellationToken)
                : await SendGrpcAsync(method, message, token, values, mutations, cancellationToken);
            var where = $"#{i} {name} as {caller}, {sent.Mutation}";
            var interrupted = underFaults && sent.Answer is "UNAVAILABLE" or "closed while sending" || underFaults && sent.Answer.StartsWith("no answer", StringComparison.Ordinal);
            report.Interrupted += interrupted ? 1 : 0;
            if (sent.Fault is { } fault && !interrupted)
            {
                report.Violation($"{where}: {fault}");
            }

            var after = await ReadBooksAsync(cancellationToken);
            var checkBooks = sent.Rejected && !sent.Unknown && !interrupted;
            if (checkBooks && after.Text != books.Text)
            {
                report.Violation($"{where}: rejected with {sent.Answer}, yet the books changed");
            }

            if (!after.Balanced)
            {
                report.Violation($"{where}: afterwards a district's books do not sum to zero");
            }

            books = after;
            report.Count(name, sent.Answer, sent.Json, sent.Mutation != "none", sent.Rejected, checkBooks);
        }

        report.Elapsed = clock.Elapsed;
        return report;
    }

    private async Task<Sent> SendGrpcAsync(MethodDescriptor method, IMessage message, string? token, Values values, Mutations mutations, CancellationToken cancellationToken)
    {
        var (body, mutation) = mutations.Grpc(message.ToByteArray());
        TimeSpan? deadline = method.IsServerStreaming
            ? TimeSpan.FromMilliseconds(values.Random.Next(1, 300))
            : values.Random.Next(10) switch { 0 => TimeSpan.Zero, 1 => TimeSpan.FromMilliseconds(values.Random.Next(1, 50)), 2 => TimeSpan.FromMilliseconds(200), _ => null };
        var (status, detail) = await wire.GrpcAsync($"/{method.Service.FullName}/{method.Name}", body, token, deadline, cancellationToken);
        var answer = status == -1 && underFaults ? "no answer" : status >= 0 && status < StatusNames.Length ? StatusNames[status] : $"status {status}";
        var fault = ServerFaults.Contains(status) ? $"answered {answer}: {detail}" : Leak(detail);
        return new Sent(answer, fault, status != 0, OutcomeUnknown.Contains(status), Json: false, deadline is null ? mutation : $"{mutation}, deadline {deadline.Value.TotalMilliseconds} ms");
    }

    private async Task<Sent> SendJsonAsync(HttpRule rule, IMessage message, string json, string? token, Mutations mutations, CancellationToken cancellationToken)
    {
        var (verb, template) = rule.PatternCase switch
        {
            HttpRule.PatternOneofCase.Get => (HttpMethod.Get, rule.Get),
            HttpRule.PatternOneofCase.Put => (HttpMethod.Put, rule.Put),
            HttpRule.PatternOneofCase.Delete => (HttpMethod.Delete, rule.Delete),
            HttpRule.PatternOneofCase.Patch => (HttpMethod.Patch, rule.Patch),
            _ => (HttpMethod.Post, rule.Post),
        };
        var path = System.Text.RegularExpressions.Regex.Replace(template, "{([a-z_]+)[^}]*}", m =>
            Uri.EscapeDataString(message.Descriptor.FindFieldByName(m.Groups[1].Value)?.Accessor.GetValue(message)?.ToString() ?? "x"));
        string? body = null;
        var mutation = "none";
        if (rule.Body.Length > 0)
        {
            (body, mutation) = mutations.Json(json);
        }
        else if (json.Length % 3 == 0)
        {
            path += "?pageSise=10&page_size=abc";
            mutation = "unknown and ill-typed query parameters";
        }

        var (status, text) = await wire.JsonAsync(verb, path, body, token, cancellationToken);
        var code = (int)status;
        var fault = code is 500 or 501 || text.Contains("\"code\":2,", StringComparison.Ordinal) || text.Contains("\"code\":13,", StringComparison.Ordinal)
            ? $"answered HTTP {code}: {Shorten(text)}"
            : Leak(text);
        var unknown = status is HttpStatusCode.GatewayTimeout or HttpStatusCode.ServiceUnavailable || code == 499;
        return new Sent(code == 0 ? "closed while sending" : $"HTTP {code}", fault, code >= 400 || code == 0, unknown, Json: true, $"JSON, {mutation}");
    }

    // Under faults the gateway may be down for a while: the books are read again until it answers (three minutes at most).
    private async Task<(string Text, bool Balanced)> ReadBooksAsync(CancellationToken cancellationToken)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        while (true)
        {
            try
            {
                return await world.ReadBooksAsync(cancellationToken);
            }
            catch (Grpc.Core.RpcException down) when (underFaults && clock.Elapsed < TimeSpan.FromMinutes(3)
                && (down.StatusCode is Grpc.Core.StatusCode.Unavailable or Grpc.Core.StatusCode.DeadlineExceeded || down.Status.DebugException is not null))
            {
                await Task.Delay(200, cancellationToken);
            }
        }
    }

    // Proto3 JSON of the message, or null where it has none (a Timestamp out of range cannot be written).
    private static string? Json(IMessage message)
    {
        try
        {
            return JsonFormatter.Default.Format(message);
        }
        catch (InvalidOperationException)
        {
            return null;
        }
    }

    private static string? Leak(string text) =>
        text.Contains("Exception", StringComparison.Ordinal) || text.Contains("System.", StringComparison.Ordinal)
        || text.Contains("EPoomasi.", StringComparison.Ordinal) || text.Contains("   at ", StringComparison.Ordinal)
            ? $"an answer shows internals: {Shorten(text)}"
            : null;

    private static string Shorten(string text) => text.Length <= 300 ? text : text[..300] + "…";

    private sealed record Sent(string Answer, string? Fault, bool Rejected, bool Unknown, bool Json, string Mutation);
}
