namespace ScimGateway.Gateway.Observability;

/// <summary>The values of the <c>outcome</c> label of <c>gateway.proxy.requests</c>.</summary>
public static class ProxyOutcomes
{
    /// <summary>The upstream answered; the status is the upstream's.</summary>
    public const string Forwarded = "forwarded";

    /// <summary>The gateway answered without forwarding (no valid token, SCIM token, gateway path, body too large).</summary>
    public const string Refused = "refused";

    /// <summary>Forwarding failed: upstream unreachable, timed out or broke off (the gateway answered 502/503/504).</summary>
    public const string UpstreamError = "upstream_error";

    /// <summary>The client went away before the response was complete.</summary>
    public const string ClientAborted = "client_aborted";
}
