namespace EPoomasi.Ledger.Administration;

/// <summary>
/// Outcome of a district or account administration command. A rejection carries one reason, the
/// first that applies in the numeric order of this list (shape, idempotency, references, state, limits).
/// </summary>
public enum AdminResult
{
    /// <summary>Done; or nothing to do because it was already so (see <see cref="AdminOutcome.Changed"/>).</summary>
    Ok = 0,

    /// <summary>The account id is empty.</summary>
    IdMustNotBeEmpty = 10,

    /// <summary>District ids are 2–32 characters: lowercase letters, digits and '-', starting with a letter.</summary>
    DistrictIdInvalid = 11,

    /// <summary>A district needs a name.</summary>
    NameRequired = 12,

    /// <summary>The name is longer than <see cref="LedgerLimits.DistrictNameMaxLength"/>.</summary>
    NameTooLong = 13,

    /// <summary>A floor must be at most zero and a cap at least zero, both within <see cref="LedgerLimits.MaxLimitMinutes"/>.</summary>
    LimitsInvalid = 14,

    /// <summary>A mint budget or trust limit must be between zero and <see cref="LedgerLimits.MaxLimitMinutes"/>.</summary>
    AmountInvalid = 15,

    /// <summary>A trust limit joins two different districts.</summary>
    SameDistrict = 16,

    /// <summary>The change needs a reason.</summary>
    ReasonRequired = 17,

    /// <summary>The reason is longer than <see cref="LedgerLimits.ReasonMaxLength"/>.</summary>
    ReasonTooLong = 18,

    /// <summary>A coordinator is named by a token's subject: 1 to 128 characters, no control characters or outer spaces.</summary>
    SubjectInvalid = 19,

    /// <summary>The id already exists with different settings.</summary>
    ExistsWithDifferentFields = 30,

    /// <summary>No district has this id.</summary>
    DistrictNotFound = 40,

    /// <summary>No account has this id.</summary>
    AccountNotFound = 41,

    /// <summary>The account is closed; closed is final.</summary>
    AccountClosed = 50,

    /// <summary>This kind of account is governed by its district (mint budget, trust limit), not adjusted directly.</summary>
    AccountKindNotAdjustable = 51,

    /// <summary>Only an account at zero balance can close.</summary>
    BalanceNotZero = 52,

    /// <summary>Only an account without pending holds can close.</summary>
    HoldsPending = 53,

    /// <summary>The new floor or cap would leave the current balance (pending included) outside them.</summary>
    LimitsExcludeCurrentBalance = 70,

    /// <summary>The new mint budget is below what the district has already issued.</summary>
    BudgetBelowIssued = 71,

    /// <summary>The new trust limit is below a clearing account's current position.</summary>
    TrustLimitBelowPosition = 72,
}
