namespace EPoomasi.Gateway.Security;

/// <summary>What kind of caller someone is; the authorization matrix grants by role.</summary>
public enum Role
{
    /// <summary>Moves only the credits of their own accounts.</summary>
    Member = 1,

    /// <summary>Acts within their own district.</summary>
    Coordinator = 2,

    /// <summary>Reads everything, changes nothing.</summary>
    Auditor = 3,

    /// <summary>Creates districts, sets trust limits and budgets, registers partner apps.</summary>
    Administrator = 4,

    /// <summary>A partner app with an API key, acting for members within its scopes.</summary>
    PartnerApp = 5,
}
