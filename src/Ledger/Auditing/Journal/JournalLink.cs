namespace EPoomasi.Ledger.Auditing.Journal;

/// <summary>
/// One sealed link: the event row at <paramref name="Sequence"/> and the chain's hash after it. Written
/// down outside the database (a report, a notice), it lets a later verification start from it and prove
/// that nothing before it changed since.
/// </summary>
public sealed record JournalLink(long Sequence, byte[] Hash)
{
    /// <summary>The hash as lowercase hex.</summary>
    public string HashHex => Convert.ToHexStringLower(Hash);

    /// <summary><c>sequence:hash</c>, the form the CLI prints and reads.</summary>
    public override string ToString() => $"{Sequence}:{HashHex}";

    /// <summary>Reads <c>sequence:hash</c>.</summary>
    public static bool TryParse(string? text, out JournalLink link)
    {
        link = null!;
        var parts = (text ?? "").Split(':');
        if (parts.Length != 2 || !long.TryParse(parts[0], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var sequence)
            || parts[1].Length != 64 || !parts[1].All(Uri.IsHexDigit))
        {
            return false;
        }

        link = new JournalLink(sequence, Convert.FromHexString(parts[1]));
        return true;
    }

    public bool Equals(JournalLink? other) => other is not null && Sequence == other.Sequence && Hash.AsSpan().SequenceEqual(other.Hash);

    public override int GetHashCode() => HashCode.Combine(Sequence, Hash.Length > 0 ? Hash[0] : 0);
}
