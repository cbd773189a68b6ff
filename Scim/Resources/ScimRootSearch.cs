using System.Net;
using ScimGateway.Scim.Errors;

namespace ScimGateway.Scim.Resources;

/// <summary>
/// <c>POST /.search</c> at the service root (RFC 7644 section 3.4.3): Users, then Groups. A filter that names an
/// attribute only one type has searches that type only; one that fits neither is 400 <c>invalidFilter</c>.
/// </summary>
public sealed class ScimRootSearch(ScimUsers users, ScimGroups groups)
{
    /// <summary>Runs the query over both resource types, paging over the concatenation.</summary>
    public ResourcePage Search(ResourceQuery query, ScimContext context, int maxResults)
    {
        ArgumentNullException.ThrowIfNull(query);
        var (start, count) = query.Paging(maxResults);
        ScimException? failure = null;
        var userPage = TrySearch(users, query, context, ref failure);
        var userTotal = userPage?.TotalResults ?? 0;
        var remaining = count - (userPage?.Resources.Count ?? 0);
        var groupQuery = query with { StartIndex = Math.Max(1, start - userTotal), Count = Math.Max(0, remaining) };
        var groupPage = TrySearch(groups, groupQuery, context, ref failure);
        if (userPage is null && groupPage is null)
        {
            throw failure!;
        }

        var items = (userPage?.Resources ?? []).Concat(remaining > 0 ? groupPage?.Resources ?? [] : []).ToList();
        return new ResourcePage(userTotal + (groupPage?.TotalResults ?? 0), start, items);
    }

    private static ResourcePage? TrySearch(IScimResources resources, ResourceQuery query, ScimContext context, ref ScimException? failure)
    {
        try
        {
            return resources.Search(query, context);
        }
        catch (ScimException ex) when (ex.Status == HttpStatusCode.BadRequest && ex.ScimType is ScimType.InvalidFilter or ScimType.InvalidValue)
        {
            failure ??= ex; // The attribute may belong to the other resource type.
            return null;
        }
    }
}
