using EPoomasi.Ledger.Administration;
using EPoomasi.Ledger.Districts;
using EPoomasi.Ledger.Districts.AppointingCoordinators;
using EPoomasi.Ledger.Districts.CreatingDistrict;
using static EPoomasi.Ledger.Tests.Deciders.AdminSpec;

namespace EPoomasi.Ledger.Tests.Deciders;

public sealed class appointing_coordinators
{
    private static readonly Attribution Admin = new("administrator:choi", null, "test");

    private static readonly DistrictEvent[] Mapo =
        [.. Given().When(new CreateDistrict("mapo", "마포구", new Minutes(-600), new Minutes(6_000), new Minutes(60_000), Admin)).DistrictEvents];

    private static AppointCoordinator Appoint(string subject = "coordinator:mapo-park", string district = "mapo", string reason = "elected") =>
        new(district, subject, reason, Admin);

    [Fact]
    public void an_appointment_is_an_event_and_appointing_again_changes_nothing()
    {
        var decision = Given(Mapo).When(Appoint());

        Assert.Equal<DistrictEvent>([new CoordinatorAppointed("mapo", "coordinator:mapo-park", "elected", Admin, TransferSpec.Now)], decision.DistrictEvents);
        Assert.False(Given([.. Mapo, .. decision.DistrictEvents]).When(Appoint()).Changes);
    }

    [Fact]
    public void removing_ends_it_and_removing_someone_not_appointed_changes_nothing()
    {
        DistrictEvent[] appointed = [.. Mapo, .. Given(Mapo).When(Appoint()).DistrictEvents];

        var removed = Given(appointed).When(new RemoveCoordinator("mapo", "coordinator:mapo-park", "moved", Admin));

        Assert.Equal<DistrictEvent>([new CoordinatorRemoved("mapo", "coordinator:mapo-park", "moved", Admin, TransferSpec.Now)], removed.DistrictEvents);
        Assert.False(Given(Mapo).When(new RemoveCoordinator("mapo", "coordinator:mapo-park", "moved", Admin)).Changes);
        var district = appointed.Concat(removed.DistrictEvents).Aggregate((District?)null, DistrictEvolution.Evolve)!;
        Assert.Null(district.Coordinators);
        Assert.False(district.IsCoordinator("coordinator:mapo-park"));
    }

    [Theory]
    [InlineData("", "elected", AdminResult.SubjectInvalid)]
    [InlineData(" coordinator:park", "elected", AdminResult.SubjectInvalid)]
    [InlineData("coordinator:\u0007park", "elected", AdminResult.SubjectInvalid)]
    [InlineData("coordinator:park", " ", AdminResult.ReasonRequired)]
    public void a_subject_or_reason_that_cannot_be_kept_is_refused(string subject, string reason, AdminResult expected) =>
        Assert.Equal(expected, Given(Mapo).When(Appoint(subject, reason: reason)).Result);

    [Fact]
    public void a_long_subject_or_an_unknown_district_is_refused()
    {
        Assert.Equal(AdminResult.SubjectInvalid, Given(Mapo).When(Appoint(new string('p', LedgerLimits.SubjectMaxLength + 1))).Result);
        Assert.Equal(AdminResult.DistrictNotFound, Given(Mapo).When(Appoint(district: "gangnam")).Result);
    }
}
