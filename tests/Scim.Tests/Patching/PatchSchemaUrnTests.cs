using System.Text.Json.Nodes;
using ScimGateway.Scim.Errors;
using ScimGateway.Scim.Patching;
using ScimGateway.Scim.Schemas;
using static ScimGateway.Scim.Tests.Patching.PatchTestHelpers;

namespace ScimGateway.Scim.Tests.Patching;

/// <summary>Paths that are, or start with, a schema URN (RFC 7644 section 3.10), in every PATCH form.</summary>
public class PatchSchemaUrnTests
{
    private const string Enterprise = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";
    private const string CoreUser = "urn:ietf:params:scim:schemas:core:2.0:User";
    private const string CoreGroup = "urn:ietf:params:scim:schemas:core:2.0:Group";

    private static bool ListsEnterprise(JsonObject resource) =>
        resource["schemas"]!.AsArray().Any(s => s!.GetValue<string>() == Enterprise);

    [Fact]
    public void Remove_WholeExtension_ClearsItAndDropsUrnFromSchemas()
    {
        var result = Patch(Samples.User(), $$"""[{"op":"remove","path":"{{Enterprise}}"}]""").Resource;
        Assert.False(result.ContainsKey(Enterprise));
        Assert.False(ListsEnterprise(result));
        Assert.Equal("bjensen@example.com", result["userName"]!.GetValue<string>());
    }

    [Fact]
    public void Add_WholeExtension_MergesIntoExistingValues()
    {
        var result = Patch(Samples.User(), $$"""[{"op":"add","path":"{{Enterprise}}","value":{"department":"R&D","costCenter":"42"} }]""").Resource;
        var extension = result.Enterprise();
        Assert.Equal("R&D", extension["department"]!.GetValue<string>());
        Assert.Equal("42", extension["costCenter"]!.GetValue<string>());
        Assert.Equal("701984", extension["employeeNumber"]!.GetValue<string>());
    }

    [Fact]
    public void Add_WholeExtensionToUserWithout_ListsUrnInSchemas()
    {
        var user = Samples.User();
        user.Remove(Enterprise);
        user["schemas"] = new JsonArray(CoreUser);
        var result = Patch(user, $$"""[{"op":"add","path":"{{Enterprise}}","value":{"division":"North"} }]""").Resource;
        Assert.Equal("North", result.Enterprise()["division"]!.GetValue<string>());
        Assert.True(ListsEnterprise(result));
    }

    [Fact]
    public void Replace_WholeExtension_ValueBecomesTheExtension()
    {
        var result = Patch(Samples.User(), $$"""[{"op":"replace","path":"{{Enterprise}}","value":{"organization":"Acme"} }]""").Resource;
        var extension = result.Enterprise();
        Assert.Equal("Acme", extension["organization"]!.GetValue<string>());
        Assert.False(extension.ContainsKey("employeeNumber"));
        Assert.False(extension.ContainsKey("manager"));
        Assert.True(ListsEnterprise(result));
    }

    [Fact]
    public void Replace_WholeExtensionWithNull_ClearsIt()
    {
        var result = Patch(Samples.User(), $$"""[{"op":"replace","path":"{{Enterprise}}","value":null}]""").Resource;
        Assert.False(result.ContainsKey(Enterprise));
        Assert.False(ListsEnterprise(result));
    }

    [Fact]
    public void Add_WholeExtensionWithText_400InvalidValue()
    {
        var ex = Assert.Throws<ScimException>(() => Patch(Samples.User(), $$"""[{"op":"add","path":"{{Enterprise}}","value":"x"}]"""));
        Assert.Equal(ScimType.InvalidValue, ex.ScimType);
    }

    [Fact]
    public void Path_UrnInOtherCase_StillNamesTheExtension()
    {
        var result = Patch(Samples.User(), $$"""[{"op":"remove","path":"{{Enterprise.ToUpperInvariant()}}"}]""").Resource;
        Assert.False(result.ContainsKey(Enterprise));
    }

    [Theory]
    [InlineData("add")]
    [InlineData("replace")]
    public void CoreSchemaPath_SetsListedAttributesOnly(string op)
    {
        var result = Patch(Samples.User(), $$"""[{"op":"{{op}}","path":"{{CoreUser}}","value":{"displayName":"B","title":"Chief"} }]""").Resource;
        Assert.Equal("B", result["displayName"]!.GetValue<string>());
        Assert.Equal("Chief", result["title"]!.GetValue<string>());
        Assert.Equal("bjensen@example.com", result["userName"]!.GetValue<string>());
        Assert.True(result.ContainsKey(Enterprise));
    }

    [Fact]
    public void Remove_CoreSchema_400InvalidPath()
    {
        var ex = Assert.Throws<ScimException>(() => Patch(Samples.User(), $$"""[{"op":"remove","path":"{{CoreUser}}"}]"""));
        Assert.Equal(ScimType.InvalidPath, ex.ScimType);
    }

    [Fact]
    public void FullyQualifiedCorePath_Replace_SetsAttribute()
    {
        var result = Patch(Samples.User(), $$"""[{"op":"replace","path":"{{CoreUser}}:displayName","value":"Barb"}]""").Resource;
        Assert.Equal("Barb", result["displayName"]!.GetValue<string>());
    }

    [Fact]
    public void FullyQualifiedCoreSubAttributePath_Add_SetsSubAttribute()
    {
        var result = Patch(Samples.User(), $$"""[{"op":"add","path":"{{CoreUser}}:name.givenName","value":"Barb"}]""").Resource;
        Assert.Equal("Barb", result["name"]!["givenName"]!.GetValue<string>());
        Assert.Equal("Jensen", result["name"]!["familyName"]!.GetValue<string>());
    }

    [Fact]
    public void FullyQualifiedCorePath_Remove_ClearsAttribute()
    {
        var result = Patch(Samples.User(), $$"""[{"op":"remove","path":"{{CoreUser}}:displayName"}]""").Resource;
        Assert.False(result.ContainsKey("displayName"));
    }

    [Theory]
    [InlineData("add")]
    [InlineData("replace")]
    public void QualifiedManagerValue_SetsManager(string op)
    {
        var result = Patch(Samples.User(), $$"""[{"op":"{{op}}","path":"{{Enterprise}}:manager.value","value":"boss-2"}]""").Resource;
        Assert.Equal("boss-2", result.Enterprise()["manager"]!["value"]!.GetValue<string>());
    }

    [Fact]
    public void QualifiedManagerValue_Remove_ClearsManagerValue()
    {
        var result = Patch(Samples.User(), $$"""[{"op":"remove","path":"{{Enterprise}}:manager.value"}]""").Resource;
        Assert.False(result.Enterprise()["manager"]?.AsObject().ContainsKey("value") ?? false);
    }

    [Fact]
    public void Pathless_UrnQualifiedKeys_AreApplied()
    {
        var result = Patch(Samples.User(), $$"""
            [{"op":"replace","value":{"{{CoreUser}}:displayName":"Q","{{Enterprise}}:manager.value":"boss-3","{{Enterprise}}:costCenter":"7"} }]
            """).Resource;
        Assert.Equal("Q", result["displayName"]!.GetValue<string>());
        Assert.Equal("boss-3", result.Enterprise()["manager"]!["value"]!.GetValue<string>());
        Assert.Equal("7", result.Enterprise()["costCenter"]!.GetValue<string>());
    }

    [Fact]
    public void Pathless_SchemaUrnKeys_ApplyTheirAttributes()
    {
        var result = Patch(Samples.User(), $$"""
            [{"op":"add","value":{"{{CoreUser}}":{"nickName":"Babs"},"{{Enterprise}}":{"division":"West"} } }]
            """).Resource;
        Assert.Equal("Babs", result["nickName"]!.GetValue<string>());
        Assert.Equal("West", result.Enterprise()["division"]!.GetValue<string>());
        Assert.Equal("701984", result.Enterprise()["employeeNumber"]!.GetValue<string>());
    }

    [Fact]
    public void ValuePathOnQualifiedAttribute_ReplacesMatchingValue()
    {
        var result = Patch(Samples.User(), $$"""
            [{"op":"replace","path":"{{CoreUser}}:emails[type eq \"work\"].value","value":"new@example.com"}]
            """).Resource;
        var work = result["emails"]!.AsArray().Single(e => e!["type"]!.GetValue<string>() == "work")!;
        Assert.Equal("new@example.com", work["value"]!.GetValue<string>());
    }

    [Fact]
    public void ValuePathOnQualifiedAttribute_RemovesMatchingValue()
    {
        var result = Patch(Samples.User(), $$"""[{"op":"remove","path":"{{CoreUser}}:emails[type eq \"home\"]"}]""").Resource;
        Assert.Single(result["emails"]!.AsArray());
    }

    [Fact]
    public void GroupQualifiedPaths_RenameAndMembers()
    {
        var result = Patch(Samples.Group(), $$"""
            [{"op":"replace","path":"{{CoreGroup}}:displayName","value":"Guides"},
             {"op":"add","path":"{{CoreGroup}}:members","value":[{"value":"u1"},{"value":"u2"}]},
             {"op":"remove","path":"{{CoreGroup}}:members[value eq \"u2\"]"}]
            """, ScimSchemaSet.Group);
        Assert.Equal("Guides", result.Resource["displayName"]!.GetValue<string>());
        Assert.Equal(["u1"], result.Members.Added);
        Assert.Equal(["u2"], result.Members.Removed);
    }

    [Fact]
    public void GroupPathless_QualifiedKeys_RenameAndReplaceMembers()
    {
        var result = Patch(Samples.Group(), $$"""
            [{"op":"replace","value":{"{{CoreGroup}}:displayName":"Guides","{{CoreGroup}}:members":[{"value":"u9"}]} }]
            """, ScimSchemaSet.Group);
        Assert.Equal("Guides", result.Resource["displayName"]!.GetValue<string>());
        Assert.True(result.Members.ReplaceAll);
        Assert.Equal(["u9"], result.Members.Added);
    }

    [Fact]
    public void StrictRfc_WholeExtensionPath_StillApplies()
    {
        var result = Patch(Samples.User(), $$"""[{"op":"remove","path":"{{Enterprise}}"}]""", options: PatchOptions.Strict).Resource;
        Assert.False(result.ContainsKey(Enterprise));
    }
}
