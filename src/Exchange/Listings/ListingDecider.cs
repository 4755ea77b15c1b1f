using EPoomasi.Exchange.Searching;
using EPoomasi.Ledger.Modules;
using EPoomasi.Ledger.Modules.Searching;
using EPoomasi.Ledger.Transfers;
using System.Text.Json;

namespace EPoomasi.Exchange.Listings;

/// <summary>Decides listing commands on the ledger's write path; a listing moves no credits, and is indexed for search with its state.</summary>
internal sealed class ListingDecider : ModuleDecider<ListingCommand, Listing, ListingEvent, ListingResult>
{
    public const string Name = "exchange.listing";

    public override string Kind => Name;

    protected override JsonSerializerOptions Json => ExchangeJson.Options;

    public override IReadOnlyList<TransferCommand> Transfers(ListingCommand command, Listing? state, DateTimeOffset now) => [];

    public override ModuleDecision<ListingEvent, ListingResult> Decide(ListingCommand command, Listing? state, IReadOnlyList<TransferOutcome> transfers, DateTimeOffset now)
    {
        var by = command.By.ActorId;
        return (command, state) switch
        {
            (CreateListing, not null) => new(new ListingResult(ListingCode.AlreadyExists, state), []),
            (CreateListing create, null) => Accept(null, new ListingCreated(create.OwnerAccountId, create.DistrictId, create.Kind, create.Text, create.ExpiresAt ?? now + create.ByDefault, by, now), ListingCode.Created),
            (_, null) => new(new ListingResult(ListingCode.NotFound, null), []),
            (_, { } listing) when listing.OwnerAccountId != command.OwnerAccountId => new(new ListingResult(ListingCode.NotOwner, null), []),
            (_, { Status: ListingStatus.Withdrawn }) => new(new ListingResult(ListingCode.Withdrawn, state), []),
            (NoticeExpiry n, { } l) when l.Status != ListingStatus.Active || l.ExpiresAt != n.ExpiresAt || l.ExpiryNoticedFor == n.ExpiresAt => new(new ListingResult(ListingCode.NotDue, l), []),
            (NoticeExpiry n, _) => Accept(state, new ListingExpiryNoticed(n.ExpiresAt, by, now), ListingCode.ExpiryNoticed),
            (EditListing edit, _) => Accept(state, new ListingEdited(edit.Text, by, now), ListingCode.Edited),
            (ChangeListingStatus change, _) => Accept(state, new ListingStatusChanged(change.Status, by, now), ListingCode.StatusChanged),
            (RenewListing renew, _) => Accept(state, new ListingRenewed(renew.ExpiresAt ?? now + renew.ByDefault, by, now), ListingCode.Renewed),
            _ => throw new ArgumentException($"Unknown command {command.GetType().Name}.", nameof(command)),
        };
    }

    public override Listing Evolve(Listing? state, ListingEvent change) => (state, change) switch
    {
        (null, ListingCreated c) => new Listing(c.OwnerAccountId, c.DistrictId, c.Kind, c.Text.Type, c.Text.Category, c.Text.Title.Trim(), c.Text.Description.Trim(),
            c.Text.TitleEnglish?.Trim(), c.Text.DescriptionEnglish?.Trim(), c.Text.Availability?.Trim(), c.Text.Minutes, ListingStatus.Active, c.At, c.ExpiresAt, c.At, c.By, Deposit: c.Text.Deposit),
        ({ } listing, ListingEdited e) => listing with
        {
            Type = e.Text.Type, Category = e.Text.Category, Title = e.Text.Title.Trim(), Description = e.Text.Description.Trim(), TitleEnglish = e.Text.TitleEnglish?.Trim(),
            DescriptionEnglish = e.Text.DescriptionEnglish?.Trim(), Availability = e.Text.Availability?.Trim(), Minutes = e.Text.Minutes, Deposit = e.Text.Deposit, ChangedAt = e.At, ChangedBy = e.By,
        },
        ({ } listing, ListingStatusChanged s) => listing with { Status = s.Status, ChangedAt = s.At, ChangedBy = s.By },
        ({ } listing, ListingExpiryNoticed n) => listing with { ExpiryNoticedFor = n.ExpiresAt },
        ({ } listing, ListingRenewed r) => listing with { ExpiresAt = r.ExpiresAt, Status = ListingStatus.Active, ChangedAt = r.At, ChangedBy = r.By },
        _ => throw new InvalidOperationException($"{change.GetType().Name} cannot follow {state?.Status.ToString() ?? "nothing"}."),
    };

    // 2: English words are indexed with their beginnings (KoreanText).
    public override int IndexVersion => 2;

    // Found until it expires, and only while active.
    public override SearchEntry Index(Listing state) =>
        new(KoreanText.Index([state.Title, state.TitleEnglish, state.Description, state.DescriptionEnglish]), state.Status == ListingStatus.Active ? state.ExpiresAt : null);

    private ModuleDecision<ListingEvent, ListingResult> Accept(Listing? state, ListingEvent change, ListingCode code) =>
        new(new ListingResult(code, Evolve(state, change)), [change]);
}
