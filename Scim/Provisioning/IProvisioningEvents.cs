namespace ScimGateway.Scim.Provisioning;

/// <summary>
/// What provisioning changed about a person, for the modules that act on it (the gateway wires it to the token
/// module). The SCIM module owns this port and knows nothing of its implementations. Calls come after the SCIM write
/// is committed and SCIM's write lock is released, at least once: after a crash they are repeated at the next start,
/// so every method must be idempotent (deleting tokens already deleted, evicting twice).
/// </summary>
public interface IProvisioningEvents
{
    /// <summary>The person was deactivated: their access must end at their next request.</summary>
    Task PersonDeactivatedAsync(string userId, CancellationToken cancellationToken);

    /// <summary>The person was reactivated.</summary>
    Task PersonReactivatedAsync(string userId, CancellationToken cancellationToken);

    /// <summary>The person's name, email or roles changed (their own or through a role-mapped group).</summary>
    Task PersonChangedAsync(string userId, CancellationToken cancellationToken);

    /// <summary>The person was deleted: everything they own goes.</summary>
    Task PersonDeletedAsync(string userId, CancellationToken cancellationToken);
}
