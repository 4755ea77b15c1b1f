using System.Security.Cryptography;
using System.Text;

namespace EPoomasi.Ledger.Auditing.Journal;

/// <summary>
/// The hash chain over the event log (docs/journal.md). Each event row of <c>mt_events</c>, in sequence
/// order, gets a link: <c>SHA-256(previous link ‖ encoding of the row)</c>, the first one chained to
/// <see cref="Genesis"/>. The encoding of a row is the UTF-8 of PostgreSQL's <c>to_jsonb(row)::text</c> read
/// with the session's time zone at UTC: every column of the row, named, in jsonb's canonical order (keys
/// by length, then bytes), so that a column Marten adds in an upgrade is covered without a change here.
/// </summary>
public static class JournalChain
{
    /// <summary>What the first link is chained to: 32 zero bytes.</summary>
    public static ReadOnlySpan<byte> Genesis => new byte[32];

    /// <summary>The SQL expression of a row's encoding, for a row aliased <c>e</c>.</summary>
    public const string RowEncoding = "to_jsonb(e)::text";

    /// <summary>The statement that makes <see cref="RowEncoding"/> the same in every session.</summary>
    public const string EncodingSettings = "set local timezone = 'UTC'";

    /// <summary>The link of a row whose encoding is <paramref name="row"/>, after <paramref name="previous"/>.</summary>
    public static byte[] Link(ReadOnlySpan<byte> previous, string row)
    {
        var bytes = Encoding.UTF8.GetBytes(row);
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        hash.AppendData(previous);
        hash.AppendData(bytes);
        return hash.GetHashAndReset();
    }
}
