using Microsoft.Extensions.Options;
using ScimGateway.Scim;
using ScimGateway.Tokens;

namespace ScimGateway.Gateway.Accounts;

/// <summary>Fails the start when <c>Scim:RoleGroups</c> maps a group to something that is not a gateway role.</summary>
internal sealed class ScimRoleGroupsValidator : IValidateOptions<ScimOptions>
{
    public ValidateOptionsResult Validate(string? name, ScimOptions options)
    {
        var wrong = options.RoleGroups
            .Where(p => string.IsNullOrWhiteSpace(p.Key) || !RoleNames.TryParse(p.Value, out _))
            .Select(p => $"Scim:RoleGroups:{p.Key} = '{p.Value}' is not one of {string.Join(", ", Enum.GetNames<Role>())}.")
            .ToList();
        return wrong.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(wrong);
    }
}
