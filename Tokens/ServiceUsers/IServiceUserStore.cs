using ScimGateway.Tokens.Audit;

namespace ScimGateway.Tokens.ServiceUsers;

/// <summary>
/// Where service users are kept. Every change carries its audit entry, committed together with it. Reads return
/// null or an empty list for what does not exist; they never throw for it.
/// </summary>
public interface IServiceUserStore
{
    /// <summary>Adds a service user and its audit entry; false, writing nothing, when one with that id exists.</summary>
    bool TryInsert(ServiceUserRecord user, AuditRecord audit);

    /// <summary>Finds a service user by id.</summary>
    ServiceUserRecord? FindById(string id);

    /// <summary>All service users, ordered by name (case-insensitive, ties by id).</summary>
    IReadOnlyList<ServiceUserRecord> List();

    /// <summary>Replaces a stored service user and appends its audit entry; false, writing nothing, when it no longer exists.</summary>
    bool Update(ServiceUserRecord user, AuditRecord audit);
}
