using EPoomasi.Gateway.Mapping;
using Domain = EPoomasi.Ledger;

namespace EPoomasi.Gateway.Tests;

public sealed class every_domain_value_has_a_contract_twin
{
    [Fact]
    public void every_transfer_result_code_kind_and_state_maps_to_its_proto_value()
    {
        Assert.All(Enum.GetValues<Domain.Transfers.TransferResult>(), v => Assert.Equal(v.ToString(), ProtoEnums.ToProto(v).ToString()));
        Assert.All(Enum.GetValues<Domain.Transfers.TransferCode>(), v => Assert.Equal(v, ProtoEnums.FromProto(ProtoEnums.ToProto(v))));
        Assert.All(Enum.GetValues<Domain.Transfers.TransferKind>(), v => Assert.Equal(v.ToString(), ProtoEnums.ToProto(v).ToString()));
        Assert.All(Enum.GetValues<Domain.Transfers.HoldState>(), v => Assert.Equal(v.ToString(), ProtoEnums.ToProto(v).ToString()));
        Assert.All(Enum.GetValues<Domain.Accounts.AccountKind>(), v => Assert.Equal(v.ToString(), ProtoEnums.ToProto(v).ToString()));
        Assert.All(Enum.GetValues<Domain.Accounts.AccountStatus>(), v => Assert.Equal(v.ToString(), ProtoEnums.ToProto(v).ToString()));
        Assert.All(Enum.GetValues<Domain.Accounts.EntrySide>(), v => Assert.Equal(v.ToString(), ProtoEnums.ToProto(v).ToString()));
        Assert.All(Enum.GetValues<Domain.Districts.MintBudgetPeriod>(), v => Assert.Equal(v, ProtoEnums.FromProto(ProtoEnums.ToProto(v))));
    }

    [Fact]
    public void every_exchange_value_maps_to_its_proto_value_and_back()
    {
        RoundTrips<Exchange.Listings.ListingKind, Contracts.Exchange.V1.ListingKind>();
        RoundTrips<Exchange.Listings.ListingType, Contracts.Exchange.V1.ListingType>();
        RoundTrips<Exchange.Listings.ListingCategory, Contracts.Exchange.V1.ListingCategory>();
        RoundTrips<Exchange.Listings.ListingStatus, Contracts.Exchange.V1.ListingStatus>();
        RoundTrips<Exchange.Listings.ListingCode, Contracts.Exchange.V1.ListingResult>();
        RoundTrips<Exchange.Deals.DealStatus, Contracts.Exchange.V1.DealStatus>();
        RoundTrips<Exchange.Deals.DealSide, Contracts.Exchange.V1.DealSide>();
        RoundTrips<Exchange.Deals.DisputeRuling, Contracts.Exchange.V1.DisputeRuling>();
        RoundTrips<Exchange.Deals.DealCode, Contracts.Exchange.V1.DealResult>();
        RoundTrips<Exchange.Events.MemberEventKind, Contracts.Exchange.V1.MemberEventKind>();
        RoundTrips<Exchange.Sessions.SessionStatus, Contracts.Exchange.V1.SessionStatus>();
        RoundTrips<Exchange.Sessions.SessionCode, Contracts.Exchange.V1.SessionResult>();
        RoundTrips<Exchange.Reports.ReportedContent, Contracts.Exchange.V1.ReportedContent>();
        RoundTrips<Exchange.Loans.LoanStatus, Contracts.Exchange.V1.LoanStatus>();
        RoundTrips<Exchange.Loans.LoanSide, Contracts.Exchange.V1.LoanSide>();
        RoundTrips<Exchange.Loans.LoanCode, Contracts.Exchange.V1.LoanResult>();
        Assert.Null(ExchangeMapping.FromProto<Contracts.Exchange.V1.DealSide, Exchange.Deals.DealSide>(Contracts.Exchange.V1.DealSide.Unspecified));
        Assert.Null(ExchangeMapping.FromProto<Contracts.Exchange.V1.DealSide, Exchange.Deals.DealSide>((Contracts.Exchange.V1.DealSide)99));
    }

    private static void RoundTrips<TDomain, TProto>() where TDomain : struct, Enum where TProto : struct, Enum =>
        Assert.All(Enum.GetValues<TDomain>(), v => Assert.Equal(v, ExchangeMapping.FromProto<TProto, TDomain>(ExchangeMapping.ToProto<TDomain, TProto>(v))));

    [Fact]
    public void an_unspecified_or_unknown_code_becomes_one_the_ledger_rejects_as_unknown()
    {
        Assert.False(Enum.IsDefined(ProtoEnums.FromProto(Contracts.Ledger.V1.TransferCode.Unspecified)));
        Assert.False(Enum.IsDefined(ProtoEnums.FromProto((Contracts.Ledger.V1.TransferCode)99)));
    }
}
