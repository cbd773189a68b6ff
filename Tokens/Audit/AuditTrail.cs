using LiteDB;
using Microsoft.Extensions.Logging;

namespace ScimGateway.Tokens.Audit;

/// <summary>Stores and logs token and service-user events.</summary>
public sealed partial class AuditTrail
{
    private readonly ILiteCollection<AuditRecord> _records;
    private readonly TimeProvider _time;
    private readonly ILogger<AuditTrail> _logger;

    /// <summary>Opens the <c>audit</c> collection.</summary>
    public AuditTrail(ILiteDatabase database, TimeProvider time, ILogger<AuditTrail> logger)
    {
        ArgumentNullException.ThrowIfNull(database);
        _records = database.GetCollection<AuditRecord>("audit");
        _records.EnsureIndex(r => r.At);
        _time = time;
        _logger = logger;
    }

    /// <summary>Records an event.</summary>
    public void Record(string actor, string action, string target, string? detail = null, string? clientAddress = null,
        string? actorKind = null, string? actorRole = null)
    {
        var record = new AuditRecord
        {
            At = _time.GetUtcNow().UtcDateTime,
            Actor = actor,
            ActorKind = actorKind,
            ActorRole = actorRole,
            Action = action,
            Target = target,
            Detail = detail,
            ClientAddress = clientAddress,
        };
        _records.Insert(record);
        LogEvent(_logger, action, target, actor, clientAddress ?? "-");
    }

    /// <summary>Reads one page, newest first.</summary>
    public AuditPage Read(int page, int pageSize)
    {
        var total = _records.Count();
        var items = _records.Query().OrderByDescending(r => r.Id).Skip((page - 1) * pageSize).Limit(pageSize).ToList();
        return new AuditPage(items, total, page, pageSize);
    }

    /// <summary>Every record with the given action and target, oldest first. Used by tests and jobs.</summary>
    public IReadOnlyList<AuditRecord> Find(string action, string target) =>
        [.. _records.Find(r => r.Action == action && r.Target == target).OrderBy(r => r.Id)];

    /// <summary>Deletes records older than <paramref name="before"/> (UTC); returns how many.</summary>
    public int PruneBefore(DateTime before) => _records.DeleteMany(r => r.At < before);

    [LoggerMessage(EventId = 1100, Level = LogLevel.Information, Message = "Audit: {Action} on {Target} by {Actor} from {ClientAddress}.")]
    private static partial void LogEvent(ILogger logger, string action, string target, string actor, string clientAddress);
}
