using Microsoft.AspNetCore.Authentication;

namespace ScimGateway.Gateway.Authentication;

/// <summary>Options of the bearer-token handler (none beyond the base ones yet).</summary>
public sealed class TokenAuthenticationOptions : AuthenticationSchemeOptions;
