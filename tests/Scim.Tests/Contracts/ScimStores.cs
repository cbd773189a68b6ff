using ScimGateway.Scim.Groups;
using ScimGateway.Scim.Provisioning;
using ScimGateway.Scim.Users;

namespace ScimGateway.Scim.Tests.Contracts;

/// <summary>The SCIM stores of one storage engine, over one empty database.</summary>
/// <param name="Users">The user store.</param>
/// <param name="Groups">The group store, on the same database.</param>
/// <param name="Outbox">The provisioning outbox both write to.</param>
public sealed record ScimStores(IScimUserStore Users, IScimGroupStore Groups, IProvisioningOutbox Outbox);
