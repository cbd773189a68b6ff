using Microsoft.AspNetCore.Authorization;

namespace ScimGateway.Gateway.Authentication;

/// <summary>
/// An authenticated caller on the right side of the SCIM-only rule (<see cref="ScimOnlyRule"/>): SCIM-administration
/// tokens on the SCIM endpoints, every other credential everywhere else. One requirement that is its own handler,
/// instead of ASP.NET Core's "authenticated user" requirement plus an assertion: every proxied request is authorized
/// against it, and the pair cost two handler passes, each with its own enumeration of the requirements.
/// </summary>
/// <param name="ScimEndpoint">True for the SCIM endpoints' policy.</param>
internal sealed record GatewayCallerRequirement(bool ScimEndpoint) : IAuthorizationRequirement, IAuthorizationHandler
{
    /// <summary>
    /// Succeeds only for an authenticated primary identity (the one the gateway's handlers write); anything else,
    /// a missing identity included, leaves the requirement unmet and the policy fails.
    /// </summary>
    public Task HandleAsync(AuthorizationHandlerContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.User.Identity?.IsAuthenticated == true && ScimOnlyRule.Allows(context.User, ScimEndpoint))
        {
            context.Succeed(this);
        }

        return Task.CompletedTask;
    }
}
