using Npgsql;

namespace EPoomasi.Ledger.Storage;

/// <summary>
/// Failures that belong to the data a request carried, not to the database or a race: PostgreSQL's data
/// exceptions (class 22: a NUL in text, a value out of range), integrity violations other than a
/// duplicate key (class 23), limits on a single value (class 54), text Npgsql cannot encode, and a module's
/// decider that threw on the request's command. They
/// fail every time for that request, and for nobody else.
/// </summary>
internal static class RequestFault
{
    public static bool Caused(Exception exception)
    {
        for (var current = exception; current is not null; current = current.InnerException)
        {
            switch (current)
            {
                case PostgresException { SqlState: PostgresErrorCodes.UniqueViolation }:
                    return false;
                case PostgresException postgres when postgres.SqlState.StartsWith("22", StringComparison.Ordinal)
                    || postgres.SqlState.StartsWith("23", StringComparison.Ordinal) || postgres.SqlState.StartsWith("54", StringComparison.Ordinal):
                    return true;
                case System.Text.EncoderFallbackException:
                case ModuleFailedException:
                    return true;
            }
        }

        return false;
    }

    /// <summary>What to tell the caller of a request that failed for <see cref="Caused"/>.</summary>
    public static string Describe(Exception exception)
    {
        for (var current = exception; current is not null; current = current.InnerException)
        {
            if (current is PostgresException postgres)
            {
                return $"The database refused a value in this request ({postgres.SqlState}: {postgres.MessageText}). Nothing of it was applied.";
            }
        }

        return "A value in this request cannot be stored as text. Nothing of it was applied.";
    }
}
