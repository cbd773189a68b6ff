namespace ScimGateway.Gateway.Authentication.Sessions;

/// <summary>
/// Why a session ended; the sign-in page turns the code (query <c>ended=</c>) into a sentence, so a person whose
/// session ended is told so instead of being silently sent back to sign in.
/// </summary>
public static class SessionEndReasons
{
    /// <summary>The idle timeout or the absolute lifetime passed.</summary>
    public const string Expired = "expired";

    /// <summary>The person signed out (here or in another tab).</summary>
    public const string SignedOut = "signed-out";

    /// <summary>The person was deactivated or deleted in the directory.</summary>
    public const string Inactive = "inactive";

    /// <summary>The token the session was started with was revoked, deleted or expired.</summary>
    public const string TokenEnded = "token";

    /// <summary>Any other end (unknown or unreadable session).</summary>
    public const string Ended = "ended";

    /// <summary>The sentence shown on the sign-in page, or null for an unknown code.</summary>
    public static string? Describe(string? code) => code switch
    {
        Expired => "Your session expired. Please sign in again.",
        SignedOut => "You have been signed out.",
        Inactive => "Your session ended because your account is no longer active in the directory.",
        TokenEnded => "Your session ended because the token you signed in with is no longer active.",
        Ended => "Your session has ended. Please sign in again.",
        _ => null,
    };
}
