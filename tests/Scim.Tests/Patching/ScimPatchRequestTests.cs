using System.Text.Json.Nodes;
using ScimGateway.Scim.Errors;
using ScimGateway.Scim.Patching;

namespace ScimGateway.Scim.Tests.Patching;

public class ScimPatchRequestTests
{
    [Fact]
    public void Parse_CaseInsensitivePropertyNames_ReadsOperations()
    {
        var body = JsonNode.Parse("""{"SCHEMAS":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],"operations":[{"OP":"Add","Path":"title","VALUE":"x"}]}""");
        var op = Assert.Single(ScimPatchRequest.Parse(body).Operations);
        Assert.Equal(new PatchOperationType[] { PatchOperationType.Add }, [op.Op]);
        Assert.Equal("title", op.Path);
        Assert.Equal("x", op.Value!.GetValue<string>());
    }

    [Theory]
    [InlineData("[]", ScimType.InvalidSyntax)]
    [InlineData("""{"schemas":["urn:other"],"Operations":[]}""", ScimType.InvalidSyntax)]
    [InlineData("""{"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"]}""", ScimType.InvalidSyntax)]
    [InlineData("""{"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],"Operations":[{"op":"move"}]}""", ScimType.InvalidSyntax)]
    [InlineData("""{"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],"Operations":[{"op":"1"}]}""", ScimType.InvalidSyntax)]
    [InlineData("""{"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],"Operations":[{"op":"add","path":5}]}""", ScimType.InvalidPath)]
    public void Parse_MalformedBody_IsRejected(string json, string scimType)
    {
        var ex = Assert.Throws<ScimException>(() => ScimPatchRequest.Parse(JsonNode.Parse(json)));
        Assert.Equal(scimType, ex.ScimType);
    }

    [Fact]
    public void Parse_MissingSchemas_AcceptedLenientlyRejectedStrictly()
    {
        var body = JsonNode.Parse("""{"Operations":[]}""");
        Assert.Empty(ScimPatchRequest.Parse(body).Operations);
        Assert.Throws<ScimException>(() => ScimPatchRequest.Parse(body, PatchOptions.Strict));
    }
}
