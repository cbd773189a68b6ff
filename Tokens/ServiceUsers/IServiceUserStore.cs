namespace ScimGateway.Tokens.ServiceUsers;

/// <summary>Where service users are kept.</summary>
public interface IServiceUserStore
{
    /// <summary>Adds a service user; false when one with that id exists.</summary>
    bool TryInsert(ServiceUserRecord user);

    /// <summary>Finds a service user by id.</summary>
    ServiceUserRecord? FindById(string id);

    /// <summary>All service users, ordered by name.</summary>
    IReadOnlyList<ServiceUserRecord> List();

    /// <summary>Replaces a stored service user; false when it no longer exists.</summary>
    bool Update(ServiceUserRecord user);
}
