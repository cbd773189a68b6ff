using Microsoft.Extensions.Options;
using ScimGateway.Scim;
using ScimGateway.Tokens;

namespace ScimGateway.Gateway.Accounts;

/// <summary>
/// Fails the start when <c>Scim:RoleGroups</c> maps a group to something that is not a gateway role, or to Admin while
/// <c>Scim:AllowAdminRoleFromScim</c> is off (the mapping would silently do nothing).
/// </summary>
internal sealed class ScimRoleGroupsValidator : IValidateOptions<ScimOptions>
{
    public ValidateOptionsResult Validate(string? name, ScimOptions options)
    {
        var wrong = options.RoleGroups
            .Where(p => string.IsNullOrWhiteSpace(p.Key) || !RoleNames.TryParse(p.Value, out _))
            .Select(p => $"Scim:RoleGroups:{p.Key} = '{p.Value}' is not one of {string.Join(", ", Enum.GetNames<Role>())}.")
            .ToList();
        if (!options.AllowAdminRoleFromScim)
        {
            wrong.AddRange(options.RoleGroups
                .Where(p => RoleNames.TryParse(p.Value, out var role) && role == Role.Admin)
                .Select(p => $"Scim:RoleGroups:{p.Key} = '{p.Value}': SCIM may grant Admin only with Scim:AllowAdminRoleFromScim = true; set it, or map the group to Manager."));
        }

        return wrong.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(wrong);
    }
}
