using EPoomasi.Community.Members;
using EPoomasi.Ledger;

namespace EPoomasi.Community.Importing;

/// <summary>
/// One member from another time bank's export: who they are there (<paramref name="ExternalId"/>, unique in the file
/// and what makes importing the same file twice harmless), their profile and their balance there.
/// </summary>
/// <param name="Line">The line of the file the row came from, for the person fixing it.</param>
public sealed record ImportRow(int Line, string ExternalId, MemberProfile Profile, Minutes OpeningBalance);

/// <summary>What became of one row.</summary>
public enum ImportCode
{
    /// <summary>Checked and fine (a dry run), or imported.</summary>
    Ok,

    /// <summary>Imported before: nothing changed.</summary>
    AlreadyImported,

    /// <summary>The row breaks a rule; the problem says which. Nothing of it was imported.</summary>
    Invalid,

    /// <summary>The account was opened, but the ledger refused the opening balance; the problem says why.</summary>
    BalanceRefused,
}

/// <summary>The result of one row.</summary>
/// <param name="Problem">For a person, Korean first; null when there is none.</param>
public sealed record ImportRowResult(int Line, ImportCode Code, string? Problem = null, Guid? MemberId = null, Guid? AccountId = null);
