using System.Reflection;

namespace ScimGateway.Gateway.Tests.Architecture;

/// <summary>
/// The four product modules and their assemblies, loaded through one public type of each so the rules see what ships.
/// The Gateway's assembly is named ScimGateway (the executable), the libraries ScimGateway.Tokens/Scim/Jobs.
/// </summary>
internal static class ProductAssemblies
{
    public static Assembly Gateway { get; } = typeof(ScimGateway.Gateway.GatewayServiceCollectionExtensions).Assembly;

    public static Assembly Tokens { get; } = typeof(ScimGateway.Tokens.Role).Assembly;

    public static Assembly Scim { get; } = typeof(ScimGateway.Scim.ScimServiceCollectionExtensions).Assembly;

    public static Assembly Jobs { get; } = typeof(ScimGateway.Jobs.JobsServiceCollectionExtensions).Assembly;

    /// <summary>Module name (the project folder) to its assembly.</summary>
    public static IReadOnlyDictionary<string, Assembly> Modules { get; } = new Dictionary<string, Assembly>
    {
        ["Gateway"] = Gateway,
        ["Tokens"] = Tokens,
        ["Scim"] = Scim,
        ["Jobs"] = Jobs,
    };

    public static IEnumerable<Assembly> All => Modules.Values;

    public static string ModuleOf(Assembly assembly) => Modules.Single(m => m.Value == assembly).Key;

    /// <summary>The product modules an assembly references, by module name.</summary>
    public static List<string> ReferencedModules(Assembly assembly)
    {
        var names = ReferencedAssemblyNames(assembly);
        return Modules.Where(m => names.Contains(m.Value.GetName().Name!)).Select(m => m.Key).ToList();
    }

    public static List<string> ReferencedAssemblyNames(Assembly assembly) =>
        assembly.GetReferencedAssemblies().Select(r => r.Name!).ToList();
}
