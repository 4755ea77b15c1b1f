using System.Runtime.CompilerServices;

namespace EPoomasi.Ledger;

/// <summary>
/// A ledger invariant was about to be broken. This is a bug, never a business outcome: the operation
/// stops before anything is written and the transaction rolls back.
/// </summary>
public sealed class LedgerInvariantException : Exception
{
    public LedgerInvariantException(string message) : base(message) { }

    public LedgerInvariantException() { }

    public LedgerInvariantException(string message, Exception inner) : base(message, inner) { }

    /// <summary>Throws with <paramref name="message"/> unless <paramref name="condition"/> holds.</summary>
    public static void Unless(bool condition, string message)
    {
        if (!condition)
        {
            throw new LedgerInvariantException(message);
        }
    }

    /// <summary>
    /// Throws with <paramref name="message"/> unless <paramref name="condition"/> holds. The message is
    /// only formatted when the condition fails: these checks run on every event of every transfer, and
    /// their eagerly formatted messages showed in the batch benchmark's allocation profile.
    /// </summary>
    public static void Unless(bool condition, [InterpolatedStringHandlerArgument(nameof(condition))] ref FailureMessage message)
    {
        if (!condition)
        {
            throw new LedgerInvariantException(message.ToStringAndClear());
        }
    }

    /// <summary>An interpolated message that is built only when its condition is false.</summary>
    [InterpolatedStringHandler]
    public ref struct FailureMessage
    {
        private DefaultInterpolatedStringHandler _text;

        public FailureMessage(int literalLength, int formattedCount, bool condition, out bool shouldAppend)
        {
            shouldAppend = !condition;
            _text = shouldAppend ? new DefaultInterpolatedStringHandler(literalLength, formattedCount) : default;
        }

        public void AppendLiteral(string value) => _text.AppendLiteral(value);

        public void AppendFormatted<T>(T value) => _text.AppendFormatted(value);

        public string ToStringAndClear() => _text.ToStringAndClear();
    }
}
