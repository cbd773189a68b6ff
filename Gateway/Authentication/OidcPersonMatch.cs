namespace ScimGateway.Gateway.Authentication;

/// <summary>The SCIM attribute an identity provider's claim is matched against.</summary>
public enum OidcPersonMatch
{
    /// <summary>SCIM <c>userName</c>, compared case-insensitively (Okta and Entra provision the e-mail or UPN there).</summary>
    UserName,

    /// <summary>SCIM <c>externalId</c>, compared exactly (Entra's <c>objectId</c> as <c>oid</c>, Okta's user id as <c>sub</c>).</summary>
    ExternalId,
}
