using ScimGateway.Tokens;

namespace ScimGateway.Gateway.Proxy;

/// <summary>Header values for the identity headers, without allocating for the common case.</summary>
internal static class HeaderValues
{
    public static string For(Role role) => role switch
    {
        Role.Admin => "Admin",
        Role.Manager => "Manager",
        _ => "Member",
    };

    public static string For(OwnerKind kind) => kind == OwnerKind.Service ? "Service" : "Human";

    /// <summary>
    /// HTTP header values are ASCII on the wire and a CR or LF would split the header, so a value with anything other
    /// than visible ASCII (or with a '%', which would make decoding ambiguous) is sent percent-encoded as UTF-8. The
    /// upstream can percent-decode every value: for the usual e-mail-like user names that is a no-op.
    /// </summary>
    public static string Safe(string value)
    {
        foreach (var c in value)
        {
            if (c is < '\x21' or > '\x7E' or '%')
            {
                return Uri.EscapeDataString(value);
            }
        }

        return value;
    }
}
