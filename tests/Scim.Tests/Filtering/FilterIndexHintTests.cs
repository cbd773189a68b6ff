using ScimGateway.Scim.Filtering;
using ScimGateway.Scim.Schemas;

namespace ScimGateway.Scim.Tests.Filtering;

public class FilterIndexHintTests
{
    private static FilterIndexHint? Hint(string filter, ScimSchemaSet? schemas = null) =>
        FilterIndexHint.TryExtract(FilterParser.Parse(filter, schemas ?? ScimSchemaSet.User));

    [Fact]
    public void TryExtract_UserNameEq_ReturnsCaseInsensitiveHint()
    {
        Assert.Equal(new FilterIndexHint("userName", "Alice", false), Hint("USERNAME EQ \"Alice\""));
    }

    [Fact]
    public void TryExtract_AndChain_PrefersMostSelective()
    {
        Assert.Equal(new FilterIndexHint("id", "i1", true), Hint("manager eq \"m\" and userName eq \"u\" and id eq \"i1\""));
    }

    [Fact]
    public void TryExtract_EntraWorkEmail_ReturnsEmailsValue()
    {
        Assert.Equal(new FilterIndexHint("emails.value", "a@b.c", false), Hint("emails[type eq \"work\"].value eq \"a@b.c\""));
    }

    [Fact]
    public void TryExtract_GroupMembersEq_ReturnsMembersValue()
    {
        Assert.Equal(new FilterIndexHint("members.value", "u1", true), Hint("members eq \"u1\"", ScimSchemaSet.Group));
        Assert.Equal(new FilterIndexHint("displayName", "G", false), Hint("displayName eq \"G\"", ScimSchemaSet.Group));
    }

    [Theory]
    [InlineData("userName eq \"a\" or externalId eq \"b\"")]
    [InlineData("not (userName eq \"a\")")]
    [InlineData("userName sw \"a\"")]
    [InlineData("title eq \"a\"")]
    [InlineData("externalId eq null")]
    public void TryExtract_NotIndexable_ReturnsNull(string filter)
    {
        Assert.Null(Hint(filter));
    }
}
