namespace ScimGateway.Gateway.CliLogin;

/// <summary>The checked parameters of <c>GET /api/cli/authorize</c>.</summary>
/// <param name="RedirectUri">The CLI's loopback callback, exactly as sent.</param>
/// <param name="State">The CLI's state, to echo back.</param>
/// <param name="Hostname">The cleaned machine name.</param>
internal sealed record CliAuthorizeRequest(string RedirectUri, string State, string Hostname)
{
    /// <summary>The request, or what is wrong with it. Each parameter may appear once.</summary>
    public static (CliAuthorizeRequest? Request, string? Error) From(IQueryCollection query)
    {
        if (Single(query, "redirect_uri") is not { } rawRedirect || LoopbackRedirectUri.Accept(rawRedirect) is not { } redirect)
        {
            return (null, "redirect_uri must be the CLI's own loopback address, http://127.0.0.1:PORT/callback (or [::1] or localhost).");
        }

        if (Single(query, "state") is not { } state || !CliState.IsAcceptable(state))
        {
            return (null, $"state is required: up to {CliState.MaxLength} URL-safe characters (letters, digits, - . _ ~).");
        }

        var hostname = query["hostname"];
        if (hostname.Count > 1)
        {
            return (null, "hostname may be given once.");
        }

        return (new CliAuthorizeRequest(redirect, state, MachineName.Clean(hostname.ToString())), null);
    }

    private static string? Single(IQueryCollection query, string name) =>
        query.TryGetValue(name, out var values) && values.Count == 1 ? values.ToString() : null;

    /// <summary>The callback with the given parameters appended (the redirect URI has no query of its own).</summary>
    public string Callback(params (string Name, string Value)[] parameters) =>
        RedirectUri + "?" + string.Join('&', parameters.Select(p => p.Name + "=" + Uri.EscapeDataString(p.Value)));
}
