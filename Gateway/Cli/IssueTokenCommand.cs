using System.Globalization;
using ScimGateway.Gateway.Authentication;
using ScimGateway.Tokens;
using ScimGateway.Tokens.Accounts;
using ScimGateway.Tokens.Management;
using ScimGateway.Tokens.ServiceUsers;

namespace ScimGateway.Gateway.Cli;

/// <summary><c>tokens issue</c>: a service token (creating the service user if needed) or a personal token.</summary>
internal sealed class IssueTokenCommand(IServiceProvider services)
{
    /// <summary>Without <c>--expires-in-days</c>, bootstrap tokens last 90 days, the product's longest short option.</summary>
    private const int DefaultExpiresInDays = 90;

    public string Run(CommandLineArguments args)
    {
        var name = args.Require("--name");
        var request = new IssueTokenRequest(name, ParseExpiry(args.Get("--expires-in-days")), args.Has("--scim"), null);
        var owner = args.Get("--service-user") is { } serviceUser ? EnsureServiceUser(serviceUser, args.Get("--role"))
            : args.Get("--user") is { } userName ? FindUser(userName)
            : throw new CommandLineException("Give --service-user NAME or --user USERNAME.");

        var issued = services.GetRequiredService<TokenService>().IssueFor(owner, request, GatewayPrincipal.CommandLine.ToCaller(null));
        return issued.Succeeded ? issued.Value!.BearerToken : throw new CommandLineException(issued.Message!);
    }

    private TokenOwner EnsureServiceUser(string name, string? roleName)
    {
        var role = Role.Member;
        if (roleName is not null && !RoleNames.TryParse(roleName, out role))
        {
            throw new CommandLineException($"--role must be Admin, Manager or Member (got '{roleName}').");
        }

        var id = ServiceUserIds.FromName(name) ?? throw new CommandLineException("--service-user must contain a letter or digit.");
        var store = services.GetRequiredService<IServiceUserStore>();
        if (store.FindById(id) is { } existing)
        {
            return existing.DeactivatedAt is null
                ? TokenOwners.FromServiceUser(existing)
                : throw new CommandLineException($"Service user '{id}' is deactivated.");
        }

        var created = services.GetRequiredService<ServiceUserService>().Create(GatewayPrincipal.CommandLine.ToCaller(null), new ServiceUserRequest(name, role, null));
        return created.Succeeded
            ? TokenOwners.FromServiceUser(store.FindById(created.Value!.Id)!)
            : throw new CommandLineException(created.Message!);
    }

    private TokenOwner FindUser(string userName)
    {
        var account = services.GetRequiredService<IAccountDirectory>().FindByUserName(userName)
            ?? throw new CommandLineException($"No user named '{userName}'. Add one with: users add --user-name {userName}");
        return new TokenOwner(account.Id, OwnerKind.Human, account.UserName, account.DisplayName, account.Email, account.Role, account.Active);
    }

    private static int? ParseExpiry(string? value) => value switch
    {
        null => DefaultExpiresInDays,
        "never" => null,
        _ when int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var days) && TokenRules.CheckExpiresInDays(days) is null => days,
        _ => throw new CommandLineException($"--expires-in-days must be 1 to 365 or 'never' (got '{value}')."),
    };
}
