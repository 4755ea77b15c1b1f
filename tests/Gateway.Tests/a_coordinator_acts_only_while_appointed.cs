using EPoomasi.Contracts.Ledger.V1;
using Grpc.Core;

namespace EPoomasi.Gateway.Tests;

// A coordinator's token says who they are and which district they claim; the city's appointment, kept in the
// ledger's event log, decides whether they may act for it.
public sealed class a_coordinator_acts_only_while_appointed(GatewayFixture gateway)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact(Timeout = TestTimeouts.Default)]
    public async Task a_token_without_an_appointment_is_denied_an_appointment_counts_at_once_and_a_dismissal_within_a_second()
    {
        var district = await Seed.DistrictAsync(gateway);
        var newcomer = GatewayFixture.Token(Security.Role.Coordinator, "coordinator:newcomer", district);
        var city = gateway.Administration(GatewayFixture.Administrator);
        Task<OpenAccountResponse> OpenAsync() => gateway.Administration(newcomer)
            .OpenAccountAsync(new OpenAccountRequest { AccountId = Guid.NewGuid().ToString(), DistrictId = district }, cancellationToken: Ct).ResponseAsync;

        var before = await Assert.ThrowsAsync<RpcException>(OpenAsync);
        var appointed = await city.AppointCoordinatorAsync(new AppointCoordinatorRequest { DistrictId = district, Subject = "coordinator:newcomer", Reason = "새 코디네이터 / new" }, cancellationToken: Ct);
        var opened = await OpenAsync();
        await city.RemoveCoordinatorAsync(new RemoveCoordinatorRequest { DistrictId = district, Subject = "coordinator:newcomer", Reason = "이동 / moved" }, cancellationToken: Ct);
        // A confirmed appointment is taken as standing for a second (Appointments.Remembered), then read again.
        var sinceDismissal = System.Diagnostics.Stopwatch.StartNew();
        RpcException? after = null;
        while (after is null && sinceDismissal.Elapsed < TimeSpan.FromSeconds(10))
        {
            try
            {
                await OpenAsync();
                await Task.Delay(100, Ct);
            }
            catch (RpcException denied)
            {
                after = denied;
            }
        }


        Assert.Equal((StatusCode.PermissionDenied, true), (before.StatusCode, before.Status.Detail.Contains("coordinator:newcomer is not an appointed coordinator", StringComparison.Ordinal)));
        Assert.True(appointed.Changed);
        Assert.True(opened.Changed);
        Assert.Equal(StatusCode.PermissionDenied, after?.StatusCode);
        Assert.True(sinceDismissal.Elapsed < TimeSpan.FromSeconds(3), "The dismissal took more than the second an appointment is remembered.");
    }

    [Fact(Timeout = TestTimeouts.Default)]
    public async Task the_district_lists_its_coordinators_and_only_the_city_appoints()
    {
        var district = await Seed.DistrictAsync(gateway);

        var denied = await Assert.ThrowsAsync<RpcException>(() => gateway.Administration(GatewayFixture.Coordinator(district)).AppointCoordinatorAsync(
            new AppointCoordinatorRequest { DistrictId = district, Subject = "coordinator:friend", Reason = "help" }, cancellationToken: Ct).ResponseAsync);
        var invalid = await Assert.ThrowsAsync<RpcException>(() => gateway.Administration(GatewayFixture.Administrator).AppointCoordinatorAsync(
            new AppointCoordinatorRequest { DistrictId = district, Subject = " ", Reason = "help" }, cancellationToken: Ct).ResponseAsync);
        var listed = (await gateway.Ledger(GatewayFixture.Auditor).ListDistrictsAsync(new ListDistrictsRequest(), cancellationToken: Ct)).Districts.Single(d => d.DistrictId == district);

        Assert.Equal(StatusCode.PermissionDenied, denied.StatusCode);
        Assert.Equal((StatusCode.InvalidArgument, "Rejected: subject invalid."), (invalid.StatusCode, invalid.Status.Detail));
        Assert.Equal([$"coordinator:{district}"], listed.Coordinators);
    }
}
