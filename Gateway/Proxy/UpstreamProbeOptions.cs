using System.ComponentModel.DataAnnotations;

namespace ScimGateway.Gateway.Proxy;

/// <summary>The upstream reachability probe of <c>/healthz</c>, section <c>Gateway:UpstreamProbe</c>.</summary>
public sealed class UpstreamProbeOptions
{
    /// <summary>How long one TCP connect to the upstream may take before it counts as unreachable.</summary>
    [Range(typeof(TimeSpan), "00:00:00.050", "00:00:30")]
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>How long a probe result is reused, so that frequent health checks do not hammer the upstream.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:10:00")]
    public TimeSpan CacheDuration { get; set; } = TimeSpan.FromSeconds(5);
}
