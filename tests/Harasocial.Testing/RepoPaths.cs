namespace Harasocial.Testing;

/// <summary>Locates the repository from a test's output folder, so tests find node_modules and fixtures.</summary>
public static class RepoPaths
{
    private static readonly Lazy<string> RootPath = new(FindRoot);

    public static string Root => RootPath.Value;

    public static string NodeBin(string tool) => Path.Combine(Root, "node_modules", ".bin", tool);

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Harasocial.Functions.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"No Harasocial.Functions.sln above {AppContext.BaseDirectory}.");
    }
}
