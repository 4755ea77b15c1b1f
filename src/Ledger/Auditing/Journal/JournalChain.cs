using System.Security.Cryptography;

namespace EPoomasi.Ledger.Auditing.Journal;

/// <summary>
/// The hash chain over the event log (docs/journal.md). Each event row of <c>mt_events</c>, in sequence
/// order, gets a link: <c>SHA-256(previous link ‖ SHA-256(encoding of the row))</c>, the first one chained to
/// <see cref="Genesis"/>. The encoding of a row is the UTF-8 of PostgreSQL's <c>to_jsonb(row)::text</c> read
/// with the session's time zone at UTC: every column of the row, named, in jsonb's canonical order (keys
/// by length, then bytes), so that a column Marten adds in an upgrade is covered without a change here.
/// <para>
/// PostgreSQL hashes each row's encoding itself (<see cref="RowDigest"/>): a journal row is tens of kB of
/// JSON, and sending it to the gateway to be hashed there would move the whole log over the wire again.
/// </para>
/// </summary>
public static class JournalChain
{
    /// <summary>What the first link is chained to: 32 zero bytes.</summary>
    public static ReadOnlySpan<byte> Genesis => new byte[32];

    /// <summary>The SQL expression of the SHA-256 of a row's encoding, for a row aliased <c>e</c>.</summary>
    public const string RowDigest = "sha256(convert_to(to_jsonb(e)::text, 'UTF8'))";

    /// <summary>The statement that makes a row's encoding the same in every session.</summary>
    public const string EncodingSettings = "set local timezone = 'UTC'";

    /// <summary>The link of a row whose encoding hashes to <paramref name="rowDigest"/>, after <paramref name="previous"/>.</summary>
    public static byte[] Link(ReadOnlySpan<byte> previous, ReadOnlySpan<byte> rowDigest)
    {
        Span<byte> both = stackalloc byte[64];
        previous.CopyTo(both);
        rowDigest.CopyTo(both[32..]);
        return SHA256.HashData(both);
    }
}
