namespace EPoomasi.Ledger.Administration;

/// <summary>The answer to an administration command.</summary>
/// <param name="Result">Ok or the one reason.</param>
/// <param name="Changed">False when the command asked for what already was, so nothing was written.</param>
public sealed record AdminOutcome(AdminResult Result, bool Changed)
{
    public bool IsOk => Result == AdminResult.Ok;
}
