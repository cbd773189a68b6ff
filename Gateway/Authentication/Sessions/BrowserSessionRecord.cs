namespace ScimGateway.Gateway.Authentication.Sessions;

/// <summary>
/// The server's half of a browser session. The cookie carries only <see cref="Id"/>; ending the record ends the
/// session at the next request, even for a copy of the cookie someone else holds.
/// </summary>
public sealed class BrowserSessionRecord
{
    /// <summary>A random 128-bit id.</summary>
    public string Id { get; set; } = "";

    /// <summary>The person (SCIM user id).</summary>
    public string OwnerId { get; set; } = "";

    /// <summary>How the person signed in: <c>token</c> or <c>oidc</c>.</summary>
    public string Method { get; set; } = "";

    /// <summary>The personal token a token sign-in used: revoking it ends the session too.</summary>
    public string? TokenId { get; set; }

    /// <summary>When the session started (UTC).</summary>
    public DateTime CreatedAt { get; set; }

    /// <summary>The absolute end, however much the session is used (UTC).</summary>
    public DateTime ExpiresAt { get; set; }

    /// <summary>When the session was ended by sign-out or by the server (UTC); null while open.</summary>
    public DateTime? EndedAt { get; set; }

    /// <summary>Why it ended (<see cref="SessionEndReasons"/>).</summary>
    public string? EndReason { get; set; }
}
