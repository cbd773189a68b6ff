namespace ScimGateway.Tokens;

/// <summary>
/// The one home of the token type names: <c>personal</c> for a person's token, <c>service</c> for a service user's,
/// as the JWT, the API, the claims and the expiry webhook spell them, and the deletion message that names them.
/// </summary>
public static class TokenTypes
{
    /// <summary>A token owned by a person.</summary>
    public const string Personal = "personal";

    /// <summary>A token owned by a service user.</summary>
    public const string Service = "service";

    /// <summary>The type name of a token whose owner is of this kind.</summary>
    public static string TokenTypeName(this OwnerKind kind) => kind == OwnerKind.Human ? Personal : Service;
}
