using ScimGateway.Scim.Errors;
using ScimGateway.Scim.Patching;
using ScimGateway.Scim.Schemas;
using static ScimGateway.Scim.Tests.Patching.PatchTestHelpers;

namespace ScimGateway.Scim.Tests.Patching;

public class PatchMemberTests
{
    private static MemberChanges Members(string ops, PatchOptions? options = null) =>
        Patch(Samples.Group(), ops, ScimSchemaSet.Group, options).Members;

    [Fact]
    public void Patch_AddMembers_ReturnsAddedIdsWithoutTouchingResource()
    {
        var result = Patch(Samples.Group(), """[{"op":"add","path":"members","value":[{"value":"u1","display":"U1"},{"value":"u2"},{"value":"u1"}]}]""", ScimSchemaSet.Group);
        Assert.Equal(["u1", "u2"], result.Members.Added);
        Assert.Empty(result.Members.Removed);
        Assert.False(result.Members.ReplaceAll);
        Assert.False(result.Resource.ContainsKey("members"));
    }

    [Fact]
    public void Patch_EntraRemoveMembersWithValue_RemovesOnlyThose()
    {
        var changes = Members("""[{"op":"Remove","path":"members","value":[{"value":"u1"},{"value":"u2"}]}]""");
        Assert.Equal(["u1", "u2"], changes.Removed.Order());
        Assert.False(changes.ReplaceAll);
        Assert.False(changes.RemoveAll);
    }

    [Fact]
    public void Patch_OktaRemoveByFilterThenAdd_ReturnsBothSets()
    {
        var changes = Members("""
            [{"op":"remove","path":"members[value eq \"u1\"]"},
             {"op":"add","path":"members","value":[{"value":"u3"}]}]
            """);
        Assert.Equal(["u1"], changes.Removed);
        Assert.Equal(["u3"], changes.Added);
    }

    [Fact]
    public void Patch_RemoveByOrFilter_RemovesBoth()
    {
        var changes = Members("""[{"op":"remove","path":"members[value eq \"u1\" or VALUE eq \"u2\"]"}]""");
        Assert.Equal(["u1", "u2"], changes.Removed.Order());
    }

    [Fact]
    public void Patch_RemoveByOtherFilter_IsInvalidFilter()
    {
        var ex = Assert.Throws<ScimException>(() => Members("""[{"op":"remove","path":"members[display eq \"x\"]"}]"""));
        Assert.Equal(ScimType.InvalidFilter, ex.ScimType);
    }

    [Fact]
    public void Patch_ReplaceMembers_ReplacesAll()
    {
        var changes = Members("""[{"op":"replace","path":"members","value":[{"value":"u9"}]}]""");
        Assert.True(changes.ReplaceAll);
        Assert.False(changes.RemoveAll);
        Assert.Equal(["u9"], changes.Added);
    }

    [Fact]
    public void Patch_RemoveMembersWithoutValue_RemovesAll()
    {
        var changes = Members("""[{"op":"remove","path":"members"}]""");
        Assert.True(changes.RemoveAll);
    }

    [Fact]
    public void Patch_AddThenRemoveSameMember_EndsRemoved()
    {
        var changes = Members("""
            [{"op":"add","path":"members","value":[{"value":"u1"}]},
             {"op":"remove","path":"members[value eq \"u1\"]"}]
            """);
        Assert.Empty(changes.Added);
        Assert.Equal(["u1"], changes.Removed);
    }

    [Fact]
    public void Patch_RemoveAllThenAdd_ReplacesWithAdded()
    {
        var changes = Members("""
            [{"op":"remove","path":"members"},
             {"op":"add","path":"members","value":[{"value":"u1"}]},
             {"op":"remove","path":"members[value eq \"u2\"]"}]
            """);
        Assert.True(changes.ReplaceAll);
        Assert.Equal(["u1"], changes.Added);
        Assert.Empty(changes.Removed);
    }

    [Fact]
    public void Patch_OktaRenameWithOwnIdAndPathlessMembers_AppliesBoth()
    {
        var result = Patch(Samples.Group(), """
            [{"op":"replace","value":{"id":"e9e30dba-f08f-4109-8486-d5c6a331660a","displayName":"Guides","members":[{"value":"u5"}]}}]
            """, ScimSchemaSet.Group);
        Assert.Equal("Guides", result.Resource["displayName"]!.GetValue<string>());
        Assert.True(result.Members.ReplaceAll);
        Assert.Equal(["u5"], result.Members.Added);
    }

    [Fact]
    public void Patch_StrictRemoveMembersWithValue_IsInvalidValue()
    {
        var ex = Assert.Throws<ScimException>(() => Members("""[{"op":"remove","path":"members","value":[{"value":"u1"}]}]""", PatchOptions.Strict));
        Assert.Equal(ScimType.InvalidValue, ex.ScimType);
    }

    [Theory]
    [InlineData("""[{"op":"add","path":"members","value":[{"display":"no id"}]}]""", ScimType.InvalidValue)]
    [InlineData("""[{"op":"replace","path":"members.value","value":"u1"}]""", ScimType.InvalidPath)]
    [InlineData("""[{"op":"add","path":"members[value eq \"u1\"]","value":{"value":"u1"}}]""", ScimType.InvalidPath)]
    public void Patch_UnsupportedMemberOperations_AreRejected(string ops, string scimType)
    {
        Assert.Equal(scimType, Assert.Throws<ScimException>(() => Members(ops)).ScimType);
    }

    [Fact]
    public void Patch_SameManyMembersAddedTwice_AddsEachMemberOnce()
    {
        // What it costs belongs in bench/, not here; this checks the set semantics a large Okta push relies on.
        var ids = Enumerable.Range(0, 20_000).Select(i => $"u{i}").ToList();
        var values = string.Join(",", ids.Select(id => $$"""{"value":"{{id}}"}"""));
        var changes = Members($$"""[{"op":"Add","path":"members","value":[{{values}}]},{"op":"Add","path":"members","value":[{{values}}]}]""");
        Assert.Equal(ids.Order(StringComparer.Ordinal), changes.Added.Order(StringComparer.Ordinal));
        Assert.Empty(changes.Removed);
        Assert.False(changes.ReplaceAll);
    }
}
