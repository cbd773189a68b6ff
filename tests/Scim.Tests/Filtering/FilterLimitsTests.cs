using System.Text.Json.Nodes;
using ScimGateway.Scim.Errors;
using ScimGateway.Scim.Filtering;
using ScimGateway.Scim.Patching;
using ScimGateway.Scim.Projection;
using ScimGateway.Scim.Resources;
using ScimGateway.Scim.Schemas;

namespace ScimGateway.Scim.Tests.Filtering;

public class FilterLimitsTests
{
    private static string OrChain(int terms, string term = "userName eq \"x\"") =>
        string.Join(" or ", Enumerable.Repeat(term, terms));

    private static ScimException Refused(Action parse, string scimType, string setting)
    {
        var ex = Assert.Throws<ScimException>(parse);
        Assert.Equal(System.Net.HttpStatusCode.BadRequest, ex.Status);
        Assert.Equal(scimType, ex.ScimType);
        Assert.Contains(setting, ex.Detail, StringComparison.Ordinal);
        return ex;
    }

    [Fact]
    public void Parse_200000OrTerms_InvalidFilterNamingTheLengthLimit()
    {
        var ex = Refused(() => FilterParser.Parse(OrChain(200_000), ScimSchemaSet.User), ScimType.InvalidFilter, "Scim:MaxFilterLength");
        Assert.Contains("10000", ex.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_ManyShortTermsWithinTheLength_InvalidFilterNamingTheNodeLimit()
    {
        var text = OrChain(1_000, "a pr"); // 8,000 characters, 1,999 nodes
        Refused(() => FilterParser.Parse(text), ScimType.InvalidFilter, "Scim:MaxFilterNodes");
    }

    [Fact]
    public void Parse_NotChainDeeperThanTheLimit_InvalidFilterNamingTheDepthLimit()
    {
        var text = string.Concat(Enumerable.Repeat("not (", 33)) + "a pr" + new string(')', 33);
        Refused(() => FilterParser.Parse(text), ScimType.InvalidFilter, "Scim:MaxFilterDepth");
    }

    [Fact]
    public void Parse_AtTheLimits_Succeeds()
    {
        var limits = FilterLimits.Default;
        var deep = string.Concat(Enumerable.Repeat("not (", limits.MaxDepth)) + "a pr" + new string(')', limits.MaxDepth);
        Assert.IsType<NotFilter>(FilterParser.Parse(deep));
        var wide = OrChain((limits.MaxNodes + 1) / 2, "a pr"); // n leaves and n - 1 ors
        Assert.IsType<LogicalFilter>(FilterParser.Parse(wide));
    }

    [Fact]
    public void ParsePath_50000TermValueFilter_InvalidPathNamingTheLengthLimit()
    {
        var path = "members[" + OrChain(50_000, "value eq \"2819c223-7f76-453a-919d-413861904646\"") + "]";
        Refused(() => FilterParser.ParsePath(path), ScimType.InvalidPath, "Scim:MaxFilterLength");
    }

    [Fact]
    public void ParsePath_ManyTermsWithinTheLength_InvalidPathNamingTheNodeLimit()
    {
        var path = "emails[" + OrChain(800, "value pr") + "]";
        Refused(() => FilterParser.ParsePath(path), ScimType.InvalidPath, "Scim:MaxFilterNodes");
    }

    [Fact]
    public void PatchRequest_1001Operations_InvalidValueNamingTheLimit()
    {
        var operations = string.Join(',', Enumerable.Repeat("""{"op":"replace","path":"title","value":"x"}""", 1_001));
        var body = JsonNode.Parse($$"""{"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],"Operations":[{{operations}}]}""");
        Refused(() => ScimPatchRequest.Parse(body, PatchOptions.Default), ScimType.InvalidValue, "Scim:MaxPatchOperations");

        var allowed = JsonNode.Parse($$"""{"Operations":[{{string.Join(',', Enumerable.Repeat("""{"op":"replace","path":"title","value":"x"}""", 1_000))}}]}""");
        Assert.Equal(1_000, ScimPatchRequest.Parse(allowed, PatchOptions.Default).Operations.Count);
    }

    [Fact]
    public void Projection_TooManyNames_InvalidFilterNamingTheLimit()
    {
        var names = string.Join(',', Enumerable.Repeat("userName", 201));
        Refused(() => AttributeProjection.Parse(names, null, ScimSchemaSet.User), ScimType.InvalidFilter, "Scim:MaxAttributeNames");
        Refused(() => AttributeProjection.Parse(null, names, ScimSchemaSet.User), ScimType.InvalidFilter, "Scim:MaxAttributeNames");
    }

    [Fact]
    public void Projection_TooLong_InvalidFilterNamingTheLengthLimit()
    {
        Refused(() => AttributeProjection.Parse(new string('a', 10_001), null, ScimSchemaSet.User), ScimType.InvalidFilter, "Scim:MaxFilterLength");
    }

    [Fact]
    public void SortBy_TooLong_InvalidFilterNamingTheLengthLimit()
    {
        Refused(() => ResourceSortComparer.Create(new string('a', 10_001), null, ScimSchemaSet.User), ScimType.InvalidFilter, "Scim:MaxFilterLength");
    }

    /// <summary>
    /// The largest limits the settings allow, on a thread with a sixth of a thread pool thread's stack: every walker
    /// of the tree (parser, binder, evaluator, printer, index hint, PATCH member and seed walkers) must finish.
    /// Before chains were walked in loops, the 2,000-term chain alone overflowed this stack and killed the process.
    /// </summary>
    [Fact]
    public void Walkers_FilterAtTheLargestAllowedLimits_RunOnA256KilobyteStack()
    {
        var limits = new FilterLimits(MaxLength: 1_048_576, MaxNodes: 10_000, MaxDepth: FilterLimits.DepthCeiling);
        var chain = string.Join(" or ", Enumerable.Range(0, 2_000).Select(i => $"userName eq \"u{i}\" and title pr"));
        var nested = "emails[type eq \"work\" or value pr]";
        for (var i = 1; i < FilterLimits.DepthCeiling; i++)
        {
            nested = $"not (userName pr or title pr and {nested})";
        }

        var text = $"{chain} or {nested}";
        var members = "members[" + string.Join(" or ", Enumerable.Range(0, 4_000).Select(i => $"value eq \"m{i}\"")) + "]";
        var seed = "emails[" + string.Join(" and ", Enumerable.Range(0, 4_000).Select(i => $"type eq \"t{i}\"")) + "].value";
        var options = PatchOptions.Default with { Limits = limits };

        Exception? failure = null;
        var thread = new Thread(
            () =>
            {
                try
                {
                    var bound = FilterParser.Parse(text, ScimSchemaSet.User, limits);
                    FilterEvaluator.Matches(bound, Samples.User(), ScimSchemaSet.User);
                    var printed = FilterPrinter.Print(bound);
                    FilterParser.Parse(printed, ScimSchemaSet.User, limits);
                    FilterIndexHint.TryExtract(bound);
                    FilterMentions.Attribute(bound, "groups");

                    var group = JsonNode.Parse("""{"schemas":["urn:ietf:params:scim:schemas:core:2.0:Group"],"id":"g","displayName":"G"}""")!.AsObject();
                    var removed = PatchEngine.Apply(group, [new PatchOperation(PatchOperationType.Remove, members, null)], ScimSchemaSet.Group, options);
                    Assert.Equal(4_000, removed.Members.Removed.Count);

                    var user = JsonNode.Parse("""{"schemas":["urn:ietf:params:scim:schemas:core:2.0:User"],"id":"u","userName":"u"}""")!.AsObject();
                    PatchEngine.Apply(user, [new PatchOperation(PatchOperationType.Replace, seed, JsonValue.Create("a@b.c"))], ScimSchemaSet.User, options);
                }
                catch (Exception ex)
                {
                    failure = ex;
                }
            },
            maxStackSize: 256 * 1024);
        thread.Start();
        thread.Join();
        Assert.Null(failure);
    }
}
