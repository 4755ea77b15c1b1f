using System.Text.Json;
using EPoomasi.Exchange.Deals;
using EPoomasi.Ledger;
using EPoomasi.Ledger.Documents;

namespace EPoomasi.Exchange.Feedback;

/// <summary>One side's rating of the other after a deal.</summary>
public sealed record Rating(Guid DealId, DealSide By, Guid RaterAccountId, Guid RatedAccountId, int Stars, string? Comment, DateTimeOffset At);

/// <summary>What a member's profile shows of the ratings they received.</summary>
public sealed record FeedbackSummary(int Count, double Average, IReadOnlyList<Rating> Latest);

/// <summary>
/// Ratings members leave each other, one per side of a settled deal. A comment is a person's words about another, so
/// ratings live as module documents, outside the event log, where they can be corrected or erased.
/// </summary>
public sealed class FeedbackBook
{
    public const int CommentMaxLength = 500;
    private const string Kind = "exchange.feedback";
    private readonly ModuleDocuments _documents;

    internal FeedbackBook(ModuleDocuments documents) => _documents = documents;

    internal Task<bool> AddAsync(Guid dealId, DealSide side, Guid rater, Guid rated, int stars, string? comment, Attribution by, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (stars is < 1 or > 5) throw new ExchangeInputException("별점은 1~5입니다. / A rating is 1 to 5 stars.");
        if (comment?.Length > CommentMaxLength) throw new ExchangeInputException($"평가 글은 {CommentMaxLength}자까지입니다. / A comment has at most {CommentMaxLength} characters.");
        var rating = new Rating(dealId, side, rater, rated, stars, string.IsNullOrWhiteSpace(comment) ? null : comment.Trim(), now);
        return _documents.AddAsync(Kind, $"{rated}:{dealId}:{side}", rated.ToString(), JsonSerializer.Serialize(rating, ExchangeJson.Options), by, cancellationToken);
    }

    /// <summary>How many ratings <paramref name="accountId"/> received, their average, and the latest few.</summary>
    public async Task<FeedbackSummary> SummaryAsync(Guid accountId, CancellationToken cancellationToken)
    {
        var ratings = new List<Rating>();
        var after = string.Empty;
        while (true)
        {
            var page = await _documents.ListAsync(Kind, accountId.ToString(), after, 500, cancellationToken);
            ratings.AddRange(page.Documents.Select(d => JsonSerializer.Deserialize<Rating>(d.Json, ExchangeJson.Options)!));
            if (page.NextAfter is not { } next) break;
            after = next;
        }

        return new FeedbackSummary(ratings.Count, ratings.Count == 0 ? 0 : Math.Round(ratings.Average(r => r.Stars), 2), ratings.OrderByDescending(r => r.At).Take(10).ToList());
    }
}
