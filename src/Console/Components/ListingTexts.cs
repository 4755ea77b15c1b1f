using EPoomasi.Contracts.Exchange.V1;
using Google.Protobuf.WellKnownTypes;
using Microsoft.Extensions.Localization;

namespace EPoomasi.WebConsole.Components;

/// <summary>A listing's kinds, types, categories and states in the reader's words.</summary>
public static class ListingTexts
{
    public static readonly ListingCategory[] Categories =
    [
        ListingCategory.Care, ListingCategory.Housework, ListingCategory.Education, ListingCategory.Repair, ListingCategory.Transport,
        ListingCategory.Health, ListingCategory.Culture, ListingCategory.Goods, ListingCategory.Other,
    ];

    public static readonly ListingType[] Types = [ListingType.Service, ListingType.Goods, ListingType.Loan];

    /// <summary>The title in the reader's language when the owner wrote one in it.</summary>
    public static string Title(Listing listing) => English && listing.Text.TitleEn.Length > 0 ? listing.Text.TitleEn : listing.Text.Title;

    /// <summary>The description in the reader's language when the owner wrote one in it.</summary>
    public static string Description(Listing listing) => English && listing.Text.DescriptionEn.Length > 0 ? listing.Text.DescriptionEn : listing.Text.Description;

    private static bool English => System.Globalization.CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en";

    public static string Category(ListingCategory category, IStringLocalizer<Texts> texts) => texts[$"Category_{category}"];

    public static string Type(ListingType type, IStringLocalizer<Texts> texts) => texts[$"Type_{type}"];

    public static string Kind(ListingKind kind, IStringLocalizer<Texts> texts) => kind == ListingKind.Offer ? texts["Offer"] : texts["Request"];

    /// <summary>"Expired" for an active listing past its end: it has left search, and renewing brings it back.</summary>
    public static string Status(Listing listing, IStringLocalizer<Texts> texts) =>
        IsExpired(listing) ? texts["ListingStatus_Expired"] : texts[$"ListingStatus_{listing.Status}"];

    public static bool IsExpired(Listing listing) =>
        listing.Status == ListingStatus.Active && listing.ExpiresAt is { } end && end.ToDateTimeOffset() <= DateTimeOffset.UtcNow;

    /// <summary>Why a change to a listing did not happen, in plain words.</summary>
    public static string Refusal(ListingResult result, IStringLocalizer<Texts> texts) => StepTexts.Refusal(texts, "ListingResult", result);

    /// <summary>The end of <paramref name="day"/> in Seoul, as the instant a listing ends.</summary>
    public static Timestamp EndOf(DateOnly day) =>
        Timestamp.FromDateTimeOffset(new DateTimeOffset(day.ToDateTime(new TimeOnly(23, 59)), Presentation.Seoul.Zone.BaseUtcOffset));
}
