using ScimGateway.Tokens.ServiceUsers;

namespace ScimGateway.Tokens.Tests;

public sealed class ServiceUserIdsTests
{
    [Theory]
    [InlineData("CI Bot", "ci_bot@service")]
    [InlineData("  Data Pipeline  ", "data_pipeline@service")]
    [InlineData("dbt-runner_2", "dbt-runner_2@service")]
    [InlineData("Ünïcode & Co.", "ncode__co@service")]
    public void FromName_FollowsQualytics(string name, string expected) => Assert.Equal(expected, ServiceUserIds.FromName(name));

    [Theory]
    [InlineData("!!!")]
    [InlineData("   ")]
    public void FromName_NothingUsable_IsNull(string name) => Assert.Null(ServiceUserIds.FromName(name));
}
