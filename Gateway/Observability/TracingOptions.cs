namespace ScimGateway.Gateway.Observability;

/// <summary>Distributed tracing, section <c>Tracing</c>.</summary>
public sealed class TracingOptions
{
    /// <summary>The configuration section.</summary>
    public const string Section = "Tracing";

    /// <summary>
    /// Record a trace span per request (and per upstream call) and send them over OTLP when
    /// <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> (or <c>OTEL_EXPORTER_OTLP_TRACES_ENDPOINT</c>) is set. Off by default: it
    /// costs an <see cref="System.Diagnostics.Activity"/> per request. The W3C <c>traceparent</c> reaches the upstream
    /// either way (unchanged when off; with the gateway's span as parent when on).
    /// </summary>
    public bool Enabled { get; set; }
}
