namespace ScimGateway.Gateway.Observability;

/// <summary>How a proxied request ended: the <c>outcome</c> label of <c>gateway.proxy.requests</c>.</summary>
public enum ProxyOutcome
{
    /// <summary>The upstream answered; the status is the upstream's.</summary>
    Forwarded = 0,

    /// <summary>The gateway answered without forwarding (no valid token, SCIM token, gateway path, body too large).</summary>
    Refused,

    /// <summary>Forwarding failed: upstream unreachable, timed out or broke off (the gateway answered 502/503/504).</summary>
    UpstreamError,

    /// <summary>The client went away before the response was complete.</summary>
    ClientAborted,
}

/// <summary>The label values of <see cref="ProxyOutcome"/>.</summary>
public static class ProxyOutcomes
{
    /// <summary>The value of <see cref="ProxyOutcome.Forwarded"/>.</summary>
    public const string Forwarded = "forwarded";

    /// <summary>The value of <see cref="ProxyOutcome.Refused"/>.</summary>
    public const string Refused = "refused";

    /// <summary>The value of <see cref="ProxyOutcome.UpstreamError"/>.</summary>
    public const string UpstreamError = "upstream_error";

    /// <summary>The value of <see cref="ProxyOutcome.ClientAborted"/>.</summary>
    public const string ClientAborted = "client_aborted";

    /// <summary>The label value of <paramref name="outcome"/>.</summary>
    public static string Name(ProxyOutcome outcome) => outcome switch
    {
        ProxyOutcome.Forwarded => Forwarded,
        ProxyOutcome.Refused => Refused,
        ProxyOutcome.UpstreamError => UpstreamError,
        _ => ClientAborted,
    };
}
