using System.Globalization;
using System.Text.Json;
using EPoomasi.Ledger;
using EPoomasi.Ledger.Documents;

namespace EPoomasi.Community.Members;

/// <summary>
/// Members' profiles and the accounts they hold, as module documents: corrected in place, and erased by
/// deleting them. The books keep member and account ids only, so erasing a profile leaves them whole; the
/// accounts a member held stay theirs, shown without a name.
/// </summary>
public sealed class MemberDirectory
{
    private const string Profiles = "community.profile";
    private const string Holders = "community.holder";
    private const string Sightings = "community.sighting";

    private readonly ModuleDocuments _documents;

    internal MemberDirectory(ModuleDocuments documents) => _documents = documents;

    /// <summary>The member's profile, or null when there is none (never made, or erased).</summary>
    public async Task<MemberProfile?> GetAsync(Guid memberId, CancellationToken cancellationToken) =>
        (await GetManyAsync([memberId], cancellationToken)).GetValueOrDefault(memberId);

    /// <summary>The profiles that exist among these members.</summary>
    public async Task<IReadOnlyDictionary<Guid, MemberProfile>> GetManyAsync(IReadOnlyCollection<Guid> memberIds, CancellationToken cancellationToken)
    {
        var documents = await _documents.GetAsync(Profiles, memberIds.Select(Key).ToList(), cancellationToken);
        return documents.Values.ToDictionary(d => Guid.Parse(d.Key), d => Read<MemberProfile>(d.Json));
    }

    /// <summary>Writes or corrects the member's profile.</summary>
    public Task PutAsync(Guid memberId, MemberProfile profile, Attribution by, CancellationToken cancellationToken) =>
        _documents.PutAsync(Profiles, Key(memberId), profile.DistrictId, Write(profile), by, cancellationToken);

    /// <summary>Writes the member's profile only when they have none: whether it was written. A repeat never undoes a correction.</summary>
    public Task<bool> AddAsync(Guid memberId, MemberProfile profile, Attribution by, CancellationToken cancellationToken) =>
        _documents.AddAsync(Profiles, Key(memberId), profile.DistrictId, Write(profile), by, cancellationToken);

    /// <summary>
    /// Erases the member's personal data: the profile and what duplicate checks remember of it. Whether there
    /// was a profile. The member's accounts, transfers and applications stay, under their ids.
    /// </summary>
    public async Task<bool> EraseAsync(Guid memberId, CancellationToken cancellationToken)
    {
        if (await GetAsync(memberId, cancellationToken) is not { } profile) return false;
        foreach (var sighting in SightingKeys(profile))
        {
            var seen = await _documents.GetAsync(Sightings, [sighting], cancellationToken);
            if (seen.TryGetValue(sighting, out var document) && Read<Sighting>(document.Json).MemberId == memberId)
            {
                await _documents.DeleteAsync(Sightings, sighting, cancellationToken);
            }
        }

        return await _documents.DeleteAsync(Profiles, Key(memberId), cancellationToken);
    }

    /// <summary>
    /// Another member this profile seems to be: one who gave the same contact, or the same name in the same
    /// district, first. Remembers this member for those keys when nobody had them; null when nobody did.
    /// </summary>
    public async Task<Guid?> FindEarlierAsync(Guid memberId, MemberProfile profile, Attribution by, CancellationToken cancellationToken)
    {
        Guid? earlier = null;
        foreach (var key in SightingKeys(profile))
        {
            if (await _documents.AddAsync(Sightings, key, profile.DistrictId, Write(new Sighting(memberId)), by, cancellationToken)) continue;
            var seen = await _documents.GetAsync(Sightings, [key], cancellationToken);
            if (seen.TryGetValue(key, out var document) && Read<Sighting>(document.Json).MemberId is var other && other != memberId)
            {
                earlier ??= other;
            }
        }

        return earlier;
    }

    /// <summary>Records that <paramref name="memberId"/> holds <paramref name="accountId"/>. Writing it again is harmless.</summary>
    public Task AddHolderAsync(Guid accountId, Guid memberId, Attribution by, CancellationToken cancellationToken) =>
        _documents.PutAsync(Holders, Key(accountId), Key(memberId), Write(new Holding(memberId)), by, cancellationToken);

    /// <summary>The holder of each account among these ids that has one.</summary>
    public async Task<IReadOnlyDictionary<Guid, Guid>> HoldersOfAsync(IReadOnlyCollection<Guid> accountIds, CancellationToken cancellationToken)
    {
        var documents = await _documents.GetAsync(Holders, accountIds.Select(Key).ToList(), cancellationToken);
        return documents.Values.ToDictionary(d => Guid.Parse(d.Key), d => Read<Holding>(d.Json).MemberId);
    }

    /// <summary>The accounts the member holds, at most a page of them.</summary>
    public async Task<IReadOnlyList<Guid>> AccountsOfAsync(Guid memberId, CancellationToken cancellationToken)
    {
        var page = await _documents.ListAsync(Holders, Key(memberId), string.Empty, 100, cancellationToken);
        return page.Documents.Select(d => Guid.Parse(d.Key)).ToList();
    }

    /// <summary>The display name of each account's holder, where the account has a holder with a profile.</summary>
    public async Task<IReadOnlyDictionary<Guid, string>> NamesOfAccountsAsync(IReadOnlyCollection<Guid> accountIds, CancellationToken cancellationToken)
    {
        var holders = await HoldersOfAsync(accountIds, cancellationToken);
        if (holders.Count == 0) return new Dictionary<Guid, string>();
        var profiles = await GetManyAsync(holders.Values.Distinct().ToList(), cancellationToken);
        return holders.Where(h => profiles.ContainsKey(h.Value)).ToDictionary(h => h.Key, h => profiles[h.Value].DisplayName);
    }

    // A contact is the same however it is spaced or cased: phone numbers by their digits, addresses in lower case.
    private static IEnumerable<string> SightingKeys(MemberProfile profile)
    {
        if (!string.IsNullOrWhiteSpace(profile.Contact))
        {
            var contact = profile.Contact.Trim();
            var digits = new string(contact.Where(char.IsAsciiDigit).ToArray());
            if (contact.Contains('@', StringComparison.Ordinal)) yield return $"mail:{contact.ToLowerInvariant()}";
            else if (digits.Length > 0) yield return $"phone:{digits}";
        }

        var name = new string(profile.DisplayName.Where(c => !char.IsWhiteSpace(c)).ToArray()).ToLower(CultureInfo.InvariantCulture);
        yield return $"name:{profile.DistrictId}:{name}";
    }

    private static string Key(Guid id) => id.ToString();

    private static string Write<T>(T value) => JsonSerializer.Serialize(value, CommunityJson.Options);

    private static T Read<T>(string json) => JsonSerializer.Deserialize<T>(json, CommunityJson.Options)!;

    private sealed record Sighting(Guid MemberId);

    private sealed record Holding(Guid MemberId);
}
