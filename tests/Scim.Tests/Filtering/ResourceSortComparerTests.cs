using System.Text.Json.Nodes;
using ScimGateway.Scim.Errors;
using ScimGateway.Scim.Filtering;
using ScimGateway.Scim.Schemas;

namespace ScimGateway.Scim.Tests.Filtering;

public class ResourceSortComparerTests
{
    private static JsonObject U(string id, string? userName, string? email = null, string? created = null)
    {
        var user = new JsonObject { ["id"] = id };
        if (userName is not null)
        {
            user["userName"] = userName;
        }

        if (email is not null)
        {
            user["emails"] = new JsonArray(new JsonObject { ["value"] = "z" + email }, new JsonObject { ["value"] = email, ["primary"] = true });
        }

        if (created is not null)
        {
            user["meta"] = new JsonObject { ["created"] = created };
        }

        return user;
    }

    private static string[] Sort(string sortBy, string? order, params JsonObject[] users) =>
        users.Order(ResourceSortComparer.Create(sortBy, order, ScimSchemaSet.User)).Select(u => u["id"]!.GetValue<string>()).ToArray();

    [Fact]
    public void Sort_UserNameCaseInsensitive_MissingLast()
    {
        Assert.Equal(["b", "a", "c"], Sort("USERNAME", null, U("a", "Bob"), U("b", "alice"), U("c", null)));
        Assert.Equal(["a", "b", "c"], Sort("userName", "descending", U("a", "Bob"), U("b", "alice"), U("c", null)));
    }

    [Fact]
    public void Sort_MultiValued_UsesPrimaryValue()
    {
        Assert.Equal(["y", "x"], Sort("emails", null, U("x", "u", "b@x"), U("y", "u", "a@x")));
    }

    [Fact]
    public void Sort_DateTime_ComparesInstantsAndTiesBreakOnId()
    {
        Assert.Equal(["b", "a", "c"], Sort("meta.created", null,
            U("a", "u", created: "2026-01-01T10:00:00+02:00"), U("b", "u", created: "2026-01-01T07:00:00Z"), U("c", "u", created: "2026-01-01T08:00:00Z")));
        Assert.Equal(["a", "b"], Sort("userName", null, U("b", "same"), U("a", "SAME")));
    }

    [Fact]
    public void Create_UnknownAttributeOrOrder_IsInvalidValue()
    {
        Assert.Equal(ScimType.InvalidValue, Assert.Throws<ScimException>(() => ResourceSortComparer.Create("nope", null, ScimSchemaSet.User)).ScimType);
        Assert.Equal(ScimType.InvalidValue, Assert.Throws<ScimException>(() => ResourceSortComparer.Create("userName", "up", ScimSchemaSet.User)).ScimType);
        Assert.Null(ResourceSortComparer.Create(" ", null, ScimSchemaSet.User));
    }
}
