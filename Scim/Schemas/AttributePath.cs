using System.Text;

namespace ScimGateway.Scim.Schemas;

/// <summary>
/// An attribute reference in the notation of RFC 7644 section 3.10: <c>[urn ":"] name ["." subAttribute]</c>.
/// Records compare by value; names compare case-sensitively, so canonicalise (see <see cref="ScimSchemaSet.Resolve(AttributePath)"/>)
/// before comparing paths that came from clients.
/// </summary>
/// <param name="Urn">The schema URN prefix, or <see langword="null"/>.</param>
/// <param name="Name">The attribute name.</param>
/// <param name="SubAttribute">The sub-attribute name, or <see langword="null"/>.</param>
public sealed record AttributePath(string? Urn, string Name, string? SubAttribute = null)
{
    /// <summary>The path without its sub-attribute.</summary>
    public AttributePath Parent => this with { SubAttribute = null };

    /// <summary>
    /// Splits a textual attribute reference. A URN contains dots (<c>2.0</c>), so the URN ends at the last colon and
    /// only the text after it is split on the first dot. Returns <see langword="null"/> for text that is not an
    /// attribute reference.
    /// </summary>
    public static AttributePath? TryParse(string text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        text = text.Trim();
        string? urn = null;
        var rest = text;
        var colon = text.LastIndexOf(':');
        if (colon >= 0)
        {
            urn = text[..colon];
            rest = text[(colon + 1)..];
            if (urn.Length == 0)
            {
                return null;
            }
        }

        var dot = rest.IndexOf('.', StringComparison.Ordinal);
        var name = dot < 0 ? rest : rest[..dot];
        var sub = dot < 0 ? null : rest[(dot + 1)..];
        if (!IsAttributeName(name) || (sub is not null && !IsAttributeName(sub)))
        {
            return null;
        }

        return new AttributePath(urn, name, sub);
    }

    /// <summary>
    /// Whether <paramref name="name"/> is an ATTRNAME of RFC 7643 section 2.1 (<c>ALPHA *(nameChar)</c>), or the
    /// reserved <c>$ref</c>.
    /// </summary>
    public static bool IsAttributeName(string name)
    {
        if (name == "$ref")
        {
            return true;
        }

        if (name.Length == 0 || !char.IsAsciiLetter(name[0]))
        {
            return false;
        }

        foreach (var c in name)
        {
            if (!char.IsAsciiLetterOrDigit(c) && c != '-' && c != '_')
            {
                return false;
            }
        }

        return true;
    }

    /// <inheritdoc />
    public override string ToString()
    {
        var sb = new StringBuilder();
        if (Urn is not null)
        {
            sb.Append(Urn).Append(':');
        }

        sb.Append(Name);
        if (SubAttribute is not null)
        {
            sb.Append('.').Append(SubAttribute);
        }

        return sb.ToString();
    }
}
