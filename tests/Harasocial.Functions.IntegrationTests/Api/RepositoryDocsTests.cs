using System.Text.RegularExpressions;
using Harasocial.Testing;

namespace Harasocial.Functions.IntegrationTests.Api;

/// <summary>
/// The repository stands alone (issue 18: the README called a file outside it "the contract"): its documents name no
/// path outside the repository, and every relative link in them leads to a file or folder that exists.
/// </summary>
public sealed partial class RepositoryDocsTests
{
    public static TheoryData<string> Documents() => new(DocumentPaths());

    [Fact]
    public void TheReadmeAndTheApiDocuments_AreAmongThoseChecked()
    {
        var documents = DocumentPaths();
        Assert.Contains("README.md", documents);
        Assert.Contains(Path.Combine("docs", "api.http"), documents);
        Assert.Contains(Path.Combine("src", "Harasocial.Sync", "Channels", "README.md"), documents);
    }

    [Theory]
    [MemberData(nameof(Documents))]
    public void Document_NamesNoPathOutsideTheRepository_AndItsLinksResolve(string document)
    {
        var path = Path.Combine(RepoPaths.Root, document);
        var text = File.ReadAllText(path);

        var outside = Outside().Matches(text).Select(m => m.Value).ToList();
        Assert.True(outside.Count == 0, $"{document} names paths outside the repository: {string.Join(", ", outside)}");

        foreach (Match link in Link().Matches(text))
        {
            var target = link.Groups["target"].Value.Split('#')[0];
            if (target.Length == 0 || target.Contains("://", StringComparison.Ordinal) || target.StartsWith("mailto:", StringComparison.Ordinal))
            {
                continue;
            }

            var resolved = Path.GetFullPath(Path.Combine(Path.GetDirectoryName(path)!, Uri.UnescapeDataString(target)));
            Assert.True(resolved.StartsWith(RepoPaths.Root, StringComparison.Ordinal), $"{document} links outside the repository: {target}");
            Assert.True(File.Exists(resolved) || Directory.Exists(resolved), $"{document} links to {target}, which does not exist");
        }
    }

    private static List<string> DocumentPaths()
    {
        var root = RepoPaths.Root;
        return Directory.EnumerateFiles(root, "*.md", SearchOption.AllDirectories)
            .Concat(Directory.EnumerateFiles(Path.Combine(root, "docs"), "*.http"))
            .Select(f => Path.GetRelativePath(root, f))
            .Where(f => !Excluded(f))
            .Order(StringComparer.Ordinal)
            .ToList();
    }

    private static bool Excluded(string relative) =>
        relative.Split(Path.DirectorySeparatorChar).Any(part => part is "node_modules" or "bin" or "obj" or "artifacts" or ".git" or "TestResults");

    /// <summary>The team's own notes live beside the repository, not in it.</summary>
    [GeneratedRegex(@"(\.\./)+shared/|\bshared/docs/")]
    private static partial Regex Outside();

    /// <summary>A Markdown link or image: <c>[text](target)</c>.</summary>
    [GeneratedRegex(@"\]\((?<target>[^)\s]+)\)")]
    private static partial Regex Link();
}
