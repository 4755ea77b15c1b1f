namespace EPoomasi.Ledger.Modules.Searching;

/// <summary>
/// One word of an entity's searchable text, as the module's own tokenizer cut it, at its position (from 1).
/// Several tokens may share a position: a syllable and the two-syllable word starting there, say.
/// </summary>
public readonly record struct SearchToken(string Lexeme, int Position);
