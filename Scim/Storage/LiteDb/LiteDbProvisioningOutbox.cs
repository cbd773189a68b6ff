using LiteDB;
using ScimGateway.Scim.Provisioning;

namespace ScimGateway.Scim.Storage.LiteDb;

/// <summary>
/// The provisioning outbox in collection <c>scim_outbox</c> of the application's LiteDB database. The user and group
/// stores add to it inside their own transactions (<see cref="Record"/>); a delivered event is deleted.
/// </summary>
public sealed class LiteDbProvisioningOutbox : IProvisioningOutbox
{
    internal const string Collection = "scim_outbox";
    private readonly ILiteDatabase _database;
    private readonly ILiteCollection<OutboxDocument> _events;

    /// <summary>Opens the collection.</summary>
    public LiteDbProvisioningOutbox(ILiteDatabase database)
    {
        ArgumentNullException.ThrowIfNull(database);
        _database = database;
        _events = database.GetCollection<OutboxDocument>(Collection, BsonAutoId.Int64);
    }

    /// <inheritdoc />
    public IReadOnlyList<PendingProvisioningEvent> Pending(int max) =>
        max <= 0 ? [] : _events.Query().OrderBy(e => e.Id).Limit(max).ToEnumerable()
            .Select(e => new PendingProvisioningEvent(e.Id, new ProvisioningEvent(e.Kind, e.UserId))).ToList();

    /// <inheritdoc />
    public bool Complete(long sequence) => LiteDbTransaction.Run(_database, () => _events.Delete(sequence));

    /// <summary>Adds events; the caller's transaction makes them part of its change.</summary>
    internal static void Record(ILiteDatabase database, IEnumerable<ProvisioningEvent> events)
    {
        var documents = events.Select(e => new OutboxDocument { Kind = e.Kind, UserId = e.UserId }).ToList();
        if (documents.Count > 0)
        {
            database.GetCollection<OutboxDocument>(Collection, BsonAutoId.Int64).InsertBulk(documents);
        }
    }
}
