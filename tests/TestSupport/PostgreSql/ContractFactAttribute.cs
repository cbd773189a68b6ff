using Xunit;
using Xunit.Abstractions;
using Xunit.Sdk;

namespace ScimGateway.TestSupport.PostgreSql;

/// <summary>
/// A contract test: a fact of every engine's subclass, skipped (as <c>[PostgreSqlFact]</c> is) in a subclass marked
/// <see cref="PostgreSqlContractAttribute"/> when no test server is configured and not in CI. Plain <c>[Fact]</c> cannot
/// do that: the attribute sits on the shared abstract method, so only discovery knows the engine.
/// </summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false)]
[XunitTestCaseDiscoverer("ScimGateway.TestSupport.PostgreSql.ContractFactDiscoverer", "ScimGateway.TestSupport")]
public sealed class ContractFactAttribute : FactAttribute
{
}

/// <summary>A contract theory; skipped like <see cref="ContractFactAttribute"/>.</summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false)]
[XunitTestCaseDiscoverer("ScimGateway.TestSupport.PostgreSql.ContractTheoryDiscoverer", "ScimGateway.TestSupport")]
public sealed class ContractTheoryAttribute : TheoryAttribute
{
}

/// <summary>Marks a contract suite's PostgreSQL subclass: its contract tests need the test server.</summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = false)]
public sealed class PostgreSqlContractAttribute : Attribute
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
        testMethod.TestClass.Class.GetCustomAttributes(typeof(PostgreSqlContractAttribute)).Any() && PostgreSqlTestServer.ShouldSkip
            ? [new XunitSkippedDataRowTestCase(sink, options.MethodDisplayOrDefault(), options.MethodDisplayOptionsOrDefault(), testMethod,
                PostgreSqlTestServer.SkipReason)]
            : null;
}
