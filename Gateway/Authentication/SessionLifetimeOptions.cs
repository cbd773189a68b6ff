namespace ScimGateway.Gateway.Authentication;

/// <summary>Lifetimes of a browser session, section <c>Authentication:Session</c>.</summary>
public sealed class SessionLifetimeOptions
{
    /// <summary>A session unused this long ends (sliding).</summary>
    public TimeSpan IdleTimeout { get; set; } = TimeSpan.FromHours(8);

    /// <summary>A session ends this long after sign-in, however much it is used.</summary>
    public TimeSpan AbsoluteLifetime { get; set; } = TimeSpan.FromHours(12);
}
