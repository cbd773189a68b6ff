using System.Text.Json.Nodes;
using ScimGateway.Scim.Projection;
using ScimGateway.Scim.Schemas;

namespace ScimGateway.Scim.Tests.Projection;

public class AttributeProjectionTests
{
    private static JsonObject UserWithPassword()
    {
        var user = Samples.User();
        user["password"] = "s3cret";
        return user;
    }

    private static JsonObject Project(string? attributes, string? excluded, JsonObject? resource = null) =>
        AttributeProjection.Parse(attributes, excluded, ScimSchemaSet.User).Apply(resource ?? UserWithPassword());

    [Fact]
    public void Apply_Default_DropsPasswordKeepsEverythingElse()
    {
        var result = Project(null, null);
        Assert.False(result.ContainsKey("password"));
        Assert.Equal(Samples.User().Count, result.Count);
    }

    [Fact]
    public void Apply_AttributesList_ReturnsThoseIdAndSchemas()
    {
        var result = Project("USERNAME, name.givenName", null);
        Assert.Equal(["schemas", "id", "userName", "name"], result.Select(p => p.Key));
        Assert.Equal(["givenName"], result["name"]!.AsObject().Select(p => p.Key));
    }

    [Fact]
    public void Apply_EntraAttributesId_ReturnsOnlyIdAndSchemas()
    {
        Assert.Equal(["schemas", "id"], Project("id", null).Select(p => p.Key));
    }

    [Fact]
    public void Apply_RequestingPassword_StillNeverReturnsIt()
    {
        Assert.False(Project("password", null).ContainsKey("password"));
    }

    [Fact]
    public void Apply_UrnQualifiedSubAttribute_ProjectsExtension()
    {
        var result = Project("urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:manager.value", null);
        var extension = result[ScimUrns.EnterpriseUser]!.AsObject();
        Assert.Equal(["manager"], extension.Select(p => p.Key));
        Assert.Equal(["value"], extension["manager"]!.AsObject().Select(p => p.Key));
    }

    [Fact]
    public void Apply_WholeExtensionUrn_ReturnsExtension()
    {
        var result = Project(ScimUrns.EnterpriseUser, null);
        Assert.Equal(2, result[ScimUrns.EnterpriseUser]!.AsObject().Count);
        Assert.False(result.ContainsKey("userName"));
    }

    [Fact]
    public void Apply_MultiValuedSubAttribute_KeepsThatSubAttributeOfEachValue()
    {
        var emails = Project("emails.value", null)["emails"]!.AsArray();
        Assert.Equal(2, emails.Count);
        Assert.All(emails, e => Assert.Equal(["value"], e!.AsObject().Select(p => p.Key)));
    }

    [Fact]
    public void Apply_Excluded_DropsThoseButNeverId()
    {
        var result = Project(null, "emails,id,name.familyName,meta");
        Assert.False(result.ContainsKey("emails"));
        Assert.False(result.ContainsKey("meta"));
        Assert.True(result.ContainsKey("id"));
        Assert.Equal(["givenName"], result["name"]!.AsObject().Select(p => p.Key));
    }

    [Fact]
    public void Includes_EntraExcludedMembers_TellsStoreToSkipMembers()
    {
        var projection = AttributeProjection.Parse(null, "members", ScimSchemaSet.Group);
        Assert.False(projection.Includes("members"));
        Assert.True(projection.Includes("displayName"));
        Assert.True(AttributeProjection.Parse("displayName", null, ScimSchemaSet.Group).Includes("id"));
        Assert.False(AttributeProjection.Parse("displayName", null, ScimSchemaSet.Group).Includes("members"));
    }
}
