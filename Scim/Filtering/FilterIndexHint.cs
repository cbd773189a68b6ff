namespace ScimGateway.Scim.Filtering;

/// <summary>
/// An <c>attribute eq "value"</c> term that a store can answer from an index before evaluating the whole filter on
/// the candidates. Extract with <see cref="TryExtract"/> from a bound filter
/// (<see cref="FilterParser.Parse(string, Schemas.ScimSchemaSet)"/>).
/// </summary>
/// <param name="Attribute">One of <see cref="Indexable"/>: <c>id</c>, <c>userName</c>, <c>externalId</c>, <c>emails.value</c>, <c>members.value</c>, <c>displayName</c>.</param>
/// <param name="Value">The value compared with.</param>
/// <param name="CaseExact">Whether the comparison is case-sensitive (false for userName, emails.value, displayName).</param>
public sealed record FilterIndexHint(string Attribute, string Value, bool CaseExact)
{
    /// <summary>The indexable attributes, most selective first.</summary>
    public static IReadOnlyList<string> Indexable { get; } =
        ["id", "userName", "externalId", "emails.value", "members.value", "displayName"];

    /// <summary>
    /// Finds the most selective indexable <c>eq</c> term that every match must satisfy: the filter itself, or a
    /// term of a top-level <c>and</c> chain, or a <c>value eq</c> inside an <c>emails[...]</c>/<c>members[...]</c>
    /// value path. Returns <see langword="null"/> when there is none (for example under <c>or</c> or <c>not</c>);
    /// the store must then scan.
    /// </summary>
    public static FilterIndexHint? TryExtract(FilterNode filter)
    {
        var terms = new List<FilterIndexHint>();
        Collect(filter, null, terms);
        return terms.OrderBy(t => IndexOf(t.Attribute)).FirstOrDefault();
    }

    private static void Collect(FilterNode node, string? valuePathAttribute, List<FilterIndexHint> terms)
    {
        switch (node)
        {
            case LogicalFilter { Operator: LogicalOperator.And } and:
                foreach (var operand in LogicalChain.Operands(and))
                {
                    Collect(operand, valuePathAttribute, terms);
                }

                break;
            case ValuePathFilter valuePath when valuePathAttribute is null && valuePath.Path.Urn is null:
                Collect(valuePath.Filter, valuePath.Path.Name, terms);
                break;
            case ComparisonFilter { Operator: ComparisonOperator.Eq } eq
                when eq.Value.Kind is FilterValueKind.Text or FilterValueKind.Number && eq.Path.Urn is null:
                var name = valuePathAttribute is null ? eq.Path.ToString() : $"{valuePathAttribute}.{eq.Path.Name}";
                var match = Indexable.FirstOrDefault(i => string.Equals(i, name, StringComparison.OrdinalIgnoreCase));
                if (match is not null)
                {
                    terms.Add(new FilterIndexHint(match, eq.Value.AsText(), CaseExact: match is "id" or "externalId" or "members.value"));
                }

                break;
        }
    }

    private static int IndexOf(string attribute)
    {
        for (var i = 0; i < Indexable.Count; i++)
        {
            if (Indexable[i] == attribute)
            {
                return i;
            }
        }

        return int.MaxValue;
    }
}
