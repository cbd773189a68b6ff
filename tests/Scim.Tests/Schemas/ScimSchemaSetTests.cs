using System.Net;
using ScimGateway.Scim.Errors;
using ScimGateway.Scim.Schemas;

namespace ScimGateway.Scim.Tests.Schemas;

public class ScimSchemaSetTests
{
    [Theory]
    [InlineData("USERNAME", null, "userName", null)]
    [InlineData("Emails.Value", null, "emails", "value")]
    [InlineData("urn:ietf:params:scim:schemas:core:2.0:User:name.GIVENNAME", null, "name", "givenName")]
    [InlineData("urn:ietf:params:scim:schemas:extension:enterprise:2.0:user:Manager.$ref", ScimUrns.EnterpriseUser, "manager", "$ref")]
    [InlineData("employeeNumber", ScimUrns.EnterpriseUser, "employeeNumber", null)]
    [InlineData("META.lastmodified", null, "meta", "lastModified")]
    public void Resolve_CaseInsensitive_ReturnsCanonicalPath(string text, string? urn, string name, string? sub)
    {
        Assert.Equal(new AttributePath(urn, name, sub), ScimSchemaSet.User.Resolve(text)!.CanonicalPath);
    }

    [Theory]
    [InlineData("nope")]
    [InlineData("name.nope")]
    [InlineData("urn:ietf:params:scim:schemas:core:2.0:Group:userName")]
    [InlineData("1abc")]
    public void Resolve_Unknown_ReturnsNull(string text)
    {
        Assert.Null(ScimSchemaSet.User.Resolve(text));
    }

    [Fact]
    public void UserSchema_Characteristics_FollowRfc7643()
    {
        var id = ScimSchemaSet.User.Resolve("id")!.Attribute;
        Assert.Equal(ScimReturned.Always, id.Returned);
        Assert.Equal(ScimMutability.ReadOnly, id.Mutability);
        Assert.True(id.CaseExact);
        Assert.False(ScimSchemaSet.User.Resolve("userName")!.Attribute.CaseExact);
        Assert.Equal(ScimUniqueness.Server, ScimSchemaSet.User.Resolve("userName")!.Attribute.Uniqueness);
        Assert.True(ScimSchemaSet.User.Resolve("emails")!.Attribute.MultiValued);
        Assert.Equal(ScimAttributeType.Binary, ScimSchemaSet.User.Resolve("x509Certificates.value")!.Leaf.Type);
        Assert.True(ScimSchemaSet.Group.IsGroup);
        Assert.False(ScimSchemaSet.User.IsGroup);
    }

    [Fact]
    public void ScimError_ToJson_HasStringStatusAndScimType()
    {
        var json = new ScimException(HttpStatusCode.Conflict, ScimType.Uniqueness, "userName taken").Error.ToJson();
        Assert.Equal("409", json["status"]!.GetValue<string>());
        Assert.Equal("uniqueness", json["scimType"]!.GetValue<string>());
        Assert.Equal("userName taken", json["detail"]!.GetValue<string>());
        Assert.Equal(ScimUrns.Error, json["schemas"]![0]!.GetValue<string>());
    }
}
