using System.Text;

namespace ScimGateway.Gateway.Tests.Hardening;

/// <summary>
/// Hostile SCIM filters, PATCH paths, attribute lists, bearer tokens and request targets: the shapes that have taken
/// servers like this one down (deep nesting, long chains, huge lists) plus seeded random noise built from the grammar's
/// own tokens, so the noise reaches deep into the parsers instead of failing on the first character.
/// </summary>
public sealed class HostileInputs(int seed)
{
    private static readonly string[] FilterTokens =
    [
        "(", ")", "(", ")", "not", "and", "or", " ", " ", "userName", "emails", "emails[", "]", "[", ".", "value",
        "type", "eq", "ne", "co", "sw", "pr", "gt", "le", "\"x\"", "\"", "\\\"", "1", "-1e309", "true", "null",
        "meta.lastModified", "urn:ietf:params:scim:schemas:core:2.0:User:", "members", "$ref", "\u0000", "\u202e",
        "\ud83d\ude00", "'", ",", "%", "\\",
    ];

    private readonly Random _random = new(seed);

    public static string OrChain(int terms) => Chain(terms, " or ");

    public static string AndChain(int terms) => Chain(terms, " and ");

    public static string DeepParentheses(int depth) => new string('(', depth) + "userName eq \"a\"" + new string(')', depth);

    public static string NotChain(int depth)
    {
        var text = new StringBuilder();
        for (var i = 0; i < depth; i++)
        {
            text.Append("not (");
        }

        text.Append("userName eq \"a\"");
        return text.Append(')', depth).ToString();
    }

    public static string NestedValuePaths(int depth)
    {
        var text = new StringBuilder();
        for (var i = 0; i < depth; i++)
        {
            text.Append("emails[value eq \"a\" or ");
        }

        text.Append("type eq \"b\"");
        return text.Append(']', depth).ToString();
    }

    public static string ValuePathWithChain(int terms) => "emails[" + Chain(terms, " or ", "value") + "].value";

    public static string AttributeList(int names) => string.Join(",", Enumerable.Range(0, names).Select(i => $"name.givenName{i}"));

    /// <summary>A random filter-shaped string of up to <paramref name="maxTokens"/> grammar tokens.</summary>
    public string RandomFilter(int maxTokens)
    {
        var count = _random.Next(1, maxTokens);
        var text = new StringBuilder();
        for (var i = 0; i < count; i++)
        {
            text.Append(FilterTokens[_random.Next(FilterTokens.Length)]);
        }

        return text.ToString();
    }

    /// <summary>A random string of raw characters, control characters and surrogate halves included.</summary>
    public string RandomText(int maxLength)
    {
        var chars = new char[_random.Next(0, maxLength)];
        for (var i = 0; i < chars.Length; i++)
        {
            chars[i] = (char)_random.Next(0, 0xFFFF);
        }

        return new string(chars);
    }

    /// <summary>Something a client might put after "Bearer ": JWT-shaped, truncated, padded, binary, huge.</summary>
    public string RandomBearer(string validToken)
    {
        var parts = validToken.Split('.');
        return _random.Next(8) switch
        {
            0 => RandomAscii(_random.Next(0, 4096)),
            1 => string.Join('.', parts[0], parts[1], RandomAscii(43)),
            2 => string.Join('.', "eyJhbGciOiJub25lIn0", parts[1], ""),
            3 => validToken[.._random.Next(1, validToken.Length)],
            4 => validToken + RandomAscii(_random.Next(1, 16)),
            5 => string.Join('.', Enumerable.Repeat(parts[1], _random.Next(2, 200))),
            6 => Convert.ToBase64String(Encoding.UTF8.GetBytes(RandomFilter(50))),
            _ => string.Join('.', RandomAscii(_random.Next(1, 200)), RandomAscii(_random.Next(1, 2000)), RandomAscii(_random.Next(1, 100))),
        };
    }

    private string RandomAscii(int length)
    {
        const string alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_=+/.!~";
        var chars = new char[length];
        for (var i = 0; i < length; i++)
        {
            chars[i] = alphabet[_random.Next(alphabet.Length)];
        }

        return new string(chars);
    }

    private static string Chain(int terms, string separator, string attribute = "userName")
    {
        var text = new StringBuilder(terms * 24);
        for (var i = 0; i < terms; i++)
        {
            if (i > 0)
            {
                text.Append(separator);
            }

            text.Append(attribute).Append(" eq \"u").Append(i).Append('"');
        }

        return text.ToString();
    }
}
