using System.Reflection;
using Microsoft.Extensions.Logging;

namespace ScimGateway.Gateway.Tests.Architecture;

/// <summary>
/// Operators alert on logging event ids, so an id must name exactly one message across the whole solution, and every
/// module logs inside its own range (STYLE.md: event ids grouped per module).
/// </summary>
public sealed class LoggingEventIdTests
{
    private const BindingFlags AllDeclared =
        BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static | BindingFlags.Instance | BindingFlags.DeclaredOnly;

    // The ranges each module owns. Gateway keeps 6000-8999 that its newer code (edge, hosting, metrics, sign-in,
    // CLI sign-in) already used.
    private static readonly Dictionary<string, (int From, int To)[]> Ranges = new()
    {
        ["Tokens"] = [(1000, 1999)],
        ["Gateway"] = [(2000, 2999), (6000, 8999)],
        ["Jobs"] = [(3000, 3099)],
        ["Scim"] = [(3100, 3299)],
    };

    [Fact]
    public void EveryProductAssembly_LogsThroughLoggerMessage()
    {
        // Guards the other rules here against passing vacuously (an assembly not found, the attribute not retained).
        foreach (var assembly in ProductAssemblies.All)
        {
            Assert.True(LoggerMessages(assembly).Any(), $"{ProductAssemblies.ModuleOf(assembly)} has no [LoggerMessage] method.");
        }
    }

    [Fact]
    public void EveryLoggerMessage_HasAnExplicitEventId()
    {
        // With EventId left at 0 the source generator derives an id from the method name, which nobody reserved.
        var unset = AllLoggerMessages().Where(m => m.EventId == 0).Select(m => m.Name).ToList();

        Assert.True(unset.Count == 0, "[LoggerMessage] without an EventId: " + string.Join(", ", unset));
    }

    [Fact]
    public void NoTwoLoggerMessages_ShareAnEventId()
    {
        var duplicates = AllLoggerMessages()
            .Where(m => m.EventId != 0)
            .GroupBy(m => m.EventId)
            .Where(g => g.Count() > 1)
            .Select(g => $"{g.Key}: {string.Join(", ", g.Select(m => m.Name))}")
            .ToList();

        Assert.True(duplicates.Count == 0, "Event ids used more than once: " + string.Join("; ", duplicates));
    }

    [Fact]
    public void EachModule_LogsOnlyInsideItsOwnEventIdRange()
    {
        var outside = AllLoggerMessages()
            .Where(m => !Ranges[m.Module].Any(r => m.EventId >= r.From && m.EventId <= r.To))
            .Select(m => $"{m.EventId} {m.Name} ({m.Module})")
            .ToList();

        Assert.True(outside.Count == 0, "Event ids outside their module's range: " + string.Join(", ", outside));
    }

    private static IEnumerable<LoggerMessageSite> AllLoggerMessages() => ProductAssemblies.All.SelectMany(LoggerMessages);

    private static IEnumerable<LoggerMessageSite> LoggerMessages(Assembly assembly) =>
        from type in assembly.GetTypes()
        from method in type.GetMethods(AllDeclared)
        let attribute = method.GetCustomAttribute<LoggerMessageAttribute>()
        where attribute is not null
        select new LoggerMessageSite(ProductAssemblies.ModuleOf(assembly), $"{type.FullName}.{method.Name}", attribute.EventId);

    private sealed record LoggerMessageSite(string Module, string Name, int EventId);
}
