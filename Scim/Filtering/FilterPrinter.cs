using System.Globalization;
using System.Text;

namespace ScimGateway.Scim.Filtering;

/// <summary>
/// Prints a filter tree as canonical filter text: lowercase operators, quoted JSON strings, and only the parentheses
/// the tree needs, so that parsing the text gives back an equal tree.
/// </summary>
public static class FilterPrinter
{
    /// <summary>Prints <paramref name="node"/>.</summary>
    public static string Print(FilterNode node)
    {
        var sb = new StringBuilder();
        Append(sb, node);
        return sb.ToString();
    }

    /// <summary>Prints a comparison value as a JSON literal.</summary>
    public static string Print(FilterValue value) => value.Kind switch
    {
        FilterValueKind.Text => Quote(value.Text ?? ""),
        FilterValueKind.Number => value.Number.ToString(CultureInfo.InvariantCulture),
        FilterValueKind.Boolean => value.Boolean ? "true" : "false",
        _ => "null",
    };

    private static void Append(StringBuilder sb, FilterNode node)
    {
        switch (node)
        {
            case LogicalFilter logical:
                // Left-associative chains, printed in a loop: the first operand needs parentheses only when it binds
                // looser, every later one also when it has the same operator (a and (b and c)).
                var operands = LogicalChain.Operands(logical);
                for (var i = 0; i < operands.Count; i++)
                {
                    if (i > 0)
                    {
                        sb.Append(logical.Operator == LogicalOperator.And ? " and " : " or ");
                    }

                    var precedence = Precedence(operands[i]);
                    AppendOperand(sb, operands[i], i == 0 ? precedence < Precedence(node) : precedence <= Precedence(node));
                }

                break;
            case NotFilter not:
                sb.Append("not (");
                Append(sb, not.Inner);
                sb.Append(')');
                break;
            case PresentFilter present:
                sb.Append(present.Path).Append(" pr");
                break;
            case ComparisonFilter comparison:
                sb.Append(comparison.Path).Append(' ')
                    .Append(comparison.Operator.ToString().ToLowerInvariant()).Append(' ')
                    .Append(Print(comparison.Value));
                break;
            case ValuePathFilter valuePath:
                sb.Append(valuePath.Path).Append('[');
                Append(sb, valuePath.Filter);
                sb.Append(']');
                break;
            default:
                throw new ArgumentException($"Unknown filter node {node.GetType().Name}.", nameof(node));
        }
    }

    /// <summary>
    /// Writes a JSON string literal. Control characters and surrogates are escaped as <c>\uXXXX</c> so that even a
    /// lone surrogate survives printing and re-parsing.
    /// </summary>
    private static string Quote(string text)
    {
        var sb = new StringBuilder(text.Length + 2).Append('"');
        foreach (var c in text)
        {
            switch (c)
            {
                case '"':
                    sb.Append("\\\"");
                    break;
                case '\\':
                    sb.Append("\\\\");
                    break;
                case '\n':
                    sb.Append("\\n");
                    break;
                case '\r':
                    sb.Append("\\r");
                    break;
                case '\t':
                    sb.Append("\\t");
                    break;
                default:
                    if (c < ' ' || char.IsSurrogate(c))
                    {
                        sb.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                    }
                    else
                    {
                        sb.Append(c);
                    }

                    break;
            }
        }

        return sb.Append('"').ToString();
    }

    private static void AppendOperand(StringBuilder sb, FilterNode operand, bool parenthesise)
    {
        if (parenthesise)
        {
            sb.Append('(');
        }

        Append(sb, operand);
        if (parenthesise)
        {
            sb.Append(')');
        }
    }

    private static int Precedence(FilterNode node) => node switch
    {
        LogicalFilter { Operator: LogicalOperator.Or } => 1,
        LogicalFilter => 2,
        _ => 3,
    };
}
