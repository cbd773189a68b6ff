using System.Text.Json.Nodes;
using ScimGateway.Scim.Errors;
using ScimGateway.Scim.Patching;
using ScimGateway.Scim.Schemas;
using static ScimGateway.Scim.Tests.Patching.PatchTestHelpers;

namespace ScimGateway.Scim.Tests.Patching;

public class PatchEngineTests
{
    private static ScimException Fails(string ops, PatchOptions? options = null, JsonObject? resource = null) =>
        Assert.Throws<ScimException>(() => Patch(resource ?? Samples.User(), ops, options: options));

    [Fact]
    public void Patch_OktaDeactivateWithoutPath_SetsActiveFalse()
    {
        var result = Patch(Samples.User(), """[{"op":"replace","value":{"active":false}}]""");
        Assert.False(result.Resource["active"]!.GetValue<bool>());
    }

    [Fact]
    public void Patch_EntraCapitalisedOpAndStringBoolean_ConvertsToBoolean()
    {
        var result = Patch(Samples.User(), """[{"op":"Replace","path":"active","value":"False"}]""");
        Assert.False(result.Resource["active"]!.GetValue<bool>());
    }

    [Fact]
    public void Patch_StrictRfc_RejectsCapitalisedOp()
    {
        var ex = Fails("""[{"op":"Replace","path":"active","value":false}]""", PatchOptions.Strict);
        Assert.Equal(ScimType.InvalidSyntax, ex.ScimType);
    }

    [Fact]
    public void Patch_StrictRfc_RejectsStringBoolean()
    {
        var ex = Fails("""[{"op":"replace","path":"active","value":"False"}]""", PatchOptions.Strict);
        Assert.Equal(ScimType.InvalidValue, ex.ScimType);
    }

    [Fact]
    public void Patch_SubAttributePath_SetsGivenNameAndKeepsFamilyName()
    {
        var result = Patch(Samples.User(), """[{"op":"replace","path":"NAME.GIVENNAME","value":"Babs"}]""");
        Assert.Equal("Babs", result.Resource["name"]!["givenName"]!.GetValue<string>());
        Assert.Equal("Jensen", result.Resource["name"]!["familyName"]!.GetValue<string>());
    }

    [Fact]
    public void Patch_PathlessDottedAndUrnKeys_AreApplied()
    {
        var result = Patch(Samples.User(), """
            [{"op":"replace","value":{
                "name.givenName":"Barb",
                "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:employeeNumber":"42",
                "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:department":"R&D",
                "displayName":"B. Jensen"}}]
            """);
        Assert.Equal("Barb", result.Resource["name"]!["givenName"]!.GetValue<string>());
        Assert.Equal("42", result.Resource.Enterprise()["employeeNumber"]!.GetValue<string>());
        Assert.Equal("R&D", result.Resource.Enterprise()["department"]!.GetValue<string>());
        Assert.Equal("B. Jensen", result.Resource["displayName"]!.GetValue<string>());
    }

    [Fact]
    public void Patch_PathlessExtensionObject_MergesIntoExtension()
    {
        var result = Patch(Samples.User(), """[{"op":"add","value":{"urn:ietf:params:scim:schemas:extension:enterprise:2.0:User":{"costCenter":"4130"}}}]""");
        Assert.Equal("4130", result.Resource.Enterprise()["costCenter"]!.GetValue<string>());
        Assert.Equal("701984", result.Resource.Enterprise()["employeeNumber"]!.GetValue<string>());
    }

    [Fact]
    public void Patch_UrnQualifiedEmployeeNumber_SetsExtensionAttribute()
    {
        var user = Samples.User();
        user.Remove(ScimUrns.EnterpriseUser);
        user["schemas"] = new JsonArray(ScimUrns.User);
        var result = Patch(user, """[{"op":"add","path":"urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:employeeNumber","value":"7"}]""");
        Assert.Equal("7", result.Resource.Enterprise()["employeeNumber"]!.GetValue<string>());
        Assert.Contains(ScimUrns.EnterpriseUser, result.Resource["schemas"]!.AsArray().Select(s => s!.GetValue<string>()));
    }

    [Theory]
    [InlineData("""[{"op":"Add","path":"manager","value":[{"$ref":"https://x/Users/m2","value":"m2"}]}]""")]
    [InlineData("""[{"op":"replace","path":"urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:manager","value":{"value":"m2"}}]""")]
    [InlineData("""[{"op":"replace","path":"urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:manager","value":"m2"}]""")]
    [InlineData("""[{"op":"replace","path":"manager.value","value":"m2"}]""")]
    public void Patch_ManagerInEveryShape_SetsManagerValue(string ops)
    {
        var result = Patch(Samples.User(), ops);
        Assert.Equal("m2", result.Resource.Enterprise()["manager"]!["value"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("""[{"op":"Replace","path":"manager","value":null}]""")]
    [InlineData("""[{"op":"Replace","path":"manager","value":""}]""")]
    [InlineData("""[{"op":"Remove","path":"urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:manager"}]""")]
    public void Patch_ManagerNullEmptyOrRemoved_ClearsManager(string ops)
    {
        var result = Patch(Samples.User(), ops);
        Assert.Null(result.Resource.Enterprise()["manager"]);
        Assert.Equal("701984", result.Resource.Enterprise()["employeeNumber"]!.GetValue<string>());
    }

    [Fact]
    public void Patch_EmptyStringAndNull_ClearTheAttribute()
    {
        var result = Patch(Samples.User(), """[{"op":"Replace","path":"displayName","value":""},{"op":"replace","value":{"name.familyName":null}}]""");
        Assert.False(result.Resource.ContainsKey("displayName"));
        Assert.Null(result.Resource["name"]!["familyName"]);
        Assert.Equal("Barbara", result.Resource["name"]!["givenName"]!.GetValue<string>());
    }

    [Fact]
    public void Patch_EntraReplaceWorkEmailValue_UpdatesExistingWorkEmail()
    {
        var result = Patch(Samples.User(), """[{"op":"Replace","path":"emails[type eq \"work\"].value","value":"new@example.com"}]""");
        var emails = result.Resource["emails"]!.AsArray();
        Assert.Equal(2, emails.Count);
        Assert.Equal("new@example.com", emails[0]!["value"]!.GetValue<string>());
        Assert.Equal("babs@jensen.org", emails[1]!["value"]!.GetValue<string>());
    }

    [Fact]
    public void Patch_EntraWorkEmailOnUserWithoutOne_CreatesIt()
    {
        var user = Samples.User();
        user.Remove("emails");
        var result = Patch(user, """[{"op":"Add","path":"emails[type eq \"work\"].value","value":"w@example.com"}]""");
        var email = Assert.Single(result.Resource["emails"]!.AsArray())!.AsObject();
        Assert.Equal("work", email["type"]!.GetValue<string>());
        Assert.Equal("w@example.com", email["value"]!.GetValue<string>());
    }

    [Fact]
    public void Patch_StrictRfcFilterWithoutMatch_IsNoTarget()
    {
        var ex = Fails("""[{"op":"replace","path":"emails[type eq \"other\"].value","value":"o@example.com"}]""", PatchOptions.Strict);
        Assert.Equal(ScimType.NoTarget, ex.ScimType);
    }

    [Fact]
    public void Patch_RemoveByValueFilter_RemovesOnlyMatchingEmail()
    {
        var result = Patch(Samples.User(), """[{"op":"remove","path":"emails[type eq \"home\"]"}]""");
        var email = Assert.Single(result.Resource["emails"]!.AsArray());
        Assert.Equal("work", email!["type"]!.GetValue<string>());
    }

    [Fact]
    public void Patch_RemoveLastMatchingValue_UnassignsAttribute()
    {
        var result = Patch(Samples.User(), """[{"op":"remove","path":"emails[value co \"@\"]"}]""");
        Assert.False(result.Resource.ContainsKey("emails"));
    }

    [Fact]
    public void Patch_RemoveSubAttributeOfFilteredValues_KeepsTheValues()
    {
        var result = Patch(Samples.User(), """[{"op":"remove","path":"emails[type eq \"work\"].primary"}]""");
        Assert.Null(result.Resource["emails"]![0]!["primary"]);
        Assert.Equal(2, result.Resource["emails"]!.AsArray().Count);
    }

    [Fact]
    public void Patch_AddExistingEmailAgain_IsNoOpWithoutDuplicate()
    {
        var result = Patch(Samples.User(), """[{"op":"add","path":"emails","value":[{"value":"BJENSEN@example.com","type":"work"}]}]""");
        Assert.Equal(2, result.Resource["emails"]!.AsArray().Count);
    }

    [Fact]
    public void Patch_AddNewPrimaryEmail_DemotesOldPrimary()
    {
        var result = Patch(Samples.User(), """[{"op":"add","path":"emails","value":[{"value":"n@x.org","type":"other","primary":"True"}]}]""");
        var emails = result.Resource["emails"]!.AsArray();
        Assert.Equal(3, emails.Count);
        Assert.Single(emails, e => e!["primary"]?.GetValue<bool>() == true);
        Assert.True(emails[2]!["primary"]!.GetValue<bool>());
    }

    [Fact]
    public void Patch_ReplaceMultiValued_ReplacesTheSet()
    {
        var result = Patch(Samples.User(), """[{"op":"replace","path":"emails","value":[{"value":"only@x.org"},{"value":"ONLY@x.org"}]}]""");
        var only = Assert.Single(result.Resource["emails"]!.AsArray());
        Assert.Equal("only@x.org", only!["value"]!.GetValue<string>(), ignoreCase: true);
    }

    [Fact]
    public void Patch_EntraRemoveEmailsWithValueList_RemovesOnlyThose()
    {
        var result = Patch(Samples.User(), """[{"op":"Remove","path":"emails","value":[{"value":"babs@jensen.org"}]}]""");
        Assert.Equal("bjensen@example.com", Assert.Single(result.Resource["emails"]!.AsArray())!["value"]!.GetValue<string>());
    }

    [Fact]
    public void Patch_OktaEchoesOwnId_IsIgnored()
    {
        var user = Samples.User();
        var result = Patch(user, """[{"op":"replace","value":{"id":"2819c223-7f76-453a-919d-413861904646","displayName":"New"}}]""");
        Assert.Equal("New", result.Resource["displayName"]!.GetValue<string>());
        Assert.Equal(user["id"]!.GetValue<string>(), result.Resource["id"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("""[{"op":"replace","value":{"id":"other"}}]""")]
    [InlineData("""[{"op":"replace","path":"id","value":"other"}]""")]
    [InlineData("""[{"op":"remove","path":"id"}]""")]
    [InlineData("""[{"op":"add","path":"groups","value":[{"value":"g1"}]}]""")]
    [InlineData("""[{"op":"replace","path":"urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:manager.displayName","value":"x"}]""")]
    public void Patch_ReadOnlyChange_IsMutabilityError(string ops)
    {
        Assert.Equal(ScimType.Mutability, Fails(ops).ScimType);
    }

    [Fact]
    public void Patch_MetaInValue_IsIgnoredLenientlyAndRejectedStrictly()
    {
        const string ops = """[{"op":"replace","value":{"meta":{"version":"x"},"title":"T"}}]""";
        Assert.Equal("T", Patch(Samples.User(), ops).Resource["title"]!.GetValue<string>());
        Assert.Equal(ScimType.Mutability, Fails(ops, PatchOptions.Strict).ScimType);
    }

    [Fact]
    public void Patch_RemoveWithoutPath_IsNoTarget()
    {
        Assert.Equal(ScimType.NoTarget, Fails("""[{"op":"remove"}]""").ScimType);
    }

    [Theory]
    [InlineData("""[{"op":"replace","path":"nope","value":"x"}]""")]
    [InlineData("""[{"op":"replace","path":"name.nope","value":"x"}]""")]
    [InlineData("""[{"op":"replace","path":"emails[type eq \"work\"","value":"x"}]""")]
    [InlineData("""[{"op":"replace","path":"emails[nope eq \"work\"].value","value":"x"}]""")]
    [InlineData("""[{"op":"replace","path":"userName[value eq \"x\"]","value":"x"}]""")]
    [InlineData("""[{"op":"replace","path":"emails[type eq \"work\"].nope","value":"x"}]""")]
    public void Patch_InvalidPath_IsInvalidPath(string ops)
    {
        Assert.Equal(ScimType.InvalidPath, Fails(ops).ScimType);
    }

    [Theory]
    [InlineData("""[{"op":"replace","path":"active","value":"maybe"}]""")]
    [InlineData("""[{"op":"replace","path":"userName","value":{"a":1}}]""")]
    [InlineData("""[{"op":"replace","path":"name","value":[1,2]}]""")]
    [InlineData("""[{"op":"replace","path":"emails","value":[{"value":{"a":1}}]}]""")]
    [InlineData("""[{"op":"replace","path":"name.givenName","value":["a"]}]""")]
    public void Patch_WrongType_IsInvalidValue(string ops)
    {
        Assert.Equal(ScimType.InvalidValue, Fails(ops).ScimType);
    }

    [Fact]
    public void Patch_StrictRfcMetaChange_IsMutability()
    {
        Assert.Equal(ScimType.Mutability, Fails("""[{"op":"replace","path":"meta.created","value":"x"}]""", PatchOptions.Strict).ScimType);
    }

    [Fact]
    public void Patch_BatchWithOneBadOperation_ChangesNothing()
    {
        var user = Samples.User();
        var before = user.ToJsonString();
        Assert.Throws<ScimException>(() => Patch(user, """
            [{"op":"replace","path":"displayName","value":"Changed"},
             {"op":"remove","path":"emails"},
             {"op":"replace","path":"active","value":"maybe"}]
            """));
        Assert.Equal(before, user.ToJsonString());
    }

    [Fact]
    public void Patch_SuccessfulPatch_NeverMutatesInput()
    {
        var user = Samples.User();
        var before = user.ToJsonString();
        var result = Patch(user, """[{"op":"replace","path":"displayName","value":"Changed"}]""");
        Assert.Equal(before, user.ToJsonString());
        Assert.Equal("Changed", result.Resource["displayName"]!.GetValue<string>());
    }

    [Fact]
    public void Patch_EmptyOperations_IsSuccessfulNoOp()
    {
        var user = Samples.User();
        var result = Patch(user, "[]");
        Assert.True(JsonNode.DeepEquals(user, result.Resource));
        Assert.True(result.Members.IsEmpty);
    }

    [Fact]
    public void Patch_UnknownPathlessKey_IgnoredLenientlyRejectedStrictly()
    {
        const string ops = """[{"op":"add","value":{"urn:ietf:params:scim:schemas:extension:Custom:1.0:User:foo":"x","title":"T"}}]""";
        Assert.Equal("T", Patch(Samples.User(), ops).Resource["title"]!.GetValue<string>());
        Assert.Equal(ScimType.InvalidPath, Fails(ops, PatchOptions.Strict).ScimType);
    }

    [Fact]
    public void Patch_AddSingleValueToMultiValued_WrapsLenientlyRejectsStrictly()
    {
        const string ops = """[{"op":"add","path":"phoneNumbers","value":{"value":"+1 555","type":"work"}}]""";
        Assert.Equal("+1 555", Patch(Samples.User(), ops).Resource["phoneNumbers"]![0]!["value"]!.GetValue<string>());
        Assert.Equal(ScimType.InvalidValue, Fails(ops, PatchOptions.Strict).ScimType);
    }

    [Fact]
    public void Patch_ReplaceComplex_MergesSubAttributes()
    {
        var result = Patch(Samples.User(), """[{"op":"replace","path":"name","value":{"GivenName":"B"}}]""");
        Assert.Equal("B", result.Resource["name"]!["givenName"]!.GetValue<string>());
        Assert.Equal("Jensen", result.Resource["name"]!["familyName"]!.GetValue<string>());
    }

    [Fact]
    public void Patch_PasswordIsWritable()
    {
        var result = Patch(Samples.User(), """[{"op":"replace","path":"password","value":"s3cret!"}]""");
        Assert.Equal("s3cret!", result.Resource["password"]!.GetValue<string>());
    }

    [Fact]
    public void Patch_RemoveLastExtensionAttribute_DropsExtensionFromSchemas()
    {
        var result = Patch(Samples.User(), """
            [{"op":"remove","path":"urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:manager"},
             {"op":"remove","path":"urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:employeeNumber"}]
            """);
        Assert.False(result.Resource.ContainsKey(ScimUrns.EnterpriseUser));
        Assert.DoesNotContain(ScimUrns.EnterpriseUser, result.Resource["schemas"]!.AsArray().Select(s => s!.GetValue<string>()));
    }

    [Theory]
    [InlineData("""[{"op":"remove","path":"userName"}]""")]
    [InlineData("""[{"op":"Replace","path":"userName","value":""}]""")]
    public void Patch_UnassignRequiredUserName_IsInvalidValue(string ops)
    {
        Assert.Equal(ScimType.InvalidValue, Fails(ops).ScimType);
    }
}
