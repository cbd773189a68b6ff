using Microsoft.Extensions.Logging;

namespace ScimGateway.Tokens.Audit;

/// <summary>
/// Builds, stores and logs token and service-user events. A change that carries an entry hands it to its own store
/// call (so both commit together) and calls <see cref="Written"/> afterwards; an event that stands alone goes through
/// <see cref="Record"/>.
/// </summary>
public sealed partial class AuditTrail(IAuditStore store, TimeProvider time, ILogger<AuditTrail> logger)
{
    /// <summary>An entry stamped with the current time, not yet stored.</summary>
    public AuditRecord Entry(string actor, string action, string target, string? detail = null, string? clientAddress = null,
        string? actorKind = null, string? actorRole = null) => new()
        {
            At = time.GetUtcNow().UtcDateTime,
            Actor = actor,
            ActorKind = actorKind,
            ActorRole = actorRole,
            Action = action,
            Target = target,
            Detail = detail,
            ClientAddress = clientAddress,
        };

    /// <summary>Logs an entry that a store call has just written.</summary>
    public void Written(AuditRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        LogEvent(logger, record.Action, record.Target, record.Actor, record.ClientAddress ?? "-");
    }

    /// <summary>Stores and logs an event that goes with no other change.</summary>
    public void Record(string actor, string action, string target, string? detail = null, string? clientAddress = null,
        string? actorKind = null, string? actorRole = null)
    {
        var record = Entry(actor, action, target, detail, clientAddress, actorKind, actorRole);
        store.Append(record);
        Written(record);
    }

    /// <summary>Reads one page, newest first.</summary>
    public AuditPage Read(int page, int pageSize) => store.ReadPage(page, pageSize);

    /// <summary>Every record with the given action and target, oldest first.</summary>
    public IReadOnlyList<AuditRecord> Find(string action, string target) => store.Find(action, target);

    [LoggerMessage(EventId = 1100, Level = LogLevel.Information, Message = "Audit: {Action} on {Target} by {Actor} from {ClientAddress}.")]
    private static partial void LogEvent(ILogger logger, string action, string target, string actor, string clientAddress);
}
