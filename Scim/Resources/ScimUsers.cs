using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using ScimGateway.Scim.Errors;
using ScimGateway.Scim.Filtering;
using ScimGateway.Scim.Groups;
using ScimGateway.Scim.Patching;
using ScimGateway.Scim.Projection;
using ScimGateway.Scim.Roles;
using ScimGateway.Scim.Schemas;
using ScimGateway.Scim.Storage;
using ScimGateway.Scim.Users;

namespace ScimGateway.Scim.Resources;

/// <summary>
/// The User resource (RFC 7643 section 4.1 with the Enterprise User extension): read, query, create, replace,
/// patch and delete, independent of HTTP. <c>groups</c> is derived from memberships; <c>password</c> is accepted and
/// never stored. Each change is one store call that also records a provisioning event; <see cref="ScimWriteGate"/>
/// delivers it once the write lock is released (deactivation and role changes apply to the user's tokens at their
/// next request).
/// </summary>
public sealed partial class ScimUsers(
    IScimUserStore users,
    IScimGroupStore groups,
    ScimWriteGate gate,
    IOptions<ScimOptions> options,
    TimeProvider time,
    ILogger<ScimUsers> logger,
    ScimEffectiveRoles roles,
    LastAdminGuard lastAdmin) : IScimResources
{
    private const string ResourceType = "User";

    /// <inheritdoc />
    public ScimSchemaSet Schemas => ScimSchemaSet.User;

    /// <inheritdoc />
    public ScimResult Get(string id, AttributeProjection projection, ScimContext context)
    {
        ArgumentNullException.ThrowIfNull(projection);
        var user = users.FindById(id) ?? throw ResourceBody.NotFound(ResourceType, id);
        return Result(200, user, projection, context);
    }

    /// <inheritdoc />
    public ResourcePage Search(ResourceQuery query, ScimContext context)
    {
        ArgumentNullException.ThrowIfNull(query);
        var projection = AttributeProjection.Parse(query.Attributes, query.ExcludedAttributes, Schemas, options.Value.FilterLimits);
        var runner = new QueryRunner<ScimUserRecord>
        {
            Schemas = Schemas,
            Count = users.Count,
            Page = users.Page,
            Candidates = users.FindCandidates,
            All = users.All,
            IdOf = r => r.Id,
            Limits = options.Value.FilterLimits,
        };
        var withGroups = projection.Includes("groups");
        return runner.Run(query, options.Value.MaxResults,
            (user, filter) => Render(user, context, withGroups || FilterMentions.Attribute(filter, "groups")), projection);
    }

    /// <inheritdoc />
    public async Task<ScimResult> CreateAsync(JsonNode? body, ScimContext context, CancellationToken cancellationToken)
    {
        var resource = Canonical(body);
        return await gate.RunAsync(() =>
        {
            var now = ScimTimestamps.Now(time);
            var user = ScimUserRecords.Create(Guid.CreateVersion7(time.GetUtcNow()).ToString(), resource, now, now, 1);
            try
            {
                users.Insert(user);
            }
            catch (DuplicateUserNameException)
            {
                throw ResourceBody.Conflict($"A user with userName '{user.UserName}' already exists.");
            }

            LogCreated(logger, user.Id);
            return Result(201, user, AttributeProjection.Parse(null, null, Schemas), context);
        }, cancellationToken);
    }

    /// <inheritdoc />
    public async Task<ScimResult> ReplaceAsync(string id, JsonNode? body, string? ifMatch, ScimContext context, CancellationToken cancellationToken)
    {
        var resource = Canonical(body, defaultActive: false);
        return await gate.RunAsync(() =>
        {
            var current = users.FindById(id) ?? throw ResourceBody.NotFound(ResourceType, id);
            ETags.CheckIfMatch(ifMatch, current.Version);
            RefuseLocal(current, "replaced");

            // A PUT that omits active keeps the current state: omitting it must not reactivate a deactivated person.
            resource["active"] ??= current.Active;
            var saved = Save(current, resource);
            LogReplaced(logger, id, saved.Active);
            return Result(200, saved, AttributeProjection.Parse(null, null, Schemas), context);
        }, cancellationToken);
    }

    /// <inheritdoc />
    public async Task<ScimResult> PatchAsync(
        string id, JsonNode? body, string? ifMatch, AttributeProjection projection, ScimContext context, CancellationToken cancellationToken)
    {
        var patch = ScimPatchRequest.Parse(body, options.Value.Patch);
        return await gate.RunAsync(() =>
        {
            var current = users.FindById(id) ?? throw ResourceBody.NotFound(ResourceType, id);
            ETags.CheckIfMatch(ifMatch, current.Version);
            RefuseLocal(current, "patched");
            var patched = PatchEngine.Apply(ResourceBody.WithId(current.Resource, id), patch.Operations, Schemas, options.Value.Patch).Resource;
            patched.Remove("id");
            patched.Remove("password");
            RequireActive(patched);
            var saved = Save(current, patched);
            LogPatched(logger, id, saved.Version, saved.Active);

            // RFC 7644 section 3.5.2 allows 200 with the resource or 204; 200 whenever attributes are named.
            return options.Value.PatchResponse != ScimPatchResponse.NoContent || !projection.IsDefault
                ? Result(200, saved, projection, context)
                : new ScimResult(204, null, Location(context, id), ETags.Of(saved.Version));
        }, cancellationToken);
    }

    /// <inheritdoc />
    public async Task<ScimResult> DeleteAsync(string id, string? ifMatch, CancellationToken cancellationToken)
    {
        return await gate.RunAsync(() =>
        {
            var current = users.FindById(id) ?? throw ResourceBody.NotFound(ResourceType, id);
            ETags.CheckIfMatch(ifMatch, current.Version);
            RefuseLocal(current, "deleted");
            if (roles.IsActiveAdmin(current))
            {
                lastAdmin.EnsureAnotherAdmin([id], "delete");
            }

            // One store call: the memberships go with the user, and the outbox records the deletion for the tokens.
            users.Delete(id, ScimTimestamps.Now(time));
            LogDeleted(logger, id);
            return new ScimResult(204, null);
        }, cancellationToken);
    }

    private JsonObject Canonical(JsonNode? body, bool defaultActive = true)
    {
        var resource = ResourceBody.Canonicalize(ResourceBody.RequireObject(body), Schemas, options.Value.Patch).Resource;
        ResourceBody.RequireText(resource, "userName", ResourceType);
        if (defaultActive)
        {
            resource["active"] ??= true; // A new user without active is active.
        }

        CheckIndexed(ScimUserRecords.Create("-", resource, default, default, 0));
        return resource;
    }

    /// <summary>Writes the new resource unless nothing changed; the version moves only on a real change.</summary>
    private ScimUserRecord Save(ScimUserRecord current, JsonObject resource)
    {
        if (JsonNode.DeepEquals(JsonNode.Parse(current.Resource), resource))
        {
            return current;
        }

        ResourceBody.RequireText(resource, "userName", ResourceType);
        resource["active"] ??= current.Active; // Never a reactivation by omission.
        var updated = ScimUserRecords.Create(current.Id, resource, current.Created, ScimTimestamps.Now(time), current.Version + 1);
        CheckIndexed(updated);
        if (roles.IsActiveAdmin(current) && !roles.IsActiveAdmin(updated))
        {
            lastAdmin.EnsureAnotherAdmin([current.Id], "deactivate or demote");
        }

        try
        {
            // Compare-and-set on the version read: a concurrent write on another node makes the gate run this again.
            if (!users.Update(updated, current.Version))
            {
                // Deleted meanwhile (on another node): run again from the read, which answers 404.
                throw new ScimVersionConflictException($"User '{current.Id}' was deleted by another write.");
            }
        }
        catch (DuplicateUserNameException)
        {
            throw ResourceBody.Conflict($"A user with userName '{updated.UserName}' already exists.");
        }

        return updated;
    }

    /// <summary>People added on the command line are managed there only (see <see cref="ScimUserRecord.Local"/>).</summary>
    private static void RefuseLocal(ScimUserRecord user, string change)
    {
        if (user.Local)
        {
            throw new ScimException(HttpStatusCode.Forbidden, null,
                $"User '{user.Id}' was added on the command line (users add) and is managed only there; it cannot be {change} through SCIM.");
        }
    }

    /// <summary>
    /// A PATCH may set <c>active</c> to true or false, never remove it or set it to null (or Entra's empty string):
    /// absence must never re-open access, and guessing a state would make the response and the stored state disagree.
    /// </summary>
    private static void RequireActive(JsonObject patched)
    {
        if (patched["active"] is not JsonValue value || value.GetValueKind() is not (JsonValueKind.True or JsonValueKind.False))
        {
            throw ScimException.BadRequest(ScimType.Mutability,
                "'active' cannot be removed or set to null; send true or false. Nothing was changed.");
        }
    }

    private static void CheckIndexed(ScimUserRecord user)
    {
        IndexKeys.Require("userName", user.UserNameKey);
        IndexKeys.Require("externalId", user.ExternalId);
        IndexKeys.Require("displayName", user.DisplayNameKey);
        foreach (var email in user.EmailKeys)
        {
            IndexKeys.Require("emails.value", email);
        }
    }

    private ScimResult Result(int status, ScimUserRecord user, AttributeProjection projection, ScimContext context)
    {
        var json = projection.Apply(Render(user, context, projection.Includes("groups")));
        var location = Location(context, user.Id);
        return new ScimResult(status, json, location, ETags.Of(user.Version));
    }

    private JsonObject Render(ScimUserRecord user, ScimContext context, bool withGroups) =>
        ResourceJson.Assemble(user.Resource, user.Id, output =>
        {
            FillManagerName(output);
            if (withGroups)
            {
                AddGroups(output, user.Id, context);
            }
        }, new ResourceMeta(ResourceType, user.Created, user.LastModified, Location(context, user.Id), user.Version));

    private void AddGroups(JsonObject output, string userId, ScimContext context)
    {
        var memberships = groups.GroupsOf(userId);
        if (memberships.Count == 0)
        {
            return;
        }

        var list = new JsonArray();
        foreach (var membership in memberships.OrderBy(m => m.GroupId, StringComparer.Ordinal))
        {
            var group = groups.FindById(membership.GroupId);
            list.Add(new JsonObject
            {
                ["value"] = membership.GroupId,
                ["$ref"] = $"{context.BaseUrl}/Groups/{membership.GroupId}",
                ["display"] = group?.DisplayName,
                ["type"] = "direct",
            });
        }

        output["groups"] = list;
    }

    /// <summary><c>manager.displayName</c> is readOnly and computed by the server (RFC 7643 section 4.3).</summary>
    private void FillManagerName(JsonObject output)
    {
        if (output[ScimUrns.EnterpriseUser]?["manager"] is JsonObject manager
            && manager["value"] is JsonValue value && value.GetValueKind() == JsonValueKind.String
            && users.FindById(value.GetValue<string>())?.DisplayName is { } name)
        {
            manager["displayName"] = name;
        }
    }

    private static string Location(ScimContext context, string id) => $"{context.BaseUrl}/Users/{id}";
}
