using ScimGateway.Scim.Users;

namespace ScimGateway.Scim.Resources;

/// <summary>
/// Tells <see cref="IScimUserListener"/>s that users' effective roles changed because of a group: a membership
/// change of a role-mapped group, or its rename or deletion. The user store tells them of its own changes.
/// </summary>
public sealed class UserChangeNotifier(IEnumerable<IScimUserListener> listeners)
{
    /// <summary>Notifies a change for each user id.</summary>
    public void Changed(IEnumerable<string> userIds)
    {
        ArgumentNullException.ThrowIfNull(userIds);
        foreach (var id in userIds.Distinct(StringComparer.Ordinal))
        {
            foreach (var listener in listeners)
            {
                listener.UserChanged(id);
            }
        }
    }
}
