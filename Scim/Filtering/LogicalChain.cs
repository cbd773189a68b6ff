namespace ScimGateway.Scim.Filtering;

/// <summary>
/// The operands of a chain of one logical operator. The parser builds <c>a or b or c</c> left-associatively, so a
/// chain of n terms is a left spine n nodes deep; walkers take the operands from here in a loop and recurse only
/// into operands that are something else (a group, <c>not</c>, a value path), whose depth the parser bounds
/// (<see cref="FilterLimits.MaxDepth"/>). No walker's recursion depth grows with the length of a chain.
/// </summary>
internal static class LogicalChain
{
    /// <summary>The operands of <paramref name="chain"/> in text order (left to right).</summary>
    public static List<FilterNode> Operands(LogicalFilter chain)
    {
        var operands = new List<FilterNode>();
        FilterNode node = chain;
        while (node is LogicalFilter logical && logical.Operator == chain.Operator)
        {
            operands.Add(logical.Right);
            node = logical.Left;
        }

        operands.Add(node);
        operands.Reverse();
        return operands;
    }

    /// <summary>Folds operands back into the left-associative shape the parser builds.</summary>
    public static FilterNode Join(LogicalOperator op, IReadOnlyList<FilterNode> operands)
    {
        var node = operands[0];
        for (var i = 1; i < operands.Count; i++)
        {
            node = new LogicalFilter(op, node, operands[i]);
        }

        return node;
    }
}
