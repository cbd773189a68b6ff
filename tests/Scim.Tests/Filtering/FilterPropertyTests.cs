using CsCheck;
using ScimGateway.Scim.Errors;
using ScimGateway.Scim.Filtering;
using ScimGateway.Scim.Schemas;

namespace ScimGateway.Scim.Tests.Filtering;

public class FilterPropertyTests
{
    private static readonly string[] Seeds =
    [
        "userName eq \"bjensen\"",
        "name.familyName co \"O'Malley\"",
        "userName sw \"J\" and not (title pr)",
        "emails[type eq \"work\" and value co \"@example.com\"] or ims[type eq \"xmpp\" and value co \"@foo.com\"]",
        "emails[type eq \"work\"].value eq \"a@b.c\"",
        "meta.lastModified gt \"2011-05-13T04:42:34Z\" or (active eq true and userType ne null)",
        "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:manager.value eq \"x\"",
        "id eq 5b1c2d3e-aaaa and manager eq 42",
    ];

    private static readonly Gen<char> InterestingChar =
        Gen.OneOf(Gen.OneOf('"', '\\', '(', ')', '[', ']', '.', ':', ' ', 'e', 'q', '-', '1', 'u', '$', '\0', 'é', '\uD800'), Gen.Char);

    private static void ParseAndEvaluate(string text)
    {
        try
        {
            FilterParser.Parse(text);
            var bound = FilterParser.Parse(text, ScimSchemaSet.User);
            FilterEvaluator.Matches(bound, Samples.User(), ScimSchemaSet.User);
            FilterIndexHint.TryExtract(bound);
            Assert.Equal(bound, FilterParser.Parse(bound.ToString(), ScimSchemaSet.User));
        }
        catch (ScimException ex) when (ex.ScimType == ScimType.InvalidFilter && ex.Detail.Length > 0)
        {
            // The only acceptable failure.
        }
    }

    [Fact]
    public void Parse_RandomStrings_ThrowOnlyInvalidFilter()
    {
        Gen.String.Sample(ParseAndEvaluate, iter: 5_000);
        InterestingChar.Array[0, 40].Select(chars => new string(chars)).Sample(ParseAndEvaluate, iter: 5_000);
    }

    [Fact]
    public void Parse_MutatedValidFilters_ThrowOnlyInvalidFilter()
    {
        var mutation =
            from seed in Gen.OneOf(Seeds)
            from edits in Gen.Select(Gen.Int[0, 2], Gen.Int[0, 1000], InterestingChar).Array[1, 4]
            select Mutate(seed, edits);
        mutation.Sample(ParseAndEvaluate, iter: 10_000);
    }

    [Fact]
    public void PrintThenParse_RandomTrees_GivesEqualTree()
    {
        FilterGen.Tree.Sample(tree =>
        {
            var text = FilterPrinter.Print(tree);
            Assert.Equal(tree, FilterParser.Parse(text));
        }, iter: 5_000);
    }

    [Fact]
    public void PrintThenParse_BoundSeeds_IsIdempotent()
    {
        foreach (var seed in Seeds)
        {
            var once = FilterParser.Parse(seed, ScimSchemaSet.User);
            Assert.Equal(once, FilterParser.Parse(FilterPrinter.Print(once), ScimSchemaSet.User));
        }
    }

    private static string Mutate(string seed, (int Kind, int At, char C)[] edits)
    {
        var text = seed;
        foreach (var (kind, at, c) in edits)
        {
            var i = text.Length == 0 ? 0 : at % text.Length;
            text = kind switch
            {
                0 when text.Length > 0 => text.Remove(i, 1),
                1 => text.Insert(i, c.ToString()),
                _ => text[..i],
            };
        }

        return text;
    }
}
