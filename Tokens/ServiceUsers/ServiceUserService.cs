using ScimGateway.Tokens.Audit;
using ScimGateway.Tokens.Management;
using ScimGateway.Tokens.Storage;
using ScimGateway.Tokens.Validation;

namespace ScimGateway.Tokens.ServiceUsers;

/// <summary>Service users: create, change role and teams, deactivate, reactivate. Admins only.</summary>
public sealed class ServiceUserService(
    IServiceUserStore store,
    ITokenStore tokens,
    TokenValidationCache cache,
    AuditTrail audit,
    TimeProvider time)
{
    /// <summary>The team every service user belongs to.</summary>
    public const string PublicTeam = "Public";

    /// <summary>The longest service user name.</summary>
    public const int MaxNameLength = 255;

    /// <summary>Lists service users matching the query.</summary>
    public Outcome<IReadOnlyList<ServiceUserView>> List(Caller caller, ServiceUserQuery query)
    {
        ArgumentNullException.ThrowIfNull(query);
        if (Forbidden(caller) is { } forbidden)
        {
            return forbidden.As<IReadOnlyList<ServiceUserView>>();
        }

        var users = store.List().Where(u =>
            (query.Search is null || u.Name.Contains(query.Search, StringComparison.OrdinalIgnoreCase) || u.Id.Contains(query.Search, StringComparison.OrdinalIgnoreCase))
            && (query.Role is null || u.Role == query.Role)
            && (query.Team is null || u.Teams.Contains(query.Team, StringComparer.OrdinalIgnoreCase))
            && (query.Active is null || (u.DeactivatedAt is null) == query.Active));
        return Outcome<IReadOnlyList<ServiceUserView>>.Ok([.. users.Select(Show)]);
    }

    /// <summary>One service user.</summary>
    public Outcome<ServiceUserView> Get(Caller caller, string id)
    {
        if (Forbidden(caller) is { } forbidden)
        {
            return forbidden.As<ServiceUserView>();
        }

        return store.FindById(id) is { } user ? Outcome<ServiceUserView>.Ok(Show(user)) : NotFound(id);
    }

    /// <summary>Creates a service user; its id derives from the name.</summary>
    public Outcome<ServiceUserView> Create(Caller caller, ServiceUserRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (Forbidden(caller) is { } forbidden)
        {
            return forbidden.As<ServiceUserView>();
        }

        if (CheckName(request.Name) is { } invalid)
        {
            return Outcome<ServiceUserView>.Fail(ErrorKind.BadRequest, invalid);
        }

        var id = ServiceUserIds.FromName(request.Name!);
        if (id is null)
        {
            return Outcome<ServiceUserView>.Fail(ErrorKind.BadRequest, "name must contain at least one letter or digit.");
        }

        var now = time.GetUtcNow().UtcDateTime;
        var user = new ServiceUserRecord
        {
            Id = id,
            Name = request.Name!.Trim(),
            Role = request.Role ?? Role.Member,
            Teams = WithPublic(request.Teams),
            CreatedAt = now,
            UpdatedAt = now,
            CreatedBy = caller.Id,
        };
        var entry = audit.Entry(caller.Id, AuditActions.ServiceUserCreated, id, user.Name, caller.ClientAddress);
        if (!store.TryInsert(user, entry))
        {
            return Outcome<ServiceUserView>.Fail(ErrorKind.Conflict, $"A service user with id '{id}' already exists.");
        }

        audit.Written(entry);
        return Outcome<ServiceUserView>.Ok(Show(user));
    }

    /// <summary>Changes role and teams; the new role applies on the service user's next request.</summary>
    public Outcome<ServiceUserView> Update(Caller caller, string id, ServiceUserRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return Change(caller, id, AuditActions.ServiceUserChanged, user =>
        {
            user.Role = request.Role ?? user.Role;
            user.Teams = request.Teams is null ? user.Teams : WithPublic(request.Teams);
            return null;
        });
    }

    /// <summary>Deactivates a service user that holds no active token.</summary>
    public Outcome<ServiceUserView> Deactivate(Caller caller, string id) =>
        Change(caller, id, AuditActions.ServiceUserDeactivated, user =>
        {
            if (user.DeactivatedAt is not null)
            {
                return Outcome<ServiceUserView>.Fail(ErrorKind.Conflict, $"Service user '{id}' is already deactivated.");
            }

            var now = time.GetUtcNow();
            if (tokens.ListByOwner(user.Id).Any(t => t.StatusAt(now) == TokenStatus.Active))
            {
                return Outcome<ServiceUserView>.Fail(ErrorKind.BadRequest,
                    $"Service user '{id}' still has active tokens; revoke them before deactivating it.");
            }

            user.DeactivatedAt = now.UtcDateTime;
            return null;
        });

    /// <summary>Reactivates a deactivated service user; its unrevoked, unexpired tokens work again.</summary>
    public Outcome<ServiceUserView> Reactivate(Caller caller, string id) =>
        Change(caller, id, AuditActions.ServiceUserReactivated, user =>
        {
            if (user.DeactivatedAt is null)
            {
                return Outcome<ServiceUserView>.Fail(ErrorKind.Conflict, $"Service user '{id}' is already active.");
            }

            user.DeactivatedAt = null;
            return null;
        });

    /// <summary>Null when the name is acceptable, else what is wrong.</summary>
    public static string? CheckName(string? name) =>
        string.IsNullOrWhiteSpace(name) ? "name must not be empty."
        : name.Length > MaxNameLength ? $"name must be at most {MaxNameLength} characters (got {name.Length})."
        : null;

    private Outcome<ServiceUserView> Change(Caller caller, string id, string action, Func<ServiceUserRecord, Outcome<ServiceUserView>?> apply)
    {
        if (Forbidden(caller) is { } forbidden)
        {
            return forbidden.As<ServiceUserView>();
        }

        var user = store.FindById(id);
        if (user is null)
        {
            return NotFound(id);
        }

        if (apply(user) is { } refused)
        {
            return refused;
        }

        user.UpdatedAt = time.GetUtcNow().UtcDateTime;
        var entry = audit.Entry(caller.Id, action, user.Id, user.Name, caller.ClientAddress);
        if (!store.Update(user, entry))
        {
            return NotFound(id);
        }

        cache.EvictOwner(user.Id);
        audit.Written(entry);
        return Outcome<ServiceUserView>.Ok(Show(user));
    }

    private static Outcome<object>? Forbidden(Caller caller)
    {
        ArgumentNullException.ThrowIfNull(caller);
        return caller.IsAdmin ? null : Outcome<object>.Fail(ErrorKind.Forbidden, "Only admins can manage service users.");
    }

    private static Outcome<ServiceUserView> NotFound(string id) =>
        Outcome<ServiceUserView>.Fail(ErrorKind.NotFound, $"Service user '{id}' not found.");

    private static List<string> WithPublic(IReadOnlyList<string>? teams)
    {
        var result = new List<string> { PublicTeam };
        foreach (var team in teams ?? [])
        {
            var trimmed = team.Trim();
            if (trimmed.Length > 0 && !result.Contains(trimmed, StringComparer.OrdinalIgnoreCase))
            {
                result.Add(trimmed);
            }
        }

        return result;
    }

    private static ServiceUserView Show(ServiceUserRecord user) => new(
        user.Id,
        user.Id,
        user.Name,
        user.Role.ToString(),
        user.Teams,
        user.DeactivatedAt is null,
        Utc(user.CreatedAt),
        user.CreatedBy,
        Utc(user.UpdatedAt),
        user.DeactivatedAt is { } at ? Utc(at) : null,
        nameof(OwnerKind.Service));

    private static DateTimeOffset Utc(DateTime value) => new(DateTime.SpecifyKind(value, DateTimeKind.Utc));
}
