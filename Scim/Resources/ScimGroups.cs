using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using ScimGateway.Scim.Errors;
using ScimGateway.Scim.Filtering;
using ScimGateway.Scim.Groups;
using ScimGateway.Scim.Patching;
using ScimGateway.Scim.Projection;
using ScimGateway.Scim.Provisioning;
using ScimGateway.Scim.Roles;
using ScimGateway.Scim.Schemas;
using ScimGateway.Scim.Storage;
using ScimGateway.Scim.Users;

namespace ScimGateway.Scim.Resources;

/// <summary>
/// The Group resource (RFC 7643 section 4.2). Members are membership records: PATCH applies member changes as set
/// operations and never loads the member list; reads load members only when the projection returns them
/// (Entra reads with <c>excludedAttributes=members</c>). Changes to role-mapped groups (<c>Scim:RoleGroups</c>)
/// record a provisioning event for each affected user in the same store call, delivered once the write lock is
/// released, so their role applies at their next request.
/// </summary>
public sealed partial class ScimGroups(
    IScimGroupStore groups,
    IScimUserStore users,
    ScimWriteGate gate,
    IOptions<ScimOptions> options,
    TimeProvider time,
    ILogger<ScimGroups> logger,
    ScimEffectiveRoles roles,
    LastAdminGuard lastAdmin) : IScimResources
{
    private const string ResourceType = "Group";

    /// <inheritdoc />
    public ScimSchemaSet Schemas => ScimSchemaSet.Group;

    /// <inheritdoc />
    public ScimResult Get(string id, AttributeProjection projection, ScimContext context)
    {
        ArgumentNullException.ThrowIfNull(projection);
        var group = groups.FindById(id) ?? throw ResourceBody.NotFound(ResourceType, id);
        return Result(200, group, projection, context);
    }

    /// <inheritdoc />
    public ResourcePage Search(ResourceQuery query, ScimContext context)
    {
        ArgumentNullException.ThrowIfNull(query);
        var projection = AttributeProjection.Parse(query.Attributes, query.ExcludedAttributes, Schemas, options.Value.FilterLimits);
        var runner = new QueryRunner<ScimGroupRecord>
        {
            Schemas = Schemas,
            Count = groups.Count,
            Page = groups.Page,
            Candidates = groups.FindCandidates,
            All = groups.All,
            IdOf = r => r.Id,
            Limits = options.Value.FilterLimits,
        };
        var withMembers = projection.Includes("members");
        return runner.Run(query, options.Value.MaxResults,
            (group, filter) => Render(group, context, withMembers || FilterMentions.Attribute(filter, "members")), projection);
    }

    /// <inheritdoc />
    public async Task<ScimResult> CreateAsync(JsonNode? body, ScimContext context, CancellationToken cancellationToken)
    {
        var (resource, members) = Canonical(body);
        return await gate.RunAsync(() =>
        {
            var now = ScimTimestamps.Now(time);
            var group = Record(Guid.CreateVersion7(time.GetUtcNow()).ToString(), resource, now, now, 1);
            EnsureNameFree(group, null);
            var types = DescribeNewMembers(group.Id, members.Added);
            var delta = new MembershipDelta(members.Added.Distinct(StringComparer.Ordinal).ToList(), []);
            groups.Insert(group,
                delta.Added.Select(id => new ScimMembershipRecord { MemberId = id, MemberType = types[id].Type, Display = types[id].Display }).ToList(),
                RoleEvents(null, group, delta, types));
            LogCreated(logger, group.Id, delta.Added.Count);
            return Result(201, group, AttributeProjection.Parse(null, null, Schemas), context);
        }, cancellationToken);
    }

    /// <inheritdoc />
    public async Task<ScimResult> ReplaceAsync(string id, JsonNode? body, string? ifMatch, ScimContext context, CancellationToken cancellationToken)
    {
        var (resource, members) = Canonical(body);
        return await gate.RunAsync(() =>
        {
            var current = groups.FindById(id) ?? throw ResourceBody.NotFound(ResourceType, id);
            ETags.CheckIfMatch(ifMatch, current.Version);

            // PUT replaces the whole resource (RFC 7644 section 3.5.1): members it does not list are removed.
            var saved = Save(current, resource, members.Added, [], replaceAll: true);
            return Result(200, saved, AttributeProjection.Parse(null, null, Schemas), context);
        }, cancellationToken);
    }

    /// <inheritdoc />
    public async Task<ScimResult> PatchAsync(
        string id, JsonNode? body, string? ifMatch, AttributeProjection projection, ScimContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(projection);
        var patch = ScimPatchRequest.Parse(body, options.Value.Patch);
        return await gate.RunAsync(() =>
        {
            var current = groups.FindById(id) ?? throw ResourceBody.NotFound(ResourceType, id);
            ETags.CheckIfMatch(ifMatch, current.Version);
            var result = PatchEngine.Apply(ResourceBody.WithId(current.Resource, id), patch.Operations, Schemas, options.Value.Patch);
            result.Resource.Remove("id");
            var members = result.Members;
            var saved = Save(current, result.Resource, members.Added, members.Removed, members.ReplaceAll);

            // 204 by default (Entra, Okta): the member list is sent back only when configured or asked for.
            return options.Value.PatchResponse == ScimPatchResponse.Resource || !projection.IsDefault
                ? Result(200, saved, projection, context)
                : new ScimResult(204, null, null, ETags.Of(saved.Version));
        }, cancellationToken);
    }

    /// <inheritdoc />
    public async Task<ScimResult> DeleteAsync(string id, string? ifMatch, CancellationToken cancellationToken)
    {
        return await gate.RunAsync(() =>
        {
            var current = groups.FindById(id) ?? throw ResourceBody.NotFound(ResourceType, id);
            ETags.CheckIfMatch(ifMatch, current.Version);
            var affected = options.Value.RoleFor(current.DisplayName) is null ? [] : UserMembers(id);
            if (GrantsAdmin(current.DisplayName))
            {
                lastAdmin.EnsureAnotherAdmin(LosingAdmin(id, affected), "delete the group that makes");
            }

            groups.Delete(id, ProvisioningEvent.Changed(affected));
            LogDeleted(logger, id);
            return new ScimResult(204, null);
        }, cancellationToken);
    }

    private (JsonObject Resource, MemberChanges Members) Canonical(JsonNode? body)
    {
        var result = ResourceBody.Canonicalize(ResourceBody.RequireObject(body), Schemas, options.Value.Patch);
        result.Resource.Remove("members");
        ResourceBody.RequireText(result.Resource, "displayName", ResourceType);
        return (result.Resource, result.Members);
    }

    private ScimGroupRecord Save(ScimGroupRecord current, JsonObject resource, IReadOnlyList<string> added, IReadOnlyCollection<string> removed, bool replaceAll)
    {
        var changed = !JsonNode.DeepEquals(JsonNode.Parse(current.Resource), resource);
        var next = changed ? Record(current.Id, resource, current.Created, current.LastModified, current.Version) : current;
        if (changed)
        {
            EnsureNameFree(next, current.Id);
        }

        if (GrantsAdmin(current.DisplayName))
        {
            // Who leaves an admin group (or every member, when it is renamed out of the Admin mapping).
            var leaving = !GrantsAdmin(next.DisplayName) ? UserMembers(current.Id)
                : replaceAll ? UserMembers(current.Id).Except(added, StringComparer.Ordinal).ToList()
                : removed.Where(id => groups.IsMember(current.Id, id)).ToList();
            lastAdmin.EnsureAnotherAdmin(LosingAdmin(current.Id, leaving), "remove from the admin group");
        }

        var types = DescribeNewMembers(current.Id, added);
        var written = false;

        // The record is written only when something changed: Entra re-adds every member after a removal, a no-op
        // that must not make a new version. Members, record, members' display and events change in one store call.
        GroupWrite? Complete(MembershipDelta delta)
        {
            if (!changed && delta.IsEmpty)
            {
                return null;
            }

            // next may be current itself (a members-only change): read the version it was at before bumping it.
            var expectedVersion = current.Version;
            next.Version = expectedVersion + 1;
            next.LastModified = ScimTimestamps.Now(time);
            written = true;
            return new GroupWrite(next, RoleEvents(current, next, delta, types)) { ExpectedVersion = expectedVersion };
        }

        MembershipDelta delta;
        try
        {
            if (added.Count == 0 && removed.Count == 0 && !replaceAll)
            {
                delta = new MembershipDelta([], []);
                if (Complete(delta) is { } write)
                {
                    if (!groups.Update(write.Record, current.Version, write.Events))
                    {
                        throw new ScimVersionConflictException($"Group '{current.Id}' was deleted by another write.");
                    }
                }
            }
            else
            {
                // A member described as present when read but absent now (removed on another node): run again from the read.
                delta = groups.ApplyMembers(current.Id, added, removed, replaceAll,
                    id => types.TryGetValue(id, out var member) ? member : throw new ScimVersionConflictException($"Member '{id}' of group '{current.Id}' changed meanwhile."),
                    Complete);
            }
        }
        catch (DuplicateGroupNameException)
        {
            throw ResourceBody.Conflict($"A group with displayName '{next.DisplayName}' already exists.");
        }

        if (!written)
        {
            return current;
        }

        LogChanged(logger, next.Id, next.Version, delta.Added.Count, delta.Removed.Count);
        return next;
    }

    /// <summary>
    /// The type and display of each member to add. An id that is neither a user nor another group is 400
    /// <c>invalidValue</c>: a membership must point at something (referential integrity), or role mappings and
    /// <c>groups</c> would be computed from ids nobody can resolve.
    /// </summary>
    private Dictionary<string, MemberInfo> DescribeNewMembers(string groupId, IReadOnlyList<string> ids)
    {
        var types = new Dictionary<string, MemberInfo>(StringComparer.Ordinal);
        foreach (var id in ids)
        {
            if (groups.IsMember(groupId, id))
            {
                continue;
            }

            types[id] = users.FindById(id) is { } user ? MemberInfo.Of(user)
                : id != groupId && groups.FindById(id) is { } group ? MemberInfo.Of(group)
                : throw ScimException.BadRequest(ScimType.InvalidValue, $"Member '{id}' is neither a user nor another group.");
        }

        return types;
    }

    private void EnsureNameFree(ScimGroupRecord group, string? ownId)
    {
        var clash = groups.FindCandidates(new FilterIndexHint("displayName", group.DisplayName, false))
            .FirstOrDefault(g => g.Id != ownId && g.DisplayNameKey == group.DisplayNameKey);
        if (clash is not null)
        {
            throw ResourceBody.Conflict($"A group with displayName '{group.DisplayName}' already exists.");
        }
    }

    /// <summary>
    /// The people whose role a change of a role-mapped group (<c>Scim:RoleGroups</c>) changes: its new and former
    /// members, or every member when it is renamed into or out of a mapping.
    /// </summary>
    private IReadOnlyList<ProvisioningEvent> RoleEvents(ScimGroupRecord? before, ScimGroupRecord after, MembershipDelta delta, Dictionary<string, MemberInfo> types)
    {
        var settings = options.Value;
        var roleBefore = before is null ? null : settings.RoleFor(before.DisplayName);
        var roleAfter = settings.RoleFor(after.DisplayName);
        if (roleBefore is null && roleAfter is null)
        {
            return [];
        }

        if (before is not null && !string.Equals(roleBefore, roleAfter, StringComparison.OrdinalIgnoreCase))
        {
            return ProvisioningEvent.Changed(UserMembers(after.Id).Concat(delta.Removed)); // renamed into or out of a mapping
        }

        return ProvisioningEvent.Changed(delta.Added.Where(id => types.GetValueOrDefault(id)?.Type == MemberTypes.User).Concat(delta.Removed));
    }

    private bool GrantsAdmin(string? displayName) =>
        options.Value.AllowAdminRoleFromScim && ScimEffectiveRoles.IsAdmin(options.Value.RoleFor(displayName));

    /// <summary>The members that are active admins now and would not be without <paramref name="groupId"/>.</summary>
    private List<string> LosingAdmin(string groupId, IEnumerable<string> memberIds) =>
        memberIds.Select(users.FindById).OfType<ScimUserRecord>()
            .Where(u => roles.IsActiveAdmin(u) && !roles.IsActiveAdmin(u, groupId))
            .Select(u => u.Id).ToList();

    private List<string> UserMembers(string groupId) =>
        groups.MembersOf(groupId).Where(m => m.MemberType == MemberTypes.User).Select(m => m.MemberId).ToList();

    private ScimResult Result(int status, ScimGroupRecord group, AttributeProjection projection, ScimContext context)
    {
        var json = projection.Apply(Render(group, context, projection.Includes("members")));
        return new ScimResult(status, json, Location(context, group.Id), ETags.Of(group.Version));
    }

    private JsonObject Render(ScimGroupRecord group, ScimContext context, bool withMembers) =>
        ResourceJson.Assemble(group.Resource, group.Id, output =>
        {
            if (withMembers)
            {
                var members = new JsonArray();
                foreach (var member in groups.MembersOf(group.Id))
                {
                    members.Add(new JsonObject
                    {
                        ["value"] = member.MemberId,
                        ["$ref"] = $"{context.BaseUrl}/{(member.MemberType == MemberTypes.Group ? "Groups" : "Users")}/{member.MemberId}",
                        ["display"] = member.Display ?? LookUpDisplay(member),
                        ["type"] = member.MemberType,
                    });
                }

                if (members.Count > 0)
                {
                    output["members"] = members;
                }
            }
        }, new ResourceMeta(ResourceType, group.Created, group.LastModified, Location(context, group.Id), group.Version));

    /// <summary>Records written before <see cref="ScimMembershipRecord.Display"/> existed: one indexed lookup each.</summary>
    private string? LookUpDisplay(ScimMembershipRecord member) => member.MemberType == MemberTypes.Group
        ? groups.FindById(member.MemberId)?.DisplayName
        : users.FindById(member.MemberId) is { } user ? MemberInfo.DisplayOf(user) : null;

    private static ScimGroupRecord Record(string id, JsonObject resource, DateTime created, DateTime lastModified, long version)
    {
        var displayName = ResourceBody.RequireText(resource, "displayName", ResourceType);
        IndexKeys.Require("displayName", ScimGroupRecord.KeyOf(displayName));
        IndexKeys.Require("externalId", resource["externalId"]?.GetValue<string>());
        return new ScimGroupRecord
        {
            Id = id,
            DisplayName = displayName,
            DisplayNameKey = ScimGroupRecord.KeyOf(displayName),
            ExternalId = resource["externalId"]?.GetValue<string>(),
            Resource = resource.ToJsonString(),
            Version = version,
            Created = created,
            LastModified = lastModified,
        };
    }

    private static string Location(ScimContext context, string id) => $"{context.BaseUrl}/Groups/{id}";
}
