using EPoomasi.Contracts.Exchange.V1;
using EPoomasi.Contracts.Identity.V1;
using EPoomasi.Contracts.Ledger.V1;

namespace EPoomasi.Chaos;

/// <summary>
/// Three districts of the run's own, each trusting the others a little, with members close to their floors and caps so
/// that refusals happen, a listing per member to make deals on, and the tokens of their members, coordinators and an
/// auditor. Built through the public API with the development issuer's tokens.
/// </summary>
public sealed class ChaosWorld
{
    public const long Floor = -60;
    public const long Cap = 360;
    public const long Welcome = 120;
    public const long Trust = 240;

    public required IReadOnlyList<District> Districts { get; init; }

    public required string AuditorToken { get; init; }

    public IEnumerable<string> Members => Districts.SelectMany(d => d.Members);

    public District DistrictOf(string member) => Districts.First(d => d.Members.Contains(member));

    public sealed record District(string Id, string MemberToken, string CoordinatorToken, List<string> Members, IReadOnlyDictionary<string, string> Listings);

    public static async Task<ChaosWorld> BuildAsync(Gateways gateways, string name, int membersPerDistrict, CancellationToken cancellationToken)
    {
        async Task<string> TokenAsync(Role role, string subject, string district = "", params string[] accounts)
        {
            var request = new IssueDevelopmentTokenRequest { Role = role, Subject = subject, DistrictId = district, AccountIds = { accounts }, LifetimeSeconds = 86_400 };
            var issued = await gateways.CallAsync(null, (channel, options) =>
                new DevelopmentTokenService.DevelopmentTokenServiceClient(channel).IssueDevelopmentTokenAsync(request, options).ResponseAsync, cancellationToken);
            return issued.Token;
        }

        var admin = await TokenAsync(Role.Administrator, "administrator:chaos");
        var ids = Enumerable.Range(0, 3).Select(i => $"{name}{(char)('a' + i)}").ToList();
        foreach (var id in ids)
        {
            await gateways.CallAsync(admin, (channel, options) => new AdministrationService.AdministrationServiceClient(channel).CreateDistrictAsync(new CreateDistrictRequest
            {
                DistrictId = id, Name = $"장애 시험 {id}", MemberFloorMinutes = Floor, MemberCapMinutes = Cap, MintBudgetMinutes = 10_000_000,
            }, options).ResponseAsync, cancellationToken);
            await gateways.CallAsync(admin, (channel, options) => new AdministrationService.AdministrationServiceClient(channel).AppointCoordinatorAsync(
                new AppointCoordinatorRequest { DistrictId = id, Subject = $"coordinator:{id}", Reason = "chaos" }, options).ResponseAsync, cancellationToken);
        }

        foreach (var id in ids)
        {
            foreach (var other in ids.Where(o => o != id))
            {
                await gateways.CallAsync(admin, (channel, options) => new AdministrationService.AdministrationServiceClient(channel).SetTrustLimitAsync(
                    new SetTrustLimitRequest { DistrictId = id, CounterpartDistrictId = other, LimitMinutes = Trust, Reason = "chaos" }, options).ResponseAsync, cancellationToken);
            }
        }

        var districts = new List<District>();
        foreach (var id in ids)
        {
            var coordinator = await TokenAsync(Role.Coordinator, $"coordinator:{id}", id);
            var trial = await gateways.CallAsync(coordinator, (channel, options) =>
                new LedgerService.LedgerServiceClient(channel).GetTrialBalanceAsync(new GetTrialBalanceRequest { DistrictId = id }, options).ResponseAsync, cancellationToken);
            var issuance = trial.Accounts.Single(a => a.Kind == AccountKind.Issuance).AccountId;
            var members = Enumerable.Range(0, membersPerDistrict).Select(_ => Guid.NewGuid().ToString()).ToList();
            foreach (var member in members)
            {
                await gateways.CallAsync(coordinator, (channel, options) => new AdministrationService.AdministrationServiceClient(channel).OpenAccountAsync(
                    new OpenAccountRequest { AccountId = member, DistrictId = id }, options).ResponseAsync, cancellationToken);
                var welcome = new CreateTransfersRequest
                {
                    Transfers = { new TransferToCreate { TransferId = Guid.NewGuid().ToString(), DebitAccountId = issuance, CreditAccountId = member, AmountMinutes = Welcome, Code = TransferCode.Welcome } },
                };
                await gateways.CallAsync(coordinator, (channel, options) => new LedgerService.LedgerServiceClient(channel).CreateTransfersAsync(welcome, options).ResponseAsync, cancellationToken);
            }

            var memberToken = await TokenAsync(Role.Member, $"member:chaos-{id}", id, [.. members]);
            var listings = new Dictionary<string, string>();
            foreach (var member in members)
            {
                var listing = new CreateListingRequest
                {
                    RequestId = Guid.NewGuid().ToString(), OwnerAccountId = member, Kind = ListingKind.Offer,
                    Text = new ListingText { Type = ListingType.Service, Category = ListingCategory.Housework, Title = "장애 시험 청소", TitleEn = "Chaos cleaning", Minutes = 30 },
                };
                var created = await gateways.CallAsync(memberToken, (channel, options) =>
                    new ExchangeService.ExchangeServiceClient(channel).CreateListingAsync(listing, options).ResponseAsync, cancellationToken);
                listings[member] = created.Outcome.ListingId;
            }

            districts.Add(new District(id, memberToken, coordinator, members, listings));
        }

        return new ChaosWorld { Districts = districts, AuditorToken = await TokenAsync(Role.Auditor, "auditor:chaos") };
    }
}
