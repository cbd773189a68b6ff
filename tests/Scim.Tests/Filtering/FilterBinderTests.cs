using ScimGateway.Scim.Errors;
using ScimGateway.Scim.Filtering;
using ScimGateway.Scim.Schemas;

namespace ScimGateway.Scim.Tests.Filtering;

public class FilterBinderTests
{
    [Fact]
    public void Parse_WithSchema_CanonicalisesNamesAndDropsCoreUrn()
    {
        var tree = FilterParser.Parse("URN:ietf:params:scim:schemas:core:2.0:User:USERNAME eq \"a\"", ScimSchemaSet.User);
        Assert.Equal("userName eq \"a\"", tree.ToString());
    }

    [Fact]
    public void Parse_UnqualifiedManager_BindsToEnterpriseManagerValue()
    {
        var tree = FilterParser.Parse("manager eq \"m1\"", ScimSchemaSet.User);
        var node = Assert.IsType<ComparisonFilter>(tree);
        Assert.Equal(new AttributePath(ScimUrns.EnterpriseUser, "manager", "value"), node.Path);
    }

    [Fact]
    public void Parse_ValuePathInnerNames_AreCanonicalised()
    {
        var tree = FilterParser.Parse("EMAILS[TYPE eq \"work\"].VALUE eq \"x\"", ScimSchemaSet.User);
        Assert.Equal("emails[type eq \"work\" and value eq \"x\"]", tree.ToString());
    }

    [Theory]
    [InlineData("nickname2 eq \"x\"")]
    [InlineData("name.nope eq \"x\"")]
    [InlineData("urn:example:ext:1.0:User:userName eq \"x\"")]
    [InlineData("emails[nope eq \"x\"]")]
    [InlineData("userName[value eq \"x\"]")]
    [InlineData("members eq \"x\"")]
    public void Parse_UnknownAttribute_ThrowsInvalidFilter(string text)
    {
        var ex = Assert.Throws<ScimException>(() => FilterParser.Parse(text, ScimSchemaSet.User));
        Assert.Equal(ScimType.InvalidFilter, ex.ScimType);
        Assert.False(string.IsNullOrWhiteSpace(ex.Detail));
    }

    [Theory]
    [InlineData("active gt true")]
    [InlineData("active co \"t\"")]
    [InlineData("name gt \"x\"")]
    [InlineData("x509Certificates.value lt \"AA==\"")]
    [InlineData("meta.created gt \"not a date\"")]
    [InlineData("userName gt null")]
    public void Parse_OperatorMeaninglessForType_ThrowsInvalidFilter(string text)
    {
        var ex = Assert.Throws<ScimException>(() => FilterParser.Parse(text, ScimSchemaSet.User));
        Assert.Equal(ScimType.InvalidFilter, ex.ScimType);
    }

    [Fact]
    public void Parse_GroupMembersEq_BindsToMembersValue()
    {
        var tree = FilterParser.Parse("members eq \"u1\"", ScimSchemaSet.Group);
        Assert.Equal("members.value eq \"u1\"", tree.ToString());
    }
}
