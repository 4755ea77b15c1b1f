namespace EPoomasi.Gateway.Tests;

/// <summary>The repository the tests were built from, for tests that read its files (the contract, the docs).</summary>
internal static class Repository
{
    public static string Root { get; } = Find();

    private static string Find()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "EPoomasi.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("EPoomasi.sln not found above the test's folder.");
    }
}
