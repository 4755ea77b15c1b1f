using EPoomasi.Ledger.Storage;
using Npgsql;

namespace EPoomasi.Ledger.Modules;

/// <summary>Reads module state entities and command outcomes, as <see cref="ModuleTables"/> stores them.</summary>
internal static class ModuleStates
{
    /// <summary>
    /// Every entity among <paramref name="entities"/>, from <paramref name="reader"/>'s rows of kind, key, version and
    /// state; an entity with no row stands at version 0 with no state.
    /// </summary>
    public static async Task<Dictionary<(string Kind, string Key), ModuleWorkingSet.Entity>> ReadAsync(
        NpgsqlDataReader reader, IReadOnlyDictionary<(string Kind, string Key), IModuleKind> entities, CancellationToken cancellationToken)
    {
        var states = entities.ToDictionary(pair => pair.Key, pair => new ModuleWorkingSet.Entity(pair.Value, 0, null, false));
        while (await reader.ReadAsync(cancellationToken))
        {
            var entity = (reader.GetString(0), reader.GetString(1));
            var kind = entities[entity];
            states[entity] = new ModuleWorkingSet.Entity(kind, reader.GetInt64(2), kind.ReadState(reader.GetString(3)), true);
        }

        return states;
    }

    public static async Task<Dictionary<(string Kind, string Key), ModuleWorkingSet.Entity>> ReadAsync(
        NpgsqlCommand command, IReadOnlyDictionary<(string Kind, string Key), IModuleKind> entities, CancellationToken cancellationToken)
    {
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await ReadAsync(reader, entities, cancellationToken);
    }

    /// <summary>Outcomes read by <see cref="ModuleTables.ReadOutcomes"/>, with null for every id among <paramref name="ids"/> without one.</summary>
    public static async Task<Dictionary<Guid, ModuleWorkingSet.PriorOutcome?>> ReadOutcomesAsync(
        NpgsqlDataReader reader, IEnumerable<Guid> ids, CancellationToken cancellationToken)
    {
        var outcomes = ids.Distinct().ToDictionary(id => id, _ => (ModuleWorkingSet.PriorOutcome?)null);
        while (await reader.ReadAsync(cancellationToken))
        {
            outcomes[reader.GetGuid(0)] = new ModuleWorkingSet.PriorOutcome(
                reader.GetString(1), reader.GetString(2), reader.GetString(3), reader.GetString(4),
                reader.GetFieldValue<Guid[]>(5), reader.GetFieldValue<short[]>(6));
        }

        return outcomes;
    }
}
