namespace ScimGateway.Gateway.Authentication;

/// <summary>How a caller proved who they are; carried on the principal so that rules can tell the ways apart.</summary>
public enum CallerAuthentication
{
    /// <summary>An <c>Authorization: Bearer</c> gateway token.</summary>
    BearerToken = 0,

    /// <summary>A browser session cookie (signed in with a personal token or with the identity provider).</summary>
    BrowserSession = 1,

    /// <summary>The command line, which runs with the server stopped and acts as an operator.</summary>
    CommandLine = 2,
}
