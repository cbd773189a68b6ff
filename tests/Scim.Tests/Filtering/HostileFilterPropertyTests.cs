using System.Text;
using System.Text.Json.Nodes;
using CsCheck;
using ScimGateway.Scim.Errors;
using ScimGateway.Scim.Filtering;
using ScimGateway.Scim.Patching;
using ScimGateway.Scim.Schemas;

namespace ScimGateway.Scim.Tests.Filtering;

/// <summary>
/// Hostile filters and PATCH paths: the only exception that may escape is the parser's own 400 (invalidFilter or
/// invalidPath), text over the length limit is refused by the length check before any parsing, and whatever parses
/// is within the node limit.
/// </summary>
public class HostileFilterPropertyTests
{
    private static readonly FilterLimits Limits = FilterLimits.Default;

    private static readonly Gen<string> Piece = Gen.OneOf<string>(
        Gen.Int[0, 3_000].Select(n => new string('(', n) + "userName pr" + new string(')', n)),
        Gen.Int[0, 3_000].Select(n => new string('(', n)),
        Gen.Select(Gen.Int[0, 60_000], Gen.OneOf<string>(" or ", " and ", " OR ", " aNd "), (n, op) => string.Join(op, Enumerable.Repeat("userName eq \"x\"", n))),
        Gen.Int[0, 3_000].Select(n => string.Concat(Enumerable.Repeat("not (", n)) + "title pr" + new string(')', n)),
        Gen.Int[0, 500].Select(n => string.Concat(Enumerable.Repeat("emails[", n)) + "value pr" + new string(']', n)),
        Gen.Int[0, 200_000].Select(n => "userName eq \"" + new string('x', n) + "\""),
        Gen.Byte.Array[0, 2_000].Select(b => Encoding.UTF8.GetString(b)),
        Gen.Byte.Array[0, 2_000].Select(b => Encoding.Latin1.GetString(b)),
        Gen.Char.Array[0, 500].Select(c => new string(c)),
        Gen.OneOf<string>("emails[type eq \"work\"].value eq \"a\"", " and ", " or ", "not (", ")", "]", "[", "\"", "\\u", "members[value eq \"", "\uD800", "é", "\0"));

    private static readonly Gen<string> Hostile = Piece.Array[1, 5].Select(string.Concat);

    [Fact]
    public void Parse_HostileFilters_OnlyInvalidFilterEscapes_AndLimitsHold()
    {
        Hostile.Sample(text => Check(text, ScimType.InvalidFilter, () =>
        {
            var bound = FilterParser.Parse(text, ScimSchemaSet.User);
            FilterEvaluator.Matches(bound, Samples.User(), ScimSchemaSet.User);
            FilterIndexHint.TryExtract(bound);
            FilterParser.Parse(FilterPrinter.Print(bound), ScimSchemaSet.User);
            return FilterParser.Parse(text);
        }), iter: 400);
    }

    [Fact]
    public void ParsePath_HostilePaths_OnlyInvalidPathEscapes_AndLimitsHold()
    {
        var paths = Gen.Select(Gen.OneOf<string>("emails[", "members[", "title", "urn:ietf:params:scim:schemas:core:2.0:User:emails["), Hostile, Gen.OneOf<string>("]", "].value", ""),
            (head, body, tail) => head + body + tail);
        paths.Sample(text => Check(text, ScimType.InvalidPath, () =>
        {
            var path = FilterParser.ParsePath(text);
            return path.Filter;
        }), iter: 400);
    }

    [Fact]
    public void Patch_HostilePaths_OnlyScimErrorsEscape()
    {
        var user = Samples.User();
        var group = JsonNode.Parse("""{"schemas":["urn:ietf:params:scim:schemas:core:2.0:Group"],"id":"g","displayName":"G"}""")!.AsObject();
        var paths = Gen.Select(Gen.OneOf<string>("emails[", "members[", "addresses["), Hostile, (head, body) => head + body + "]");
        Gen.Select(paths, Gen.Enum<PatchOperationType>()).Sample((path, op) =>
        {
            foreach (var (resource, schemas) in new[] { (user, ScimSchemaSet.User), (group, ScimSchemaSet.Group) })
            {
                try
                {
                    PatchEngine.Apply(resource, [new PatchOperation(op, path, JsonValue.Create("x"))], schemas);
                }
                catch (ScimException ex) when ((int)ex.Status == 400 && ex.Detail.Length > 0)
                {
                    if (path.Length > Limits.MaxLength)
                    {
                        Assert.Contains("Scim:MaxFilterLength", ex.Detail, StringComparison.Ordinal);
                    }
                }
            }
        }, iter: 300);
    }

    private static void Check(string text, string scimType, Func<FilterNode?> parse)
    {
        try
        {
            var tree = parse();
            Assert.True(text.Length <= Limits.MaxLength, "Text over the length limit was parsed.");
            Assert.True(Nodes(tree) <= Limits.MaxNodes, "A tree over the node limit was built.");
        }
        catch (ScimException ex) when (ex.ScimType == scimType && (int)ex.Status == 400 && ex.Detail.Length > 0)
        {
            if (text.Length > Limits.MaxLength)
            {
                // Refused by the length check, before a single token was read.
                Assert.Contains("Scim:MaxFilterLength", ex.Detail, StringComparison.Ordinal);
            }
        }
    }

    private static int Nodes(FilterNode? tree)
    {
        var count = 0;
        var pending = new Stack<FilterNode>();
        if (tree is not null)
        {
            pending.Push(tree);
        }

        while (pending.TryPop(out var node))
        {
            count++;
            switch (node)
            {
                case LogicalFilter logical:
                    pending.Push(logical.Left);
                    pending.Push(logical.Right);
                    break;
                case NotFilter not:
                    pending.Push(not.Inner);
                    break;
                case ValuePathFilter valuePath:
                    pending.Push(valuePath.Filter);
                    break;
            }
        }

        return count;
    }
}
