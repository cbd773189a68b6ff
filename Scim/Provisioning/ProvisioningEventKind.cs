namespace ScimGateway.Scim.Provisioning;

/// <summary>Which <see cref="IProvisioningEvents"/> method a <see cref="ProvisioningEvent"/> is delivered to.</summary>
public enum ProvisioningEventKind
{
    /// <summary><see cref="IProvisioningEvents.PersonChangedAsync"/>.</summary>
    Changed,

    /// <summary><see cref="IProvisioningEvents.PersonDeactivatedAsync"/>.</summary>
    Deactivated,

    /// <summary><see cref="IProvisioningEvents.PersonReactivatedAsync"/>.</summary>
    Reactivated,

    /// <summary><see cref="IProvisioningEvents.PersonDeletedAsync"/>.</summary>
    Deleted,
}
