using ScimGateway.Tokens.ServiceUsers;

namespace ScimGateway.Tokens.Accounts;

/// <summary>Finds a token's owner, whichever kind it is.</summary>
public sealed class TokenOwners(IAccountDirectory people, IServiceUserStore serviceUsers)
{
    /// <summary>The owner, or null when it no longer exists.</summary>
    public TokenOwner? Find(string id, OwnerKind kind) => kind switch
    {
        OwnerKind.Human => people.FindById(id) is { } person
            ? new TokenOwner(person.Id, OwnerKind.Human, person.UserName, person.DisplayName, person.Email, person.Role, person.Active)
            : null,
        _ => serviceUsers.FindById(id) is { } service ? FromServiceUser(service) : null,
    };

    /// <summary>Shows a service user as a token owner.</summary>
    public static TokenOwner FromServiceUser(ServiceUserRecord user)
    {
        ArgumentNullException.ThrowIfNull(user);
        return new TokenOwner(user.Id, OwnerKind.Service, user.Id, user.Name, null, user.Role, user.DeactivatedAt is null);
    }
}
