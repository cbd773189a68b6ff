using CsCheck;
using ScimGateway.Scim.Filtering;
using ScimGateway.Scim.Schemas;

namespace ScimGateway.Scim.Tests.Filtering;

/// <summary>Generators of random filter trees that the grammar can express.</summary>
internal static class FilterGen
{
    private static readonly Gen<string> Name = Gen.OneOf(
        Gen.OneOf("userName", "title", "emails", "name", "active", "and", "or", "not", "pr", "eq", "$ref", "x-1_y"),
        Gen.Char["abcXYZ"].Array[1, 6].Select(c => new string(c)));

    private static readonly Gen<string?> Urn = Gen.OneOf<string?>(null, null, null, ScimUrns.User, ScimUrns.EnterpriseUser, "urn:a:b");

    private static readonly Gen<FilterValue> Value = Gen.OneOf(
        Gen.String.Select(FilterValue.FromText),
        Gen.Decimal.Select(FilterValue.FromNumber),
        Gen.Int.Select(i => FilterValue.FromNumber(i)),
        Gen.Bool.Select(FilterValue.FromBoolean),
        Gen.Const(FilterValue.Null));

    private static readonly Gen<AttributePath> TopPath =
        Gen.Select(Urn, Name, Gen.OneOf(Gen.Const((string?)null), Name.Select(n => (string?)n)), (u, n, s) => new AttributePath(u, n, s));

    private static readonly Gen<AttributePath> SubPath = Name.Select(n => new AttributePath(null, n));

    private static Gen<FilterNode> Leaf(Gen<AttributePath> path) => Gen.OneOf<FilterNode>(
        path.Select(p => (FilterNode)new PresentFilter(p)),
        Gen.Select(path, Gen.Enum<ComparisonOperator>(), Value, (p, o, v) => (FilterNode)new ComparisonFilter(p, o, v)));

    private static Gen<FilterNode> Logic(Gen<FilterNode> leaf, int maxDepth) => Gen.Recursive<FilterNode>((depth, self) =>
        depth >= maxDepth ? leaf : Gen.Frequency<FilterNode>(
            (3, leaf),
            (2, Gen.Select(Gen.Enum<LogicalOperator>(), self, self, (o, l, r) => (FilterNode)new LogicalFilter(o, l, r))),
            (1, self.Select(i => (FilterNode)new NotFilter(i)))));

    private static readonly Gen<FilterNode> ValuePath =
        Gen.Select(Name, Logic(Leaf(SubPath), 3), (n, f) => (FilterNode)new ValuePathFilter(new AttributePath(null, n), f));

    /// <summary>Random trees: logical combinations of comparisons, presence tests and value paths.</summary>
    public static readonly Gen<FilterNode> Tree = Logic(Gen.Frequency<FilterNode>((4, Leaf(TopPath)), (1, ValuePath)), 5);
}
