namespace ScimGateway.Tokens.Management;

/// <summary>The messages clients show, worded as the Qualytics product does.</summary>
public static class TokenMessages
{
    /// <summary>After a revoke.</summary>
    public const string Revoked = "The token has been successfully revoked";

    /// <summary>After a restore.</summary>
    public const string Restored = "The token has been successfully restored";

    /// <summary>After deleting a personal token.</summary>
    public const string UserTokenDeleted = "The User token has been successfully deleted";

    /// <summary>After deleting a service token.</summary>
    public const string ServiceTokenDeleted = "The Service token has been successfully deleted";

    /// <summary>After deleting a token whose owner is of this kind.</summary>
    public static string Deleted(OwnerKind kind) => kind == OwnerKind.Human ? UserTokenDeleted : ServiceTokenDeleted;
}
