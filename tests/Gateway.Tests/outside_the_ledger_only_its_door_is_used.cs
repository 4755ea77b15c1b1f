using System.Reflection;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using EPoomasi.Ledger;

namespace EPoomasi.Gateway.Tests;

/// <summary>
/// The ledger has one door, <see cref="LedgerModule"/>. Everything outside the ledger (the gateway, the
/// CLI, and the modules to come) may use what that door exports — the types its public members take and
/// return, the commands that derive from them, and the ledger's failures — and nothing else of the ledger:
/// not its storage, its writers or its retry policy, and not the database libraries underneath.
/// </summary>
public sealed class outside_the_ledger_only_its_door_is_used
{
    private static readonly string[] DatabaseLibraries = ["Npgsql", "Marten", "Weasel", "JasperFx"];

    public static TheoryData<string> ModulesOutsideTheLedger() => ["EPoomasi.Gateway", "EPoomasi.Community", "EPoomasi.Exchange", "epoomasi"];

    [Theory(Timeout = TestTimeouts.Default)]
    [MemberData(nameof(ModulesOutsideTheLedger))]
    public void no_module_outside_the_ledger_references_the_database_libraries(string module)
    {
        var references = Assembly.LoadFrom(Path.Combine(AppContext.BaseDirectory, module + ".dll")).GetReferencedAssemblies()
            .Select(r => r.Name!)
            .Where(name => DatabaseLibraries.Any(library => name.StartsWith(library, StringComparison.Ordinal)))
            .ToList();

        Assert.Empty(references);
    }

    [Theory(Timeout = TestTimeouts.Default)]
    [MemberData(nameof(ModulesOutsideTheLedger))]
    public void no_module_outside_the_ledger_uses_a_ledger_type_the_door_does_not_export(string module)
    {
        var exported = DoorExports().Select(t => t.FullName!).ToHashSet(StringComparer.Ordinal);

        var used = LedgerTypesUsedBy(Path.Combine(AppContext.BaseDirectory, module + ".dll"));

        Assert.Empty(used.Where(name => !exported.Contains(name)).Order(StringComparer.Ordinal));
    }

    [Fact(Timeout = TestTimeouts.Default)]
    public void the_door_does_not_export_the_ledgers_storage()
    {
        var exported = DoorExports().Select(t => t.Namespace).ToHashSet();

        Assert.DoesNotContain("EPoomasi.Ledger.Storage", exported);
        Assert.DoesNotContain("EPoomasi.Ledger.Writing", exported);
        Assert.Contains(typeof(LedgerUnavailableException), DoorExports());
        // And the scan sees the gateway come in through the door.
        Assert.Contains(typeof(LedgerModule).FullName!, LedgerTypesUsedBy(Path.Combine(AppContext.BaseDirectory, "EPoomasi.Gateway.dll")));
    }

    // What the door's public surface reaches, from LedgerModule outwards, with every public subtype of a type
    // it reaches (a command's kinds) and the ledger's failures.
    private static HashSet<Type> DoorExports()
    {
        var ledger = typeof(LedgerModule).Assembly;
        var publicTypes = ledger.GetExportedTypes();
        var found = new HashSet<Type>();
        var queue = new Queue<Type>();

        void Add(Type type)
        {
            // A generic method's constraints are part of its signature: Register's commands derive from ModuleCommand.
            if (type.IsGenericParameter)
            {
                foreach (var constraint in type.GetGenericParameterConstraints()) Add(constraint);
                return;
            }

            if (type.HasElementType)
            {
                Add(type.GetElementType()!);
                return;
            }

            if (type.IsGenericType && !type.IsGenericTypeDefinition)
            {
                foreach (var argument in type.GetGenericArguments()) Add(argument);
                type = type.GetGenericTypeDefinition();
            }

            if (type.Assembly == ledger && found.Add(type)) queue.Enqueue(type);
        }

        Add(typeof(LedgerModule));
        // The door's vocabulary: the limits it enforces, the scopes a partner app may hold, how modules name their transfers.
        Add(typeof(LedgerLimits));
        Add(typeof(Ledger.Partners.PartnerScopes));
        Add(typeof(Ledger.Modules.DerivedIds));
        foreach (var failure in publicTypes.Where(t => t.Namespace == "EPoomasi.Ledger" && typeof(Exception).IsAssignableFrom(t))) Add(failure);

        while (queue.TryDequeue(out var type))
        {
            if (type.BaseType is { } baseType) Add(baseType);
            foreach (var subtype in publicTypes.Where(t => t.BaseType is { } b && (b == type || (b.IsGenericType && b.GetGenericTypeDefinition() == type)))) Add(subtype);
            foreach (var member in type.GetMembers(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly))
            {
                switch (member)
                {
                    case MethodBase method:
                        if (method is MethodInfo info) Add(info.ReturnType);
                        foreach (var parameter in method.GetParameters()) Add(parameter.ParameterType);
                        break;
                    case PropertyInfo property:
                        Add(property.PropertyType);
                        break;
                    case FieldInfo field:
                        Add(field.FieldType);
                        break;
                    case Type nested:
                        Add(nested);
                        break;
                }
            }
        }

        return found;
    }

    // The full names of the ledger's types that an assembly's metadata refers to (nested types by their outermost type).
    private static HashSet<string> LedgerTypesUsedBy(string path)
    {
        using var stream = File.OpenRead(path);
        using var pe = new PEReader(stream);
        var metadata = pe.GetMetadataReader();
        var used = new HashSet<string>(StringComparer.Ordinal);
        foreach (var handle in metadata.TypeReferences)
        {
            var reference = metadata.GetTypeReference(handle);
            var outermost = reference;
            while (outermost.ResolutionScope.Kind == HandleKind.TypeReference)
            {
                outermost = metadata.GetTypeReference((TypeReferenceHandle)outermost.ResolutionScope);
            }

            if (outermost.ResolutionScope.Kind != HandleKind.AssemblyReference) continue;
            var assembly = metadata.GetAssemblyReference((AssemblyReferenceHandle)outermost.ResolutionScope);
            if (metadata.GetString(assembly.Name) != "EPoomasi.Ledger") continue;
            var name = metadata.GetString(outermost.Name);
            var ns = metadata.GetString(outermost.Namespace);
            used.Add(ns.Length == 0 ? name : $"{ns}.{name}");
        }

        return used;
    }
}
