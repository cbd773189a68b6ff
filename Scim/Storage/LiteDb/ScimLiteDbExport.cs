using LiteDB;
using ScimGateway.Scim.Groups;
using ScimGateway.Scim.Provisioning;
using ScimGateway.Scim.Users;

namespace ScimGateway.Scim.Storage.LiteDb;

/// <summary>Reads the SCIM collections out of the application's LiteDB database for a storage copy.</summary>
public static class ScimLiteDbExport
{
    /// <summary>
    /// Counts every collection and returns lazy readers of them. The caller holds the data directory, so nothing
    /// writes between the counts and the reads.
    /// </summary>
    public static ScimExport Read(ILiteDatabase database)
    {
        ArgumentNullException.ThrowIfNull(database);
        var users = database.GetCollection<ScimUserRecord>("scim_users");
        var groups = database.GetCollection<ScimGroupRecord>(LiteDbScimGroupStore.Groups);
        var memberships = database.GetCollection<ScimMembershipRecord>(LiteDbScimGroupStore.Memberships);
        var outbox = database.GetCollection<OutboxDocument>(LiteDbProvisioningOutbox.Collection, BsonAutoId.Int64);
        return new ScimExport
        {
            Counts = new Dictionary<string, long>(StringComparer.Ordinal)
            {
                ["scim_users"] = users.LongCount(),
                ["scim_groups"] = groups.LongCount(),
                ["scim_memberships"] = memberships.LongCount(),
                ["scim_outbox"] = outbox.LongCount(),
            },
            Users = users.FindAll(),
            Groups = groups.FindAll(),
            Memberships = memberships.FindAll(),
            Outbox = outbox.Query().OrderBy(e => e.Id).ToEnumerable()
                .Select(e => new PendingProvisioningEvent(e.Id, new ProvisioningEvent(e.Kind, e.UserId))),
        };
    }
}
