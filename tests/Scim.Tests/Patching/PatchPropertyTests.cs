using System.Text.Json.Nodes;
using CsCheck;
using ScimGateway.Scim.Errors;
using ScimGateway.Scim.Patching;
using ScimGateway.Scim.Schemas;

namespace ScimGateway.Scim.Tests.Patching;

public class PatchPropertyTests
{
    private static readonly Gen<string?> Path = Gen.OneOf<string?>(
        null, "active", "displayName", "name", "name.givenName", "emails", "emails.value", "emails[type eq \"work\"]",
        "emails[type eq \"work\"].value", "emails[value co \"@\" or primary eq true].type", "manager", "manager.value",
        "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:employeeNumber", "groups", "id", "meta.created",
        "members", "members[value eq \"u1\"]", "nope", "emails[", "password", "x509Certificates");

    private static readonly Gen<JsonNode?> Value = Gen.OneOf(
        Gen.OneOf<string?>(null, "\"\"", "\"False\"", "true", "42", "\"x@y.z\"", "[]", "[{\"value\":\"u1\"}]",
            "{\"value\":\"m1\",\"$ref\":\"r\"}", "[{\"value\":\"a@b\",\"type\":\"work\",\"primary\":true}]",
            "{\"active\":false,\"name.familyName\":\"J\",\"id\":\"2819c223-7f76-453a-919d-413861904646\"}",
            "{\"givenName\":null}", "[1,[2]]", "{\"urn:ietf:params:scim:schemas:extension:enterprise:2.0:User\":{\"department\":\"D\"}}")
            .Select(t => t is null ? null : JsonNode.Parse(t)));

    private static readonly Gen<PatchOperation> Operation =
        Gen.Select(Gen.Enum<PatchOperationType>(), Path, Value, (op, path, value) => new PatchOperation(op, path, value));

    [Fact]
    public void Apply_RandomOperations_OnlyScimExceptionsAndInputUntouched()
    {
        Gen.Select(Operation.Array[0, 5], Gen.Bool, Gen.Bool).Sample((ops, strict, group) =>
        {
            var resource = group ? Samples.Group() : Samples.User();
            var before = resource.ToJsonString();
            try
            {
                var result = PatchEngine.Apply(resource, ops, group ? ScimSchemaSet.Group : ScimSchemaSet.User,
                    strict ? PatchOptions.Strict : PatchOptions.Default);
                // Members never enter the resource; only Groups produce member changes.
                Assert.False(result.Resource.ContainsKey("members"));
                Assert.True(group || result.Members.IsEmpty);
            }
            catch (ScimException ex) when (ex.Status == System.Net.HttpStatusCode.BadRequest && ex.ScimType is not null)
            {
                // The only acceptable failure.
            }

            Assert.Equal(before, resource.ToJsonString());
        }, iter: 5_000);
    }
}
