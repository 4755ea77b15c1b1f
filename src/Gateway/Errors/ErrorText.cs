namespace EPoomasi.Gateway.Errors;

/// <summary>
/// Bounds what an error quotes. A status travels in HTTP/2 headers, which clients cap (64 KB in .NET):
/// an answer that quotes a caller's 70,000-character field in full is an answer no client can read.
/// </summary>
public static class ErrorText
{
    /// <summary>The first <paramref name="max"/> characters of <paramref name="text"/>, with "…" when cut.</summary>
    public static string Clip(string text, int max = 200)
    {
        if (text.Length <= max)
        {
            return text;
        }

        // Never cut between the halves of a surrogate pair: the answer must stay valid Unicode.
        var end = char.IsHighSurrogate(text[max - 1]) ? max - 1 : max;
        return $"{text[..end]}…";
    }
}
