namespace ScimGateway.Tokens.Accounts;

/// <summary>
/// The people who own personal tokens, as the token module sees them. Tokens owns this contract so that it never
/// depends on the SCIM module; the host wires it to the SCIM user store.
/// </summary>
public interface IAccountDirectory
{
    /// <summary>Finds a person by id; null when there is none.</summary>
    AccountInfo? FindById(string id);

    /// <summary>Finds a person by user name, case-insensitively; null when there is none.</summary>
    AccountInfo? FindByUserName(string userName);
}
