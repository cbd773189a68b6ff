using Xunit.Abstractions;
using Xunit.Sdk;

namespace ScimGateway.Gateway.Tests.Contracts;

/// <summary>
/// A fact of a contract suite. It runs like <see cref="FactAttribute"/> in every subclass, except in a subclass marked
/// <see cref="IPostgreSqlContract"/> when there is no PostgreSQL server and not in CI: there it is skipped, as
/// <c>[PostgreSqlFact]</c> would be (the attribute sits on the shared base, so the class decides).
/// </summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false)]
[XunitTestCaseDiscoverer("ScimGateway.Gateway.Tests.Contracts.ContractFactDiscoverer", "ScimGateway.Gateway.Tests")]
public sealed class ContractFactAttribute : FactAttribute;

/// <summary>Marks a contract subclass that runs on PostgreSQL.</summary>
public interface IPostgreSqlContract;

/// <summary>Discovers <see cref="ContractFactAttribute"/> facts, skipping PostgreSQL subclasses without a server.</summary>
public sealed class ContractFactDiscoverer(IMessageSink diagnosticMessageSink) : IXunitTestCaseDiscoverer
{
    /// <inheritdoc />
    public IEnumerable<IXunitTestCase> Discover(ITestFrameworkDiscoveryOptions discoveryOptions, ITestMethod testMethod, IAttributeInfo factAttribute)
    {
        ArgumentNullException.ThrowIfNull(testMethod);
        var onPostgreSql = testMethod.TestClass.Class.Interfaces.Any(i => i.Name == typeof(IPostgreSqlContract).FullName);
        var display = discoveryOptions.MethodDisplayOrDefault();
        var displayOptions = discoveryOptions.MethodDisplayOptionsOrDefault();
        yield return onPostgreSql && TestSupport.PostgreSql.PostgreSqlTestServer.ShouldSkip
            ? new SkippedContractTestCase(diagnosticMessageSink, display, displayOptions, testMethod)
            : new XunitTestCase(diagnosticMessageSink, display, displayOptions, testMethod);
    }
}

/// <summary>A contract fact skipped for want of a PostgreSQL server.</summary>
public sealed class SkippedContractTestCase : XunitTestCase
{
    /// <summary>For deserialization only.</summary>
    [Obsolete("Called by the de-serializer; should only be called by deriving classes for de-serialization purposes")]
    public SkippedContractTestCase()
    {
    }

    /// <summary>Creates the skipped case.</summary>
    public SkippedContractTestCase(IMessageSink sink, TestMethodDisplay display, TestMethodDisplayOptions options, ITestMethod method)
        : base(sink, display, options, method)
    {
    }

    /// <inheritdoc />
    protected override string GetSkipReason(IAttributeInfo factAttribute) => TestSupport.PostgreSql.PostgreSqlTestServer.SkipReason;
}
