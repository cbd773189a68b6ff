using System.Text.Json.Nodes;
using ScimGateway.Scim.Errors;
using ScimGateway.Scim.Filtering;
using ScimGateway.Scim.Schemas;

namespace ScimGateway.Scim.Tests.Filtering;

public class FilterEvaluatorTests
{
    private static bool UserMatches(string filter) =>
        FilterEvaluator.Matches(FilterParser.Parse(filter, ScimSchemaSet.User), Samples.User(), ScimSchemaSet.User);

    [Theory]
    // strings, caseExact false (userName)
    [InlineData("userName eq \"BJENSEN@example.com\"", true)]
    [InlineData("userName eq \"other\"", false)]
    [InlineData("userName ne \"other\"", true)]
    [InlineData("userName ne \"bjensen@EXAMPLE.com\"", false)]
    [InlineData("userName co \"JENSEN\"", true)]
    [InlineData("userName co \"smith\"", false)]
    [InlineData("userName sw \"BJ\"", true)]
    [InlineData("userName sw \"jensen\"", false)]
    [InlineData("userName ew \".COM\"", true)]
    [InlineData("userName ew \".org\"", false)]
    [InlineData("userName gt \"a\"", true)]
    [InlineData("userName gt \"c\"", false)]
    [InlineData("userName ge \"BJENSEN@example.com\"", true)]
    [InlineData("userName lt \"c\"", true)]
    [InlineData("userName lt \"a\"", false)]
    [InlineData("userName le \"bjensen@example.com\"", true)]
    // strings, caseExact true (externalId, id)
    [InlineData("externalId eq \"Ext-42\"", true)]
    [InlineData("externalId eq \"ext-42\"", false)]
    [InlineData("externalId co \"xt\"", true)]
    [InlineData("externalId sw \"ext\"", false)]
    // booleans
    [InlineData("active eq true", true)]
    [InlineData("active eq false", false)]
    [InlineData("active ne false", true)]
    [InlineData("active ne true", false)]
    [InlineData("active eq \"True\"", true)]
    // dateTime
    [InlineData("meta.lastModified gt \"2026-05-01T00:00:00Z\"", true)]
    [InlineData("meta.lastModified gt \"2026-06-01T00:00:00Z\"", false)]
    [InlineData("meta.lastModified ge \"2026-05-13T04:42:34Z\"", true)]
    [InlineData("meta.lastModified lt \"2026-05-13T06:42:34+02:00\"", false)]
    [InlineData("meta.lastModified le \"2026-05-13T06:42:34+02:00\"", true)]
    [InlineData("meta.created eq \"2026-01-23T05:56:22+01:00\"", true)]
    [InlineData("meta.created ne \"2026-01-23T04:56:22Z\"", false)]
    [InlineData("meta.created lt \"2026-01-24T00:00:00Z\"", true)]
    [InlineData("meta.created sw \"2026-01\"", true)]
    // complex, multi-valued: any value matches
    [InlineData("emails.value eq \"babs@jensen.org\"", true)]
    [InlineData("emails.value ew \"@jensen.org\"", true)]
    [InlineData("emails.value eq \"nobody@x\"", false)]
    [InlineData("emails.type eq \"home\"", true)]
    [InlineData("emails eq \"BJENSEN@example.com\"", true)]
    [InlineData("emails.primary eq true", true)]
    [InlineData("name.givenName eq \"barbara\"", true)]
    [InlineData("name.familyName sw \"x\"", false)]
    // presence
    [InlineData("title pr", false)]
    [InlineData("userName pr", true)]
    [InlineData("emails pr", true)]
    [InlineData("name pr", true)]
    [InlineData("phoneNumbers pr", false)]
    [InlineData("title eq null", true)]
    [InlineData("userName ne null", true)]
    // Entra manager check
    [InlineData("id eq \"2819c223-7f76-453a-919d-413861904646\" and manager eq \"26118915-6090-4610-87e4-49d8ca9f808d\"", true)]
    [InlineData("id eq 2819c223-7f76-453a-919d-413861904646 and manager eq 26118915-6090-4610-87e4-49d8ca9f808d", true)]
    [InlineData("manager eq \"someone-else\"", false)]
    [InlineData("urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:employeeNumber eq \"701984\"", true)]
    [InlineData("urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:manager.displayName co \"smith\"", true)]
    // value paths
    [InlineData("emails[type eq \"work\"].value eq \"bjensen@example.com\"", true)]
    [InlineData("emails[type eq \"work\"].value eq \"babs@jensen.org\"", false)]
    [InlineData("emails[type eq \"home\" and value ew \"jensen.org\"]", true)]
    [InlineData("emails[type eq \"work\" or type eq \"other\"]", true)]
    [InlineData("emails[not (type eq \"work\")]", true)]
    [InlineData("emails[type eq \"other\"]", false)]
    [InlineData("name[givenName eq \"Barbara\"]", true)]
    // logic
    [InlineData("userName eq \"x\" or active eq true", true)]
    [InlineData("userName eq \"x\" or active eq true and title pr", false)]
    [InlineData("(userName eq \"x\" or active eq true) and not (title pr)", true)]
    [InlineData("not (userName pr)", false)]
    public void Matches_OperatorMatrix(string filter, bool expected)
    {
        Assert.Equal(expected, UserMatches(filter));
    }

    [Fact]
    public void Matches_NumberAttribute_ComparesNumerically()
    {
        var integer = new ScimAttribute { Name = "level", Type = ScimAttributeType.Integer };
        var schema = new ScimSchemaSet("Thing", "/Things", new ScimSchema("urn:example:Thing", "Thing", "", [integer]), []);
        var resource = new JsonObject { ["level"] = 10 };
        bool M(string f) => FilterEvaluator.Matches(FilterParser.Parse(f, schema), resource, schema);

        Assert.True(M("level eq 10"));
        Assert.True(M("level eq 10.0"));
        Assert.True(M("level gt 9"));
        Assert.False(M("level gt 10"));
        Assert.True(M("level ge 10"));
        Assert.True(M("level lt 1e2"));
        Assert.False(M("level le -1"));
        Assert.True(M("level ne 11"));
        Assert.True(M("level eq \"10\""));
    }

    [Fact]
    public void Matches_GroupMembers_ComparesMemberValues()
    {
        var group = Samples.Group();
        group["members"] = new JsonArray(new JsonObject { ["value"] = "u1" }, new JsonObject { ["value"] = "u2" });
        Assert.True(FilterEvaluator.Matches(FilterParser.Parse("members eq \"u2\"", ScimSchemaSet.Group), group, ScimSchemaSet.Group));
        Assert.True(FilterEvaluator.Matches(FilterParser.Parse("members.value eq \"u1\"", ScimSchemaSet.Group), group, ScimSchemaSet.Group));
        Assert.False(FilterEvaluator.Matches(FilterParser.Parse("members.value eq \"U1\"", ScimSchemaSet.Group), group, ScimSchemaSet.Group));
    }

    [Fact]
    public void Matches_UserGroupsValue_ComparesGroupIds()
    {
        var user = Samples.User();
        user["groups"] = new JsonArray(new JsonObject { ["value"] = "g1", ["display"] = "Admins" });
        Assert.True(FilterEvaluator.Matches(FilterParser.Parse("groups.value eq \"g1\"", ScimSchemaSet.User), user, ScimSchemaSet.User));
        Assert.False(FilterEvaluator.Matches(FilterParser.Parse("groups.value eq \"g2\"", ScimSchemaSet.User), user, ScimSchemaSet.User));
    }

    [Fact]
    public void Matches_EmptyStringAndEmptyArray_AreNotPresent()
    {
        var user = Samples.User();
        user["title"] = "";
        user["phoneNumbers"] = new JsonArray();
        user["nickName"] = null;
        Assert.False(FilterEvaluator.Matches(FilterParser.Parse("title pr or phoneNumbers pr or nickName pr", ScimSchemaSet.User), user, ScimSchemaSet.User));
    }

    [Fact]
    public void Matches_UnboundOrderingOnBoolean_ThrowsInvalidFilter()
    {
        var ex = Assert.Throws<ScimException>(() => FilterEvaluator.Matches(FilterParser.Parse("active gt true"), Samples.User(), ScimSchemaSet.User));
        Assert.Equal(ScimType.InvalidFilter, ex.ScimType);
    }

    [Fact]
    public void Matches_UnboundUnknownAttribute_ThrowsInvalidFilter()
    {
        var ex = Assert.Throws<ScimException>(() => FilterEvaluator.Matches(FilterParser.Parse("nope eq 1"), Samples.User(), ScimSchemaSet.User));
        Assert.Equal(ScimType.InvalidFilter, ex.ScimType);
    }
}
