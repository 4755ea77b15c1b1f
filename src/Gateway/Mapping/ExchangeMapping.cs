using EPoomasi.Exchange.Deals;
using EPoomasi.Exchange.Feedback;
using EPoomasi.Exchange.Listings;
using EPoomasi.Exchange.Loans;
using EPoomasi.Exchange.Messages;
using EPoomasi.Ledger;
using Google.Protobuf.WellKnownTypes;
using Proto = EPoomasi.Contracts.Exchange.V1;

namespace EPoomasi.Gateway.Mapping;

/// <summary>The exchange's domain types to and from their proto twins. Enums map by name; UNSPECIFIED maps to null.</summary>
public static class ExchangeMapping
{
    /// <summary>The domain value of the same name, or null for UNSPECIFIED and numbers the contract does not know.</summary>
    public static TDomain? FromProto<TProto, TDomain>(TProto value) where TProto : struct, System.Enum where TDomain : struct, System.Enum =>
        System.Enum.TryParse<TDomain>(value.ToString(), out var parsed) && System.Enum.IsDefined(parsed) ? parsed : null;

    public static TProto ToProto<TDomain, TProto>(TDomain value) where TDomain : struct, System.Enum where TProto : struct, System.Enum =>
        System.Enum.Parse<TProto>(value.ToString());

    public static Proto.ListingText Text(ListingText text) => new()
    {
        Type = ToProto<ListingType, Proto.ListingType>(text.Type),
        Category = ToProto<ListingCategory, Proto.ListingCategory>(text.Category),
        Title = text.Title,
        Description = text.Description,
        TitleEn = text.TitleEnglish ?? string.Empty,
        DescriptionEn = text.DescriptionEnglish ?? string.Empty,
        Availability = text.Availability ?? string.Empty,
        Minutes = text.Minutes?.Value ?? 0,
        DepositMinutes = text.Deposit?.Value ?? 0,
    };

    public static Proto.Listing Listing(Guid id, Listing listing, string? ownerName) => new()
    {
        ListingId = id.ToString(),
        OwnerAccountId = listing.OwnerAccountId.ToString(),
        OwnerName = ownerName ?? string.Empty,
        DistrictId = listing.DistrictId,
        Kind = ToProto<ListingKind, Proto.ListingKind>(listing.Kind),
        Text = Text(listing.Text),
        Status = ToProto<ListingStatus, Proto.ListingStatus>(listing.Status),
        CreatedAt = Timestamp.FromDateTimeOffset(listing.CreatedAt),
        ExpiresAt = Timestamp.FromDateTimeOffset(listing.ExpiresAt),
    };

    public static Proto.Deal Deal(Guid id, Deal deal, IReadOnlyDictionary<Guid, string> names) => new()
    {
        DealId = id.ToString(),
        ListingId = deal.ListingId.ToString(),
        Title = deal.Title,
        ProviderAccountId = deal.ProviderAccountId.ToString(),
        ProviderName = names.GetValueOrDefault(deal.ProviderAccountId) ?? string.Empty,
        ProviderDistrictId = deal.ProviderDistrictId,
        ReceiverAccountId = deal.ReceiverAccountId.ToString(),
        ReceiverName = names.GetValueOrDefault(deal.ReceiverAccountId) ?? string.Empty,
        ReceiverDistrictId = deal.ReceiverDistrictId,
        Goods = deal.Goods,
        AmountMinutes = deal.Amount.Value,
        Status = ToProto<DealStatus, Proto.DealStatus>(deal.Status),
        Awaiting = ToProto<DealSide, Proto.DealSide>(deal.Awaiting),
        AnswerBy = Timestamp.FromDateTimeOffset(deal.AnswerBy),
        HoldId = deal.HoldId?.ToString() ?? string.Empty,
        WorkBy = At(deal.WorkBy),
        ClaimedMinutes = deal.Claimed?.Value ?? 0,
        ConfirmBy = At(deal.ConfirmBy),
        PaidMinutes = deal.Paid?.Value ?? 0,
        DisputedBy = deal.DisputedBy is { } side ? ToProto<DealSide, Proto.DealSide>(side) : Proto.DealSide.Unspecified,
        DisputeReason = deal.DisputeReason ?? string.Empty,
        Ruling = deal.Ruling is { } ruling ? ToProto<DisputeRuling, Proto.DisputeRuling>(ruling) : Proto.DisputeRuling.Unspecified,
        RulingReason = deal.RulingReason ?? string.Empty,
        ResolvedBy = deal.ResolvedBy ?? string.Empty,
        ProposedAt = Timestamp.FromDateTimeOffset(deal.ProposedAt),
        ChangedAt = Timestamp.FromDateTimeOffset(deal.ChangedAt),
        ChangedBy = deal.ChangedBy,
    };

    public static Proto.Loan Loan(Guid id, Loan loan, IReadOnlyDictionary<Guid, string> names) => new()
    {
        LoanId = id.ToString(),
        ListingId = loan.ListingId.ToString(),
        Title = loan.Title,
        LenderAccountId = loan.LenderAccountId.ToString(),
        LenderName = names.GetValueOrDefault(loan.LenderAccountId) ?? string.Empty,
        LenderDistrictId = loan.LenderDistrictId,
        BorrowerAccountId = loan.BorrowerAccountId.ToString(),
        BorrowerName = names.GetValueOrDefault(loan.BorrowerAccountId) ?? string.Empty,
        BorrowerDistrictId = loan.BorrowerDistrictId,
        FeeMinutes = loan.Fee.Value,
        DepositMinutes = loan.Deposit.Value,
        Days = loan.Days,
        Status = ToProto<LoanStatus, Proto.LoanStatus>(loan.Status),
        RequestedAt = Timestamp.FromDateTimeOffset(loan.RequestedAt),
        AnswerBy = Timestamp.FromDateTimeOffset(loan.AnswerBy),
        HandOverBy = At(loan.HandOverBy),
        LentAt = At(loan.LentAt),
        DueBack = At(loan.DueBack),
        UnreturnedAt = At(loan.UnreturnedAt),
        HoldId = loan.HoldId?.ToString() ?? string.Empty,
        Overdue = loan.IsOverdue,
        ClaimedMinutes = loan.Claimed?.Value ?? 0,
        ClaimReason = loan.ClaimReason ?? string.Empty,
        ConfirmBy = At(loan.ConfirmBy),
        KeptMinutes = loan.Kept?.Value ?? 0,
        DisputedBy = loan.DisputedBy is { } side ? ToProto<LoanSide, Proto.LoanSide>(side) : Proto.LoanSide.Unspecified,
        DisputeReason = loan.DisputeReason ?? string.Empty,
        Ruling = loan.Ruling is { } ruling ? ToProto<DisputeRuling, Proto.DisputeRuling>(ruling) : Proto.DisputeRuling.Unspecified,
        RulingReason = loan.RulingReason ?? string.Empty,
        ResolvedBy = loan.ResolvedBy ?? string.Empty,
        ChangedAt = Timestamp.FromDateTimeOffset(loan.ChangedAt),
        ChangedBy = loan.ChangedBy,
    };

    public static Proto.DealMessage Message(DealMessage message) => new()
    {
        DealId = message.DealId.ToString(),
        Side = ToProto<DealSide, Proto.DealSide>(message.Side),
        AccountId = message.AccountId.ToString(),
        Text = message.Text,
        By = message.By,
        At = Timestamp.FromDateTimeOffset(message.At),
    };

    public static Proto.FeedbackSummary Feedback(FeedbackSummary summary)
    {
        var proto = new Proto.FeedbackSummary { Count = summary.Count, Average = summary.Average };
        proto.Latest.AddRange(summary.Latest.Select(r => new Proto.Rating
        {
            DealId = r.DealId.ToString(), RaterAccountId = r.RaterAccountId.ToString(), Stars = r.Stars, Comment = r.Comment ?? string.Empty, At = Timestamp.FromDateTimeOffset(r.At),
        }));
        return proto;
    }

    /// <summary>The minutes, or null for 0 (not said).</summary>
    public static Minutes? OptionalMinutes(long minutes) => minutes == 0 ? null : new Minutes(minutes);

    private static Timestamp? At(DateTimeOffset? instant) => instant is { } at ? Timestamp.FromDateTimeOffset(at) : null;
}
