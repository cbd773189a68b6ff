namespace ScimGateway.Tokens.Management;

/// <summary>Who is asking: the owner behind the presented token or browser session.</summary>
/// <param name="Id">The owner id.</param>
/// <param name="Kind">Person or service user.</param>
/// <param name="UserName">The owner's user name, for the audit trail.</param>
/// <param name="Role">The owner's role.</param>
/// <param name="ScimOnly">True when the credential is a SCIM-administration token.</param>
/// <param name="ClientAddress">The client's address, for the audit trail.</param>
public sealed record Caller(string Id, OwnerKind Kind, string UserName, Role Role, bool ScimOnly, string? ClientAddress)
{
    /// <summary>Admins manage service users, service tokens and SCIM tokens; a SCIM token is never an admin here.</summary>
    public bool IsAdmin => Role == Role.Admin && !ScimOnly;

    /// <summary>The caller used by command-line bootstrap, which runs with the server stopped.</summary>
    public static Caller CommandLine { get; } = new("cli", OwnerKind.Service, "cli", Role.Admin, false, null);
}
