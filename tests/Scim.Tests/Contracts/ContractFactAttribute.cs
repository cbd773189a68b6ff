using Xunit.Abstractions;
using Xunit.Sdk;

namespace ScimGateway.Scim.Tests.Contracts;

/// <summary>
/// A contract test: a fact of every engine's subclass, skipped (as <c>[PostgreSqlFact]</c> is) in a subclass marked
/// <see cref="NeedsPostgreSqlAttribute"/> when no test server is configured and not in CI. Plain <c>[Fact]</c> cannot
/// do that: the attribute sits on the shared abstract method, so only discovery knows the engine.
/// </summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false)]
[XunitTestCaseDiscoverer("ScimGateway.Scim.Tests.Contracts.ContractFactDiscoverer", "ScimGateway.Scim.Tests")]
public sealed class ContractFactAttribute : FactAttribute
{
}

/// <summary>A contract theory; skipped like <see cref="ContractFactAttribute"/>.</summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false)]
[XunitTestCaseDiscoverer("ScimGateway.Scim.Tests.Contracts.ContractTheoryDiscoverer", "ScimGateway.Scim.Tests")]
public sealed class ContractTheoryAttribute : TheoryAttribute
{
}

/// <summary>Marks a contract subclass that runs on the PostgreSQL test server.</summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = false)]
public sealed class NeedsPostgreSqlAttribute : Attribute
{
}

/// <summary>Discovers <see cref="ContractFactAttribute"/> tests.</summary>
public sealed class ContractFactDiscoverer(IMessageSink diagnosticMessageSink) : FactDiscoverer(diagnosticMessageSink)
{
    /// <inheritdoc />
    public override IEnumerable<IXunitTestCase> Discover(ITestFrameworkDiscoveryOptions discoveryOptions, ITestMethod testMethod, IAttributeInfo factAttribute) =>
        ContractSkip.Skipped(DiagnosticMessageSink, discoveryOptions, testMethod) ?? base.Discover(discoveryOptions, testMethod, factAttribute);
}

/// <summary>Discovers <see cref="ContractTheoryAttribute"/> tests.</summary>
public sealed class ContractTheoryDiscoverer(IMessageSink diagnosticMessageSink) : TheoryDiscoverer(diagnosticMessageSink)
{
    /// <inheritdoc />
    public override IEnumerable<IXunitTestCase> Discover(ITestFrameworkDiscoveryOptions discoveryOptions, ITestMethod testMethod, IAttributeInfo theoryAttribute) =>
        ContractSkip.Skipped(DiagnosticMessageSink, discoveryOptions, testMethod) ?? base.Discover(discoveryOptions, testMethod, theoryAttribute);
}

/// <summary>The skipped test case of a PostgreSQL subclass without a server, else null.</summary>
internal static class ContractSkip
{
    public static IEnumerable<IXunitTestCase>? Skipped(IMessageSink sink, ITestFrameworkDiscoveryOptions options, ITestMethod testMethod) =>
        testMethod.TestClass.Class.GetCustomAttributes(typeof(NeedsPostgreSqlAttribute)).Any() && TestSupport.PostgreSql.PostgreSqlTestServer.ShouldSkip
            ? [new XunitSkippedDataRowTestCase(sink, options.MethodDisplayOrDefault(), options.MethodDisplayOptionsOrDefault(), testMethod,
                TestSupport.PostgreSql.PostgreSqlTestServer.SkipReason)]
            : null;
}
