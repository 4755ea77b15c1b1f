namespace EPoomasi.LocalPostgres;

/// <summary>The private PostgreSQL cannot start here, for a reason a person can fix; the message says how.</summary>
public sealed class LocalPostgresException : Exception
{
    public LocalPostgresException(string message) : base(message) { }

    public LocalPostgresException() { }

    public LocalPostgresException(string message, Exception inner) : base(message, inner) { }
}
