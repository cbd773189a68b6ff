using ScimGateway.Scim.Errors;
using ScimGateway.Scim.Filtering;
using ScimGateway.Scim.Schemas;

namespace ScimGateway.Scim.Tests.Filtering;

public class FilterParserTests
{
    private static ComparisonFilter Eq(string name, string value, string? sub = null) =>
        new(new AttributePath(null, name, sub), ComparisonOperator.Eq, FilterValue.FromText(value));

    [Fact]
    public void Parse_SimpleEquality_BuildsComparison()
    {
        Assert.Equal(Eq("userName", "bjensen"), FilterParser.Parse("userName eq \"bjensen\""));
    }

    [Theory]
    [InlineData("eq", ComparisonOperator.Eq)]
    [InlineData("NE", ComparisonOperator.Ne)]
    [InlineData("Co", ComparisonOperator.Co)]
    [InlineData("sw", ComparisonOperator.Sw)]
    [InlineData("eW", ComparisonOperator.Ew)]
    [InlineData("gt", ComparisonOperator.Gt)]
    [InlineData("GE", ComparisonOperator.Ge)]
    [InlineData("lt", ComparisonOperator.Lt)]
    [InlineData("le", ComparisonOperator.Le)]
    public void Parse_EveryOperatorCaseInsensitive_BuildsComparison(string op, ComparisonOperator expected)
    {
        var node = Assert.IsType<ComparisonFilter>(FilterParser.Parse($"title {op} \"x\""));
        Assert.Equal(expected, node.Operator);
    }

    [Fact]
    public void Parse_Present_BuildsPresentFilter()
    {
        Assert.Equal(new PresentFilter(new AttributePath(null, "title")), FilterParser.Parse("title PR"));
    }

    [Fact]
    public void Parse_AndBindsTighterThanOr_BuildsTree()
    {
        var tree = FilterParser.Parse("a eq \"1\" or b eq \"2\" and c eq \"3\"");
        var expected = new LogicalFilter(LogicalOperator.Or, Eq("a", "1"),
            new LogicalFilter(LogicalOperator.And, Eq("b", "2"), Eq("c", "3")));
        Assert.Equal(expected, tree);
    }

    [Fact]
    public void Parse_ParenthesesOverridePrecedence_BuildsTree()
    {
        var tree = FilterParser.Parse("(a eq \"1\" or b eq \"2\") and c eq \"3\"");
        var expected = new LogicalFilter(LogicalOperator.And,
            new LogicalFilter(LogicalOperator.Or, Eq("a", "1"), Eq("b", "2")), Eq("c", "3"));
        Assert.Equal(expected, tree);
    }

    [Fact]
    public void Parse_NotWithGrouping_BuildsTree()
    {
        var tree = FilterParser.Parse("userType eq \"Employee\" and not (emails.value co \"example.org\")");
        var expected = new LogicalFilter(LogicalOperator.And, Eq("userType", "Employee"),
            new NotFilter(new ComparisonFilter(new AttributePath(null, "emails", "value"), ComparisonOperator.Co, FilterValue.FromText("example.org"))));
        Assert.Equal(expected, tree);
    }

    [Fact]
    public void Parse_ValuePath_BuildsValuePathFilter()
    {
        var tree = FilterParser.Parse("emails[type eq \"work\" and value co \"@example.com\"]");
        var inner = new LogicalFilter(LogicalOperator.And, Eq("type", "work"),
            new ComparisonFilter(new AttributePath(null, "value"), ComparisonOperator.Co, FilterValue.FromText("@example.com")));
        Assert.Equal(new ValuePathFilter(new AttributePath(null, "emails"), inner), tree);
    }

    [Fact]
    public void Parse_SubAttributeAfterValuePath_FoldsIntoValueFilter()
    {
        var tree = FilterParser.Parse("emails[type eq \"work\"].value eq \"x@example.com\"");
        var expected = new ValuePathFilter(new AttributePath(null, "emails"),
            new LogicalFilter(LogicalOperator.And, Eq("type", "work"), Eq("value", "x@example.com")));
        Assert.Equal(expected, tree);
    }

    [Fact]
    public void Parse_UrnQualifiedAttribute_SplitsUrnAtLastColon()
    {
        var tree = FilterParser.Parse("urn:ietf:params:scim:schemas:core:2.0:User:name.familyName eq \"Jensen\"");
        var node = Assert.IsType<ComparisonFilter>(tree);
        Assert.Equal(new AttributePath(ScimUrns.User, "name", "familyName"), node.Path);
    }

    [Theory]
    [InlineData("true", FilterValueKind.Boolean)]
    [InlineData("False", FilterValueKind.Boolean)]
    [InlineData("null", FilterValueKind.Null)]
    [InlineData("42", FilterValueKind.Number)]
    [InlineData("-1.5e3", FilterValueKind.Number)]
    [InlineData("\"42\"", FilterValueKind.Text)]
    [InlineData("5b1c2d3e-aaaa-bbbb-cccc-000000000000", FilterValueKind.Text)]
    public void Parse_ComparisonValues_HaveJsonKinds(string literal, FilterValueKind kind)
    {
        var node = Assert.IsType<ComparisonFilter>(FilterParser.Parse($"externalId eq {literal}"));
        Assert.Equal(kind, node.Value.Kind);
    }

    [Fact]
    public void Parse_EntraUnquotedGuid_IsAString()
    {
        var node = Assert.IsType<ComparisonFilter>(FilterParser.Parse("externalId eq 5b1c2d3e-aaaa-bbbb-cccc-000000000000"));
        Assert.Equal("5b1c2d3e-aaaa-bbbb-cccc-000000000000", node.Value.Text);
    }

    [Fact]
    public void Parse_JsonEscapesInString_AreDecoded()
    {
        var node = Assert.IsType<ComparisonFilter>(FilterParser.Parse("displayName eq \"a\\\"b\\\\c\\u00e9\\n\""));
        Assert.Equal("a\"b\\cé\n", node.Value.Text);
    }

    [Theory]
    [InlineData("", 1)]
    [InlineData("userName", 9)]
    [InlineData("userName eq", 12)]
    [InlineData("userName xx \"a\"", 10)]
    [InlineData("userName eq \"abc", 13)]
    [InlineData("(userName eq \"a\"", 17)]
    [InlineData("userName eq \"a\" and", 20)]
    [InlineData("emails[type eq \"work\"", 22)]
    [InlineData("emails[type[value eq \"a\"] eq \"b\"]", 12)]
    [InlineData("userName eq \"a\" )", 17)]
    [InlineData("not userName eq \"a\"", 5)]
    [InlineData("userName eq 1e999999", 13)]
    public void Parse_InvalidSyntax_ThrowsInvalidFilterWithPosition(string text, int position)
    {
        var ex = Assert.Throws<ScimException>(() => FilterParser.Parse(text));
        Assert.Equal(ScimType.InvalidFilter, ex.ScimType);
        Assert.Equal(System.Net.HttpStatusCode.BadRequest, ex.Status);
        Assert.Contains($"position {position}", ex.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_DeepNesting_ThrowsInvalidFilterNotStackOverflow()
    {
        var text = new string('(', 10_000) + "a pr" + new string(')', 10_000);
        var ex = Assert.Throws<ScimException>(() => FilterParser.Parse(text));
        Assert.Equal(ScimType.InvalidFilter, ex.ScimType);
    }

    [Fact]
    public void Print_LeftAssociativeChain_NeedsNoParentheses()
    {
        Assert.Equal("a eq \"1\" and b eq \"2\" and c eq \"3\"", FilterParser.Parse("A EQ \"1\" AND b eq \"2\" and (c eq \"3\")").ToString().Replace("A eq", "a eq", StringComparison.Ordinal));
    }

    [Fact]
    public void Print_RightNestedSameOperator_KeepsParentheses()
    {
        var tree = FilterParser.Parse("a pr and (b pr and c pr)");
        Assert.Equal("a pr and (b pr and c pr)", tree.ToString());
        Assert.Equal(tree, FilterParser.Parse(tree.ToString()));
    }

    [Fact]
    public void Print_OrInsideAnd_KeepsParentheses()
    {
        var tree = FilterParser.Parse("(a pr or b pr) and not (c eq 5)");
        Assert.Equal("(a pr or b pr) and not (c eq 5)", tree.ToString());
    }
}
