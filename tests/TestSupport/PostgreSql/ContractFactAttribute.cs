using Xunit;
using Xunit.Abstractions;
using Xunit.Sdk;

namespace ScimGateway.TestSupport.PostgreSql;

/// <summary>
/// A fact of an abstract store contract suite. It runs like <see cref="FactAttribute"/>, except in a test class marked
/// <see cref="PostgreSqlContractAttribute"/>, where it is skipped as a <see cref="PostgreSqlFactAttribute"/> would be
/// (no server and not in CI): one suite serves every engine, and only the engine that needs a server skips without one.
/// </summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false)]
[XunitTestCaseDiscoverer("ScimGateway.TestSupport.PostgreSql.ContractFactDiscoverer", "ScimGateway.TestSupport")]
public sealed class ContractFactAttribute : FactAttribute;

/// <summary>Marks a contract suite's PostgreSQL subclass: its <see cref="ContractFactAttribute"/> facts need a server.</summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = false)]
public sealed class PostgreSqlContractAttribute : Attribute;

/// <summary>Finds <see cref="ContractFactAttribute"/> facts, skipping those of PostgreSQL suites when there is no server.</summary>
public sealed class ContractFactDiscoverer(IMessageSink diagnosticMessageSink) : FactDiscoverer(diagnosticMessageSink)
{
    private readonly IMessageSink _sink = diagnosticMessageSink;

    /// <inheritdoc />
    public override IEnumerable<IXunitTestCase> Discover(ITestFrameworkDiscoveryOptions discoveryOptions, ITestMethod testMethod, IAttributeInfo factAttribute)
    {
        ArgumentNullException.ThrowIfNull(testMethod);
        if (PostgreSqlTestServer.ShouldSkip && testMethod.TestClass.Class.GetCustomAttributes(typeof(PostgreSqlContractAttribute)).Any())
        {
            return [new XunitSkippedDataRowTestCase(_sink, discoveryOptions.MethodDisplayOrDefault(), discoveryOptions.MethodDisplayOptionsOrDefault(),
                testMethod, PostgreSqlTestServer.SkipReason)];
        }

        return base.Discover(discoveryOptions, testMethod, factAttribute);
    }
}
