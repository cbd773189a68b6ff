using System.Text.Json.Nodes;
using ScimGateway.Scim.Discovery;
using ScimGateway.Scim.Schemas;

namespace ScimGateway.Scim.Tests.Discovery;

public class DiscoveryDocumentsTests
{
    private const string Base = "https://gw.example.com/api/scim/v2/";

    [Fact]
    public void ServiceProviderConfig_AdvertisesSupportedFeatures()
    {
        var doc = DiscoveryDocuments.ServiceProviderConfig(Base, new DiscoveryOptions { FilterMaxResults = 100 });
        Assert.Equal(ScimUrns.ServiceProviderConfig, doc["schemas"]![0]!.GetValue<string>());
        Assert.True(doc["patch"]!["supported"]!.GetValue<bool>());
        Assert.True(doc["bulk"]!["supported"]!.GetValue<bool>());
        Assert.Equal(1000, doc["bulk"]!["maxOperations"]!.GetValue<int>());
        Assert.Equal(100, doc["filter"]!["maxResults"]!.GetValue<int>());
        Assert.False(doc["changePassword"]!["supported"]!.GetValue<bool>());
        Assert.True(doc["sort"]!["supported"]!.GetValue<bool>());
        Assert.True(doc["etag"]!["supported"]!.GetValue<bool>());
        Assert.Equal("oauthbearertoken", doc["authenticationSchemes"]![0]!["type"]!.GetValue<string>());
        Assert.Equal("https://gw.example.com/api/scim/v2/ServiceProviderConfig", doc["meta"]!["location"]!.GetValue<string>());
    }

    [Fact]
    public void ResourceType_User_ListsEnterpriseExtension()
    {
        var doc = DiscoveryDocuments.ResourceType(ScimSchemaSet.User, Base);
        Assert.Equal("User", doc["id"]!.GetValue<string>());
        Assert.Equal("/Users", doc["endpoint"]!.GetValue<string>());
        Assert.Equal(ScimUrns.User, doc["schema"]!.GetValue<string>());
        Assert.Equal(ScimUrns.EnterpriseUser, doc["schemaExtensions"]![0]!["schema"]!.GetValue<string>());
        Assert.Equal("https://gw.example.com/api/scim/v2/ResourceTypes/User", doc["meta"]!["location"]!.GetValue<string>());
        Assert.Null(DiscoveryDocuments.ResourceType(ScimSchemaSet.Group, Base)["schemaExtensions"]);
    }

    [Fact]
    public void Schema_User_HasRfcAttributeShapes()
    {
        var doc = DiscoveryDocuments.Schema(UserSchema.Definition, Base);
        var attributes = doc["attributes"]!.AsArray().Select(a => a!.AsObject()).ToDictionary(a => a["name"]!.GetValue<string>());
        Assert.Equal(21, attributes.Count);
        var userName = attributes["userName"];
        Assert.Equal("string", userName["type"]!.GetValue<string>());
        Assert.True(userName["required"]!.GetValue<bool>());
        Assert.False(userName["caseExact"]!.GetValue<bool>());
        Assert.Equal("server", userName["uniqueness"]!.GetValue<string>());
        Assert.Equal("never", attributes["password"]["returned"]!.GetValue<string>());
        Assert.Equal("writeOnly", attributes["password"]["mutability"]!.GetValue<string>());
        Assert.Equal("readOnly", attributes["groups"]["mutability"]!.GetValue<string>());
        var emailType = attributes["emails"]["subAttributes"]!.AsArray().Single(s => s!["name"]!.GetValue<string>() == "type")!;
        Assert.Equal(["work", "home", "other"], emailType["canonicalValues"]!.AsArray().Select(v => v!.GetValue<string>()));
        Assert.Equal("https://gw.example.com/api/scim/v2/Schemas/" + ScimUrns.User, doc["meta"]!["location"]!.GetValue<string>());
    }

    [Fact]
    public void ListResponse_WrapsDocuments()
    {
        var list = DiscoveryDocuments.ListResponse(DiscoveryDocuments.Schemas.Select(s => DiscoveryDocuments.Schema(s, Base)).ToList());
        Assert.Equal(3, list["totalResults"]!.GetValue<int>());
        Assert.Equal(3, list["Resources"]!.AsArray().Count);
        Assert.Equal(ScimUrns.ListResponse, list["schemas"]![0]!.GetValue<string>());
    }
}
