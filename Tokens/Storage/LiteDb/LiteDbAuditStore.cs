using LiteDB;
using ScimGateway.Tokens.Audit;

namespace ScimGateway.Tokens.Storage.LiteDb;

/// <summary>The audit trail in the application's LiteDB database, collection <c>audit</c>, ids from LiteDB's auto-increment.</summary>
public sealed class LiteDbAuditStore : IAuditStore
{
    private readonly ILiteCollection<AuditRecord> _records;

    /// <summary>Opens the collection.</summary>
    public LiteDbAuditStore(ILiteDatabase database)
    {
        ArgumentNullException.ThrowIfNull(database);
        _records = LiteDbCollections.AuditOf(database);
    }

    /// <inheritdoc />
    public void Append(AuditRecord record) => _records.Insert(record);

    /// <inheritdoc />
    public AuditPage ReadPage(int page, int pageSize)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(page, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(pageSize, 1);
        var total = _records.Count();
        var items = _records.Query().OrderByDescending(r => r.Id).Skip((page - 1) * pageSize).Limit(pageSize).ToList();
        return new AuditPage(items, total, page, pageSize);
    }

    /// <inheritdoc />
    public IReadOnlyList<AuditRecord> Find(string action, string target) =>
        [.. _records.Find(r => r.Action == action && r.Target == target).OrderBy(r => r.Id)];

    /// <inheritdoc />
    public int PruneBefore(DateTime before) => _records.DeleteMany(r => r.At < before);
}
