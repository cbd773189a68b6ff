using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using ScimGateway.Scim.Errors;
using ScimGateway.Scim.Schemas;

namespace ScimGateway.Scim.Filtering;

/// <summary>
/// Recursive-descent reader for the filter grammar of RFC 7644 section 3.4.2.2 and the PATCH path grammar of
/// section 3.5.2. Every failure is a <see cref="ScimException"/> with the given <c>scimType</c> and the position.
/// </summary>
internal sealed partial class FilterReader
{
    private readonly string _text;
    private readonly string _scimType;
    private readonly FilterLimits _limits;
    private int _pos;
    private int _depth;
    private int _nodes;

    public FilterReader(string text, string scimType, FilterLimits limits)
    {
        _limits = limits;
        _scimType = scimType;

        // Checked before reading a character: the cost of everything after is bounded by this length.
        if (text.Length > limits.MaxLength)
        {
            throw ScimException.BadRequest(scimType,
                $"The {What} is {text.Length} characters long; the limit is {limits.MaxLength} (Scim:MaxFilterLength).");
        }

        _text = text;
    }

    private string What => _scimType == ScimType.InvalidPath ? "path" : "filter";

    public FilterNode ReadWholeFilter()
    {
        SkipSpace();
        if (AtEnd)
        {
            throw Error("The filter is empty");
        }

        var node = ReadOr(insideValuePath: false);
        SkipSpace();
        if (!AtEnd)
        {
            throw Error($"Unexpected '{_text[_pos]}'");
        }

        return node;
    }

    public PatchPath ReadWholePath()
    {
        SkipSpace();
        var attribute = ReadAttributePath(allowUrn: true);
        FilterNode? filter = null;
        string? sub = null;
        if (Peek('['))
        {
            if (attribute.SubAttribute is not null)
            {
                throw Error("A value filter cannot follow a sub-attribute");
            }

            filter = ReadValueFilter();
            if (Peek('.'))
            {
                _pos++;
                sub = ReadName();
            }
        }

        SkipSpace();
        if (!AtEnd)
        {
            throw Error($"Unexpected '{_text[_pos]}'");
        }

        return new PatchPath(attribute, filter, sub);
    }

    private bool AtEnd => _pos >= _text.Length;

    private FilterNode ReadOr(bool insideValuePath)
    {
        var left = ReadAnd(insideValuePath);
        while (TryKeyword("or"))
        {
            left = Count(new LogicalFilter(LogicalOperator.Or, left, ReadAnd(insideValuePath)));
        }

        return left;
    }

    private FilterNode ReadAnd(bool insideValuePath)
    {
        var left = ReadUnary(insideValuePath);
        while (TryKeyword("and"))
        {
            left = Count(new LogicalFilter(LogicalOperator.And, left, ReadUnary(insideValuePath)));
        }

        return left;
    }

    private FilterNode ReadUnary(bool insideValuePath)
    {
        SkipSpace();
        if (AtEnd)
        {
            throw Error("Expected an attribute, 'not' or '(' but the filter ended");
        }

        if (Peek('('))
        {
            return ReadGroup(insideValuePath);
        }

        var start = _pos;
        if (TryKeyword("not"))
        {
            SkipSpace();
            if (Peek('('))
            {
                return Count(new NotFilter(ReadGroup(insideValuePath)));
            }

            _pos = start;
        }

        return ReadAttributeExpression(insideValuePath);
    }

    private FilterNode ReadGroup(bool insideValuePath)
    {
        Enter();
        _pos++; // '('
        var inner = ReadOr(insideValuePath);
        SkipSpace();
        Expect(')');
        _depth--;
        return inner;
    }

    private FilterNode ReadAttributeExpression(bool insideValuePath)
    {
        var path = ReadAttributePath(allowUrn: !insideValuePath);
        if (insideValuePath && path.SubAttribute is not null)
        {
            throw Error($"'{path}' inside a value filter must be a plain sub-attribute name");
        }

        if (Peek('['))
        {
            if (insideValuePath)
            {
                // Errata 4690: value paths do not nest.
                throw Error("Value filters cannot be nested");
            }

            if (path.SubAttribute is not null)
            {
                throw Error("A value filter cannot follow a sub-attribute");
            }

            var inner = ReadValueFilter();
            if (!Peek('.'))
            {
                return Count(new ValuePathFilter(path, inner));
            }

            // emails[type eq "work"].value eq "x": the comparison applies to the same matching value.
            _pos++;
            var subPath = new AttributePath(null, ReadName());
            var joined = Count(new LogicalFilter(LogicalOperator.And, inner, ReadComparison(subPath)));
            return Count(new ValuePathFilter(path, joined));
        }

        return ReadComparison(path);
    }

    private FilterNode ReadComparison(AttributePath path)
    {
        SkipSpace();
        var at = _pos;
        var word = ReadWord();
        if (word.Length == 0)
        {
            throw Error($"Expected an operator after '{path}'", at);
        }

        if (string.Equals(word, "pr", StringComparison.OrdinalIgnoreCase))
        {
            return Count(new PresentFilter(path));
        }

        if (!Enum.TryParse<ComparisonOperator>(word, ignoreCase: true, out var op) || word.Length != 2)
        {
            throw Error($"Unknown operator '{word}'", at);
        }

        return Count(new ComparisonFilter(path, op, ReadValue()));
    }

    private FilterValue ReadValue()
    {
        SkipSpace();
        if (AtEnd)
        {
            throw Error("Expected a comparison value but the filter ended");
        }

        if (Peek('"'))
        {
            return FilterValue.FromText(ReadString());
        }

        var start = _pos;
        while (!AtEnd && !char.IsWhiteSpace(_text[_pos]) && _text[_pos] is not (')' or ']' or '(' or '[' or '"'))
        {
            _pos++;
        }

        var token = _text[start.._pos];
        if (token.Length == 0)
        {
            throw Error("Expected a comparison value", start);
        }

        if (token.Equals("true", StringComparison.OrdinalIgnoreCase))
        {
            return FilterValue.FromBoolean(true);
        }

        if (token.Equals("false", StringComparison.OrdinalIgnoreCase))
        {
            return FilterValue.FromBoolean(false);
        }

        if (token.Equals("null", StringComparison.OrdinalIgnoreCase))
        {
            return FilterValue.Null;
        }

        if (JsonNumber().IsMatch(token))
        {
            if (decimal.TryParse(token, NumberStyles.Float, CultureInfo.InvariantCulture, out var number))
            {
                return FilterValue.FromNumber(number);
            }

            throw Error($"The number '{token}' is out of range", start);
        }

        // Entra sends unquoted values (externalId eq 5b1c2d3e-...); a bare token that is no keyword or number is a string.
        return FilterValue.FromText(token);
    }

    private string ReadString()
    {
        var start = _pos;
        _pos++; // opening quote
        var sb = new StringBuilder();
        while (true)
        {
            if (AtEnd)
            {
                throw Error("Unterminated string", start);
            }

            var c = _text[_pos++];
            if (c == '"')
            {
                return sb.ToString();
            }

            if (c != '\\')
            {
                sb.Append(c);
                continue;
            }

            if (AtEnd)
            {
                throw Error("Unterminated escape sequence", _pos - 1);
            }

            var e = _text[_pos++];
            switch (e)
            {
                case '"' or '\\' or '/':
                    sb.Append(e);
                    break;
                case 'b':
                    sb.Append('\b');
                    break;
                case 'f':
                    sb.Append('\f');
                    break;
                case 'n':
                    sb.Append('\n');
                    break;
                case 'r':
                    sb.Append('\r');
                    break;
                case 't':
                    sb.Append('\t');
                    break;
                case 'u' when _pos + 4 <= _text.Length
                    && ushort.TryParse(_text.AsSpan(_pos, 4), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var code):
                    sb.Append((char)code);
                    _pos += 4;
                    break;
                default:
                    throw Error($"Invalid escape sequence '\\{e}'", _pos - 2);
            }
        }
    }

    private FilterNode ReadValueFilter()
    {
        Enter();
        _pos++; // '['
        var inner = ReadOr(insideValuePath: true);
        SkipSpace();
        Expect(']');
        _depth--;
        return inner;
    }

    private AttributePath ReadAttributePath(bool allowUrn)
    {
        SkipSpace();
        var start = _pos;
        while (!AtEnd && (char.IsAsciiLetterOrDigit(_text[_pos]) || _text[_pos] is ':' or '.' or '_' or '-' or '$'))
        {
            _pos++;
        }

        var token = _text[start.._pos];
        if (token.Length == 0)
        {
            throw Error(AtEnd ? "Expected an attribute name but the text ended" : $"Expected an attribute name at '{_text[start]}'", start);
        }

        var path = AttributePath.TryParse(token);
        if (path is null || (!allowUrn && path.Urn is not null))
        {
            throw Error($"Invalid attribute path '{token}'", start);
        }

        return path;
    }

    private string ReadName()
    {
        var start = _pos;
        while (!AtEnd && (char.IsAsciiLetterOrDigit(_text[_pos]) || _text[_pos] is '_' or '-' or '$'))
        {
            _pos++;
        }

        var name = _text[start.._pos];
        if (!AttributePath.IsAttributeName(name))
        {
            throw Error($"Invalid sub-attribute name '{name}'", start);
        }

        return name;
    }

    private string ReadWord()
    {
        var start = _pos;
        while (!AtEnd && char.IsAsciiLetter(_text[_pos]))
        {
            _pos++;
        }

        return _text[start.._pos];
    }

    private bool TryKeyword(string keyword)
    {
        var start = _pos;
        SkipSpace();
        var word = ReadWord();
        if (string.Equals(word, keyword, StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        _pos = start;
        return false;
    }

    private void SkipSpace()
    {
        while (!AtEnd && char.IsWhiteSpace(_text[_pos]))
        {
            _pos++;
        }
    }

    private bool Peek(char c) => !AtEnd && _text[_pos] == c;

    private void Expect(char c)
    {
        if (!Peek(c))
        {
            throw Error(AtEnd ? $"Expected '{c}' but the text ended" : $"Expected '{c}' but found '{_text[_pos]}'");
        }

        _pos++;
    }

    private void Enter()
    {
        if (++_depth > _limits.MaxDepth)
        {
            throw Error($"Nesting deeper than {_limits.MaxDepth} levels (Scim:MaxFilterDepth)");
        }
    }

    private T Count<T>(T node)
        where T : FilterNode
    {
        if (++_nodes > _limits.MaxNodes)
        {
            throw ScimException.BadRequest(_scimType,
                $"The {What} has more than {_limits.MaxNodes} terms and operators (Scim:MaxFilterNodes).");
        }

        return node;
    }

    private ScimException Error(string what, int? at = null) =>
        ScimException.BadRequest(_scimType, $"{what} at position {(at ?? _pos) + 1}.");

    [GeneratedRegex(@"^-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?$", RegexOptions.CultureInvariant)]
    private static partial Regex JsonNumber();
}
