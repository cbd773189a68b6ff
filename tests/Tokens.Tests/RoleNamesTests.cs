namespace ScimGateway.Tokens.Tests;

public sealed class RoleNamesTests
{
    [Theory]
    [InlineData("admin", Role.Admin)]
    [InlineData(" MANAGER ", Role.Manager)]
    [InlineData("Member", Role.Member)]
    public void TryParse_IsCaseInsensitive(string value, Role expected)
    {
        Assert.True(RoleNames.TryParse(value, out var role));
        Assert.Equal(expected, role);
    }

    [Theory]
    [InlineData("2")]
    [InlineData("King")]
    [InlineData("")]
    [InlineData(null)]
    public void TryParse_RejectsOthers(string? value) => Assert.False(RoleNames.TryParse(value, out _));

    [Fact]
    public void Highest_WinsAndIgnoresUnknown() => Assert.Equal(Role.Manager, RoleNames.Highest(["member", "Manager", "King", null]));
}
