using System.Reflection;

namespace ScimGateway.Gateway.Tests.Architecture;

/// <summary>
/// ARCHITECTURE.md: references point one way. Gateway -> {Tokens, Scim, Jobs}; Jobs -> {Tokens}; Tokens and Scim know
/// nothing of each other. Only Jobs references Hangfire; only Gateway references YARP. Checked on the compiled
/// assemblies, which keep a reference only when a type of it is used.
/// </summary>
public sealed class ModuleReferenceTests
{
    public static TheoryData<string, string[]> AllowedModuleReferences => new()
    {
        { "Gateway", ["Tokens", "Scim", "Jobs"] },
        { "Jobs", ["Tokens"] },
        { "Tokens", [] },
        { "Scim", [] },
    };

    [Theory]
    [MemberData(nameof(AllowedModuleReferences))]
    public void EachModule_ReferencesOnlyTheModulesBelowIt(string module, string[] allowed)
    {
        var forbidden = ProductAssemblies.ReferencedModules(ProductAssemblies.Modules[module]).Except(allowed).ToList();

        Assert.True(forbidden.Count == 0, $"{module} references {string.Join(", ", forbidden)}; it may reference only [{string.Join(", ", allowed)}].");
    }

    [Fact]
    public void TokensAndScim_KnowNothingOfEachOther()
    {
        Assert.DoesNotContain("Scim", ProductAssemblies.ReferencedModules(ProductAssemblies.Tokens));
        Assert.DoesNotContain("Tokens", ProductAssemblies.ReferencedModules(ProductAssemblies.Scim));
    }

    [Fact]
    public void OnlyJobs_ReferencesHangfire()
    {
        Assert.Contains(ProductAssemblies.ReferencedAssemblyNames(ProductAssemblies.Jobs), name => name.StartsWith("Hangfire", StringComparison.Ordinal));
        AssertNoOtherModuleReferences(ProductAssemblies.Jobs, "Hangfire");
    }

    [Fact]
    public void OnlyGateway_ReferencesYarp()
    {
        Assert.Contains(ProductAssemblies.ReferencedAssemblyNames(ProductAssemblies.Gateway), name => name.StartsWith("Yarp.", StringComparison.Ordinal));
        AssertNoOtherModuleReferences(ProductAssemblies.Gateway, "Yarp.");
    }

    private static void AssertNoOtherModuleReferences(Assembly owner, string prefix)
    {
        var others = ProductAssemblies.All
            .Where(a => a != owner)
            .SelectMany(a => ProductAssemblies.ReferencedAssemblyNames(a)
                .Where(n => n.StartsWith(prefix, StringComparison.Ordinal))
                .Select(n => $"{ProductAssemblies.ModuleOf(a)} -> {n}"))
            .ToList();

        Assert.True(others.Count == 0, $"Only {ProductAssemblies.ModuleOf(owner)} may reference {prefix}*: " + string.Join(", ", others));
    }
}
