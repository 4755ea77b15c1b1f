using System.Text.Json.Serialization;
using EPoomasi.Ledger;
using EPoomasi.Ledger.Modules;

namespace EPoomasi.Exchange.Listings;

/// <summary>Whether the owner gives or asks.</summary>
public enum ListingKind
{
    Offer,
    Request,
}

/// <summary>Hours of work, or a thing priced in minutes.</summary>
public enum ListingType
{
    Service,
    Goods,

    /// <summary>A thing lent for a period: the minutes are its fee (none when free), with an optional deposit held while it is out.</summary>
    Loan,
}

/// <summary>What a listing is about.</summary>
public enum ListingCategory
{
    Care,
    Housework,
    Education,
    Repair,
    Transport,
    Health,
    Culture,
    Goods,
    Other,
}

/// <summary>Whether a listing can be found.</summary>
public enum ListingStatus
{
    /// <summary>In search until it expires.</summary>
    Active,

    /// <summary>Kept, out of search until the owner resumes it.</summary>
    Paused,

    /// <summary>Taken down for good.</summary>
    Withdrawn,
}

/// <summary>What the owner writes about a listing: the words in Korean, and in English when they like.</summary>
/// <param name="Title">Korean (or whatever the owner writes), 1 to 100 characters.</param>
/// <param name="Description">Up to 2,000 characters.</param>
/// <param name="Availability">When the owner can, in their own words (주말 오후, say).</param>
/// <param name="Minutes">For goods, the price; for a service, the hours of work expected; for a loan, its fee. Optional.</param>
/// <param name="Deposit">For a loan, the minutes held on the borrower's account while the thing is out. Optional.</param>
public sealed record ListingText(
    ListingType Type,
    ListingCategory Category,
    string Title,
    string Description,
    string? TitleEnglish = null,
    string? DescriptionEnglish = null,
    string? Availability = null,
    Minutes? Minutes = null,
    Minutes? Deposit = null)
{
    public const int TitleMaxLength = 100;
    public const int DescriptionMaxLength = 2_000;
    public const int AvailabilityMaxLength = 200;

    /// <summary>What is wrong with it, for a person, Korean first; or null.</summary>
    public string? Problem() => this switch
    {
        { Title: var t } when string.IsNullOrWhiteSpace(t) || t.Length > TitleMaxLength => $"제목은 1~{TitleMaxLength}자입니다. / A title has 1 to {TitleMaxLength} characters.",
        { TitleEnglish.Length: > TitleMaxLength } => $"영어 제목은 {TitleMaxLength}자까지입니다. / An English title has at most {TitleMaxLength} characters.",
        { Description.Length: > DescriptionMaxLength } or { DescriptionEnglish.Length: > DescriptionMaxLength } =>
            $"설명은 {DescriptionMaxLength}자까지입니다. / A description has at most {DescriptionMaxLength} characters.",
        { Availability.Length: > AvailabilityMaxLength } => $"가능한 시간은 {AvailabilityMaxLength}자까지입니다. / Availability has at most {AvailabilityMaxLength} characters.",
        { Minutes: { } m } when m.Value <= 0 || m > LedgerLimits.MaxTransferMinutes => "가격(분)은 양수여야 합니다. / A price in minutes is positive and within the ledger's maximum.",
        { Deposit: not null, Type: not ListingType.Loan } => "보증금은 빌려주기에만 있습니다. / Only a loan has a deposit.",
        { Deposit: { } d } when d.Value <= 0 || d > LedgerLimits.MaxTransferMinutes => "보증금(분)은 양수여야 합니다. / A deposit in minutes is positive and within the ledger's maximum.",
        _ when !Enum.IsDefined(Type) || !Enum.IsDefined(Category) => "알 수 없는 종류나 분류입니다. / Unknown type or category.",
        _ => null,
    };
}

/// <summary>
/// An offer or a request on the exchange, as its events leave it. Its owner is an account: the member who holds it
/// acts on it, or a coordinator of its district for a member without a phone.
/// </summary>
public sealed record Listing(
    Guid OwnerAccountId,
    string DistrictId,
    ListingKind Kind,
    ListingType Type,
    ListingCategory Category,
    string Title,
    string Description,
    string? TitleEnglish,
    string? DescriptionEnglish,
    string? Availability,
    Minutes? Minutes,
    ListingStatus Status,
    DateTimeOffset CreatedAt,
    DateTimeOffset ExpiresAt,
    DateTimeOffset ChangedAt,
    string ChangedBy,
    DateTimeOffset? ExpiryNoticedFor = null,
    Minutes? Deposit = null)
{
    /// <summary>Its words, as the owner last wrote them.</summary>
    [JsonIgnore]
    public ListingText Text => new(Type, Category, Title, Description, TitleEnglish, DescriptionEnglish, Availability, Minutes, Deposit);

    /// <summary>True when it can be found and dealt on at <paramref name="now"/>.</summary>
    public bool IsOpen(DateTimeOffset now) => Status == ListingStatus.Active && ExpiresAt > now;
}

/// <summary>A command on one listing, by or for the account that owns it; its key is the listing's id.</summary>
public abstract record ListingCommand(Guid Id, Attribution By, Guid ListingId, Guid OwnerAccountId) : ModuleCommand(Id, By)
{
    public override string StateKey => ListingId.ToString();
}

/// <summary>
/// A member lists an offer or a request, to expire at <paramref name="ExpiresAt"/> when they chose it, otherwise
/// <paramref name="ByDefault"/> after the moment it is decided: a period, so the same request resent is the same command.
/// </summary>
public sealed record CreateListing(
    Guid Id, Attribution By, Guid ListingId, Guid OwnerAccountId, string DistrictId, ListingKind Kind, ListingText Text, DateTimeOffset? ExpiresAt, TimeSpan ByDefault)
    : ListingCommand(Id, By, ListingId, OwnerAccountId);

public sealed record EditListing(Guid Id, Attribution By, Guid ListingId, Guid OwnerAccountId, ListingText Text) : ListingCommand(Id, By, ListingId, OwnerAccountId);

public sealed record ChangeListingStatus(Guid Id, Attribution By, Guid ListingId, Guid OwnerAccountId, ListingStatus Status) : ListingCommand(Id, By, ListingId, OwnerAccountId);

/// <summary>The scheduler tells the owner their listing expires soon: once per expiry, while it is active.</summary>
public sealed record NoticeExpiry(Guid Id, Attribution By, Guid ListingId, Guid OwnerAccountId, DateTimeOffset ExpiresAt) : ListingCommand(Id, By, ListingId, OwnerAccountId);

/// <summary>The owner renews the listing, to <paramref name="ExpiresAt"/> or, when they did not say, <paramref name="ByDefault"/> from the moment it is decided.</summary>
public sealed record RenewListing(Guid Id, Attribution By, Guid ListingId, Guid OwnerAccountId, DateTimeOffset? ExpiresAt, TimeSpan ByDefault)
    : ListingCommand(Id, By, ListingId, OwnerAccountId);

[JsonPolymorphic]
[JsonDerivedType(typeof(ListingCreated), "created")]
[JsonDerivedType(typeof(ListingEdited), "edited")]
[JsonDerivedType(typeof(ListingStatusChanged), "status")]
[JsonDerivedType(typeof(ListingRenewed), "renewed")]
[JsonDerivedType(typeof(ListingExpiryNoticed), "expiry-noticed")]
public abstract record ListingEvent(string By, DateTimeOffset At);

public sealed record ListingCreated(Guid OwnerAccountId, string DistrictId, ListingKind Kind, ListingText Text, DateTimeOffset ExpiresAt, string By, DateTimeOffset At)
    : ListingEvent(By, At);

public sealed record ListingEdited(ListingText Text, string By, DateTimeOffset At) : ListingEvent(By, At);

public sealed record ListingStatusChanged(ListingStatus Status, string By, DateTimeOffset At) : ListingEvent(By, At);

public sealed record ListingExpiryNoticed(DateTimeOffset ExpiresAt, string By, DateTimeOffset At) : ListingEvent(By, At);

public sealed record ListingRenewed(DateTimeOffset ExpiresAt, string By, DateTimeOffset At) : ListingEvent(By, At);

/// <summary>What a listing command came to.</summary>
public enum ListingCode
{
    Created,
    Edited,
    StatusChanged,
    Renewed,

    /// <summary>A listing with this id exists already.</summary>
    AlreadyExists,
    NotFound,

    /// <summary>The account named does not own the listing.</summary>
    NotOwner,

    /// <summary>A withdrawn listing stays withdrawn.</summary>
    Withdrawn,

    /// <summary>The owner was told the listing expires soon.</summary>
    ExpiryNoticed,

    /// <summary>Nothing to tell: the listing is not active, its expiry changed, or the owner was told already.</summary>
    NotDue,
}

/// <summary>The answer to a listing command.</summary>
public sealed record ListingResult(ListingCode Code, Listing? Listing)
{
    /// <summary>True when this answers a repeat of the request's id.</summary>
    [JsonIgnore]
    public bool Replayed { get; init; }

    /// <summary>The listing's id, filled in by <see cref="ExchangeModule"/>.</summary>
    [JsonIgnore]
    public Guid ListingId { get; init; }
}
