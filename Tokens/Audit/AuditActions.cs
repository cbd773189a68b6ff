namespace ScimGateway.Tokens.Audit;

/// <summary>The actions the audit trail records.</summary>
public static class AuditActions
{
    /// <summary>A token was created.</summary>
    public const string TokenCreated = "token.created";

    /// <summary>A token was revoked.</summary>
    public const string TokenRevoked = "token.revoked";

    /// <summary>A revoked token was restored.</summary>
    public const string TokenRestored = "token.restored";

    /// <summary>A token was deleted.</summary>
    public const string TokenDeleted = "token.deleted";

    /// <summary>A person approved CLI sign-in (<c>qualytics auth login</c>) and the new token went to the CLI; follows its <see cref="TokenCreated"/>.</summary>
    public const string TokenIssuedToCli = "token.issued_to_cli";

    /// <summary>A token passed its expiration.</summary>
    public const string TokenExpired = "token.expired";

    /// <summary>A service user was created.</summary>
    public const string ServiceUserCreated = "service_user.created";

    /// <summary>A service user's role or teams changed.</summary>
    public const string ServiceUserChanged = "service_user.changed";

    /// <summary>A service user was deactivated.</summary>
    public const string ServiceUserDeactivated = "service_user.deactivated";

    /// <summary>A service user was reactivated.</summary>
    public const string ServiceUserReactivated = "service_user.reactivated";
}
