using EPoomasi.Contracts.Ledger.V1;

namespace EPoomasi.Gateway.Tests;

/// <summary>Districts and funded members for a test, through the public API, as the city and coordinators would.</summary>
public static class Seed
{
    public static async Task<string> DistrictAsync(GatewayFixture gateway)
    {
        var id = "d" + Guid.NewGuid().ToString("N")[..12];
        await gateway.Administration(GatewayFixture.Administrator).CreateDistrictAsync(new CreateDistrictRequest
        {
            DistrictId = id, Name = id, MemberFloorMinutes = -600, MemberCapMinutes = 6_000, MintBudgetMinutes = 600_000,
        }, cancellationToken: TestContext.Current.CancellationToken);
        await gateway.Administration(GatewayFixture.Administrator).AppointCoordinatorAsync(new AppointCoordinatorRequest
        {
            DistrictId = id, Subject = $"coordinator:{id}", Reason = "test district",
        }, cancellationToken: TestContext.Current.CancellationToken);
        return id;
    }

    /// <summary>Appoints one more coordinator of <paramref name="district"/>, as the city does, and returns their token.</summary>
    public static async Task<string> CoordinatorAsync(GatewayFixture gateway, string district, string subject)
    {
        await gateway.Administration(GatewayFixture.Administrator).AppointCoordinatorAsync(
            new AppointCoordinatorRequest { DistrictId = district, Subject = subject, Reason = "test" }, cancellationToken: TestContext.Current.CancellationToken);
        return GatewayFixture.Token(Security.Role.Coordinator, subject, district);
    }

    public static async Task<string> MemberAsync(GatewayFixture gateway, string district, long welcomeMinutes = 0)
    {
        var id = Guid.NewGuid().ToString();
        var ct = TestContext.Current.CancellationToken;
        var coordinator = GatewayFixture.Coordinator(district);
        await gateway.Administration(coordinator).OpenAccountAsync(new OpenAccountRequest { AccountId = id, DistrictId = district }, cancellationToken: ct);
        if (welcomeMinutes > 0)
        {
            var trial = await gateway.Ledger(coordinator).GetTrialBalanceAsync(new GetTrialBalanceRequest { DistrictId = district }, cancellationToken: ct);
            var issuance = trial.Accounts.Single(a => a.Kind == AccountKind.Issuance).AccountId;
            var outcome = await PayAsync(gateway, coordinator, issuance, id, welcomeMinutes, TransferCode.Welcome);
            Assert.Equal(TransferResult.Ok, outcome.Result);
        }

        return id;
    }

    public static async Task<TransferOutcome> PayAsync(GatewayFixture gateway, string token, string from, string to, long minutes, TransferCode code = TransferCode.Service)
    {
        var request = new CreateTransfersRequest
        {
            Transfers = { new TransferToCreate { TransferId = Guid.NewGuid().ToString(), DebitAccountId = from, CreditAccountId = to, AmountMinutes = minutes, Code = code } },
        };
        return (await gateway.Ledger(token).CreateTransfersAsync(request, cancellationToken: TestContext.Current.CancellationToken)).Outcomes.Single();
    }
}
