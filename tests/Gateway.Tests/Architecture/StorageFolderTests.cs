using System.Text.RegularExpressions;

namespace ScimGateway.Gateway.Tests.Architecture;

/// <summary>
/// Each module keeps its storage engine in one folder, so that a second engine is a second folder: outside it, no
/// source file names LiteDB or one of its types. Read from the sources (comments left out), since a type used only in
/// a signature or a cast would not show in the compiled references.
/// </summary>
public sealed partial class StorageFolderTests
{
    /// <summary>The modules checked, each with the one folder (relative to the repository root) that may use LiteDB.</summary>
    public static TheoryData<string, string> ModulesWithOneStorageFolder => new()
    {
        { "Tokens", "Tokens/Storage/LiteDb" },
        { "Jobs", "Jobs/Storage" },
        { "Scim", "Scim/Storage/LiteDb" },
        { "Gateway", "Gateway/Storage/LiteDb" },
    };

    [Theory]
    [MemberData(nameof(ModulesWithOneStorageFolder))]
    public void LiteDb_IsUsedOnlyInTheModulesStorageFolder(string module, string storageFolder)
    {
        var root = RepositoryRoot();
        var allowed = Path.Combine(root, storageFolder.Replace('/', Path.DirectorySeparatorChar)) + Path.DirectorySeparatorChar;
        var sources = SourceFiles(Path.Combine(root, module)).ToList();
        Assert.NotEmpty(sources);

        var offenders = sources
            .Where(file => !file.StartsWith(allowed, StringComparison.Ordinal))
            .Where(file => LiteDbReference().IsMatch(WithoutComments(File.ReadAllText(file))))
            .Select(file => Path.GetRelativePath(root, file))
            .ToList();

        Assert.True(offenders.Count == 0, $"Only {storageFolder} may use LiteDB; found in: {string.Join(", ", offenders)}");
    }

    [Fact]
    public void TheCheck_FindsLiteDbInCode_AndIgnoresItInComments()
    {
        Assert.Matches(LiteDbReference(), WithoutComments("using LiteDB;"));
        Assert.Matches(LiteDbReference(), WithoutComments("void Open(ILiteDatabase database) { }"));
        Assert.Matches(LiteDbReference(), WithoutComments("catch (LiteDB.LiteException) { }"));
        Assert.DoesNotMatch(LiteDbReference(), WithoutComments("/// <summary>Kept in LiteDB by default.</summary>\n// see LiteDB docs"));
        Assert.DoesNotMatch(LiteDbReference(), WithoutComments("public string? LiteDbFilePath { get; set; }"));
    }

    private static IEnumerable<string> SourceFiles(string moduleDirectory) =>
        Directory.EnumerateFiles(moduleDirectory, "*.cs", SearchOption.AllDirectories)
            .Where(file => !file.Split(Path.DirectorySeparatorChar).Any(part => part is "bin" or "obj"));

    private static string WithoutComments(string source) => LineComment().Replace(source, "");

    private static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "ScimGateway.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException($"No ScimGateway.sln above {AppContext.BaseDirectory}.");
    }

    // The LiteDB namespace, and the LiteDB types a store would use without naming the namespace.
    [GeneratedRegex(@"\bLiteDB\b|\b(ILiteDatabase|LiteDatabase|ILiteCollection|ILiteQueryable|LiteException|BsonDocument|BsonValue|BsonArray|BsonExpression|BsonMapper|BsonId|BsonIgnore|BsonField|BsonRef|ObjectId)\b")]
    private static partial Regex LiteDbReference();

    [GeneratedRegex(@"//.*$", RegexOptions.Multiline)]
    private static partial Regex LineComment();
}
