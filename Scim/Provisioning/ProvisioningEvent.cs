using ScimGateway.Scim.Users;

namespace ScimGateway.Scim.Provisioning;

/// <summary>One change to one person, recorded in the outbox by the store call that made it.</summary>
/// <param name="Kind">What happened.</param>
/// <param name="UserId">The SCIM user id.</param>
public sealed record ProvisioningEvent(ProvisioningEventKind Kind, string UserId)
{
    /// <summary>The event of replacing <paramref name="before"/> with <paramref name="after"/>.</summary>
    public static ProvisioningEvent ForUpdate(ScimUserRecord before, ScimUserRecord after)
    {
        ArgumentNullException.ThrowIfNull(before);
        ArgumentNullException.ThrowIfNull(after);
        var kind = before.Active == after.Active ? ProvisioningEventKind.Changed
            : after.Active ? ProvisioningEventKind.Reactivated
            : ProvisioningEventKind.Deactivated;
        return new(kind, after.Id);
    }

    /// <summary>A role or name change of each of <paramref name="userIds"/>, once each.</summary>
    public static IReadOnlyList<ProvisioningEvent> Changed(IEnumerable<string> userIds)
    {
        ArgumentNullException.ThrowIfNull(userIds);
        return userIds.Distinct(StringComparer.Ordinal).Select(id => new ProvisioningEvent(ProvisioningEventKind.Changed, id)).ToList();
    }
}
