using System.Text.Json;
using EPoomasi.Exchange.Deals;
using EPoomasi.Ledger;
using EPoomasi.Ledger.Documents;

namespace EPoomasi.Exchange.Messages;

/// <summary>One message on a deal's thread.</summary>
public sealed record DealMessage(Guid DealId, Guid RequestId, DealSide Side, Guid AccountId, string Text, string By, DateTimeOffset At);

/// <summary>
/// Each deal's short message thread, so the two sides can agree details. Messages are people's own words: they live
/// as module documents, outside the immutable event log, one per request id (a repeat adds nothing).
/// </summary>
public sealed class DealMessages
{
    public const int TextMaxLength = 1_000;

    /// <summary>Most messages a thread keeps; a deal is not a chat room.</summary>
    public const int MaxPerDeal = 200;

    private const string Kind = "exchange.message";
    private readonly ModuleDocuments _documents;

    internal DealMessages(ModuleDocuments documents) => _documents = documents;

    /// <summary>
    /// Writes the message's document, once per request id; the caller then notes it on the deal, so that the other side's
    /// event stream hears of it. A repeat finds the document and notes it again under the same id: nothing doubles.
    /// </summary>
    internal async Task<DealMessage> WriteAsync(Guid requestId, Guid dealId, DealSide side, Guid accountId, string text, Attribution by, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(text) || text.Length > TextMaxLength)
        {
            throw new ExchangeInputException($"메시지는 1~{TextMaxLength}자입니다. / A message has 1 to {TextMaxLength} characters.");
        }

        var key = $"{dealId}:{requestId}";
        if ((await _documents.GetAsync(Kind, [key], cancellationToken)).TryGetValue(key, out var earlier)) return Read(earlier);
        if ((await ListAsync(dealId, cancellationToken)).Count >= MaxPerDeal)
        {
            throw new ExchangeRuleException("THREAD_FULL", $"한 거래의 메시지는 {MaxPerDeal}개까지입니다. / A deal's thread holds at most {MaxPerDeal} messages.");
        }

        var message = new DealMessage(dealId, requestId, side, accountId, text.Trim(), by.ActorId, now);
        await _documents.AddAsync(Kind, key, dealId.ToString(), JsonSerializer.Serialize(message, ExchangeJson.Options), by, cancellationToken);
        return Read((await _documents.GetAsync(Kind, [key], cancellationToken))[key]);
    }

    /// <summary>One message, or null (erased, or never written).</summary>
    public async Task<DealMessage?> GetAsync(Guid dealId, Guid requestId, CancellationToken cancellationToken)
    {
        var key = $"{dealId}:{requestId}";
        return (await _documents.GetAsync(Kind, [key], cancellationToken)).TryGetValue(key, out var found) ? Read(found) : null;
    }

    /// <summary>The thread, oldest first.</summary>
    public async Task<IReadOnlyList<DealMessage>> ListAsync(Guid dealId, CancellationToken cancellationToken)
    {
        var page = await _documents.ListAsync(Kind, dealId.ToString(), string.Empty, MaxPerDeal + 1, cancellationToken);
        return page.Documents.Select(Read).OrderBy(m => m.At).ThenBy(m => m.RequestId).ToList();
    }

    private static DealMessage Read(ModuleDocument document) => JsonSerializer.Deserialize<DealMessage>(document.Json, ExchangeJson.Options)!;
}
