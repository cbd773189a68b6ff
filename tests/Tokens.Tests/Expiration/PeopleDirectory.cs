using ScimGateway.Tokens.Accounts;

namespace ScimGateway.Tokens.Tests.Expiration;

/// <summary>The people that own personal tokens, as the host's directory would list them.</summary>
internal sealed class PeopleDirectory : IAccountDirectory
{
    private readonly Dictionary<string, AccountInfo> _people = [];

    public void Add(string id, bool active = true) =>
        _people[id] = new AccountInfo(id, id + "@example.com", null, id + "@example.com", Role.Member, active);

    public AccountInfo? FindById(string id) => _people.GetValueOrDefault(id);

    public AccountInfo? FindByUserName(string userName) => _people.Values.FirstOrDefault(p => p.UserName == userName);
}
