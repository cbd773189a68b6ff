namespace ScimGateway.Gateway.Authentication;

/// <summary>
/// The logger factory the bearer-token handler is built with. <c>AuthenticationHandler</c> asks its factory for a
/// logger in its constructor and the handler is built for every request, every proxied one included; the host's
/// factory answers from a dictionary under a lock. This one answers the handler's own category from a field.
/// </summary>
internal sealed class TokenHandlerLoggerFactory(ILoggerFactory factory) : ILoggerFactory
{
    private static readonly string s_category = typeof(TokenAuthenticationHandler).FullName!;
    private readonly ILogger _handlerLogger = factory.CreateLogger(s_category);

    public ILogger CreateLogger(string categoryName) =>
        string.Equals(categoryName, s_category, StringComparison.Ordinal) ? _handlerLogger : factory.CreateLogger(categoryName);

    public void AddProvider(ILoggerProvider provider) => factory.AddProvider(provider);

    /// <summary>Nothing to release: the wrapped factory belongs to the host.</summary>
    public void Dispose()
    {
    }
}
