using EPoomasi.Contracts.Identity.V1;
using EPoomasi.Contracts.Ledger.V1;
using Grpc.Core;
using Grpc.Core.Interceptors;
using Grpc.Net.Client;

namespace EPoomasi.Fuzzer;

/// <summary>
/// Two districts of the fuzzer's own, trusting each other, with funded members, a pending hold and a
/// transfer, and a token for every kind of caller: what the forged requests aim at. Built through the
/// public API with the development issuer's tokens, as a partner developer would on a local gateway.
/// </summary>
public sealed class FuzzWorld
{
    private FuzzWorld(GrpcChannel channel) => Channel = channel;

    public GrpcChannel Channel { get; }

    public List<string> Districts { get; } = [];

    /// <summary>Every account id of the world: members, and each district's issuance, pot and clearing accounts.</summary>
    public List<string> Accounts { get; } = [];

    public List<string> Members { get; } = [];

    public List<string> Holds { get; } = [];

    public List<string> Transfers { get; } = [];

    /// <summary>Callers by name; null stands for no token at all.</summary>
    public Dictionary<string, string?> Tokens { get; } = [];

    public string AuditorToken => Tokens["auditor"]!;

    public static async Task<FuzzWorld> BuildAsync(Uri grpc, string name, CancellationToken cancellationToken)
    {
        var channel = GrpcChannel.ForAddress(grpc);
        var world = new FuzzWorld(channel);
        var issuer = new DevelopmentTokenService.DevelopmentTokenServiceClient(channel);
        async Task<string> TokenAsync(Role role, string subject, string district = "", params string[] accounts) =>
            (await issuer.IssueDevelopmentTokenAsync(new IssueDevelopmentTokenRequest
            {
                Role = role, Subject = subject, DistrictId = district, AccountIds = { accounts }, LifetimeSeconds = 86_400,
            }, cancellationToken: cancellationToken)).Token;

        var admin = await TokenAsync(Role.Administrator, "administrator:fuzz");
        var a = $"{name}a";
        var b = $"{name}b";
        var administration = new AdministrationService.AdministrationServiceClient(Authorized(channel, admin));
        foreach (var district in new[] { a, b })
        {
            await administration.CreateDistrictAsync(new CreateDistrictRequest
            {
                DistrictId = district, Name = $"퍼즈 {district}", MemberFloorMinutes = -600, MemberCapMinutes = 6_000, MintBudgetMinutes = 600_000,
            }, cancellationToken: cancellationToken);
            world.Districts.Add(district);
        }

        await administration.SetTrustLimitAsync(new SetTrustLimitRequest { DistrictId = a, CounterpartDistrictId = b, LimitMinutes = 6_000, Reason = "fuzz" }, cancellationToken: cancellationToken);
        foreach (var district in new[] { a, b })
        {
            await administration.AppointCoordinatorAsync(new AppointCoordinatorRequest { DistrictId = district, Subject = $"coordinator:{district}", Reason = "fuzz" }, cancellationToken: cancellationToken);
        }

        var coordinatorA = await TokenAsync(Role.Coordinator, $"coordinator:{a}", a);
        var coordinatorB = await TokenAsync(Role.Coordinator, $"coordinator:{b}", b);
        foreach (var (district, coordinator, count) in new[] { (a, coordinatorA, 3), (b, coordinatorB, 2) })
        {
            var ledger = new LedgerService.LedgerServiceClient(Authorized(channel, coordinator));
            var setUp = new AdministrationService.AdministrationServiceClient(Authorized(channel, coordinator));
            var trial = await ledger.GetTrialBalanceAsync(new GetTrialBalanceRequest { DistrictId = district }, cancellationToken: cancellationToken);
            var issuance = trial.Accounts.Single(x => x.Kind == AccountKind.Issuance).AccountId;
            for (var i = 0; i < count; i++)
            {
                var member = Guid.NewGuid().ToString();
                await setUp.OpenAccountAsync(new OpenAccountRequest { AccountId = member, DistrictId = district }, cancellationToken: cancellationToken);
                await ledger.CreateTransfersAsync(new CreateTransfersRequest { Transfers = { new TransferToCreate
                {
                    TransferId = Guid.NewGuid().ToString(), DebitAccountId = issuance, CreditAccountId = member, AmountMinutes = 600, Code = TransferCode.Welcome,
                } } }, cancellationToken: cancellationToken);
                world.Members.Add(member);
            }

            world.Accounts.AddRange((await ledger.GetTrialBalanceAsync(new GetTrialBalanceRequest { DistrictId = district }, cancellationToken: cancellationToken)).Accounts.Select(x => x.AccountId));
        }

        var kim = world.Members[0];
        var memberA = await TokenAsync(Role.Member, "member:fuzz-kim", a, kim, world.Members[1]);
        var memberB = await TokenAsync(Role.Member, "member:fuzz-lee", b, world.Members[3]);
        var kims = new LedgerService.LedgerServiceClient(Authorized(channel, memberA));
        var hold = Guid.NewGuid().ToString();
        var paid = Guid.NewGuid().ToString();
        await kims.CreateTransfersAsync(new CreateTransfersRequest
        {
            Transfers =
            {
                new TransferToCreate { TransferId = hold, DebitAccountId = kim, CreditAccountId = world.Members[2], AmountMinutes = 30, Code = TransferCode.Service, HoldTimeoutSeconds = 86_400 },
                new TransferToCreate { TransferId = paid, DebitAccountId = kim, CreditAccountId = world.Members[3], AmountMinutes = 15, Code = TransferCode.Service },
            },
        }, cancellationToken: cancellationToken);
        world.Holds.Add(hold);
        world.Transfers.Add(paid);

        world.Tokens["administrator"] = admin;
        world.Tokens["auditor"] = await TokenAsync(Role.Auditor, "auditor:fuzz");
        world.Tokens["coordinator-a"] = coordinatorA;
        world.Tokens["coordinator-b"] = coordinatorB;
        world.Tokens["member-a"] = memberA;
        world.Tokens["member-b"] = memberB;
        world.Tokens["no token"] = null;
        world.Tokens["garbage token"] = "not.a.jwt";
        world.Tokens["forged member"] = (await TokenAsync(Role.Member, "member:forger", a, kim))[..^4] + "AAAA";
        return world;
    }

    /// <summary>
    /// Every district's trial balance, read as an auditor, as text: the state a rejected request must leave
    /// as it was; and whether each district's balances sum to zero.
    /// </summary>
    public async Task<(string Text, bool Balanced)> ReadBooksAsync(CancellationToken cancellationToken)
    {
        var ledger = new LedgerService.LedgerServiceClient(Authorized(Channel, AuditorToken));
        var books = new List<GetTrialBalanceResponse>();
        foreach (var district in Districts)
        {
            books.Add(await ledger.GetTrialBalanceAsync(new GetTrialBalanceRequest { DistrictId = district }, cancellationToken: cancellationToken));
        }

        // Accounts sorted by id: the same books read the same, whatever order a query returned them in.
        var balanced = books.All(b => b.TotalMinutes == 0 && b.Accounts.Sum(x => x.BalanceMinutes) == 0);
        return (string.Join("\n", books.Select(b =>
        {
            var sorted = b.Clone();
            sorted.Accounts.Clear();
            sorted.Accounts.AddRange(b.Accounts.OrderBy(x => x.AccountId, StringComparer.Ordinal));
            return sorted.ToString();
        })), balanced);
    }

    private static CallInvoker Authorized(GrpcChannel channel, string token) => channel.CreateCallInvoker().Intercept(headers =>
    {
        headers.Add("authorization", $"Bearer {token}");
        return headers;
    });
}
