using ScimGateway.Scim.Users;
using ScimGateway.Tokens;

namespace ScimGateway.Gateway.Cli;

/// <summary><c>users add</c>: a local human user, typically the first admin before SCIM provisioning is set up.</summary>
internal sealed class AddUserCommand(IServiceProvider services)
{
    public string Run(CommandLineArguments args)
    {
        var userName = args.Require("--user-name");
        var role = Role.Member;
        if (args.Get("--role") is { } roleName && !RoleNames.TryParse(roleName, out role))
        {
            throw new CommandLineException($"--role must be Admin, Manager or Member (got '{roleName}').");
        }

        try
        {
            var user = services.GetRequiredService<LocalUsers>().Add(userName.Trim(), role.ToString());
            return user.Id;
        }
        catch (DuplicateUserNameException)
        {
            throw new CommandLineException($"A user named '{userName}' already exists.");
        }
    }
}
