namespace ScimGateway.Tokens;

/// <summary>Who owns a token: a person provisioned through SCIM, or a service user managed by admins.</summary>
public enum OwnerKind
{
    /// <summary>A human user (a SCIM User resource).</summary>
    Human = 0,

    /// <summary>A service user, owned by the Tokens module.</summary>
    Service = 1,
}
