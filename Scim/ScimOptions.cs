using System.ComponentModel.DataAnnotations;
using ScimGateway.Scim.Discovery;
using ScimGateway.Scim.Filtering;
using ScimGateway.Scim.Patching;

namespace ScimGateway.Scim;

/// <summary>The <c>Scim</c> configuration section, validated at start.</summary>
public sealed class ScimOptions
{
    /// <summary>The configuration section name.</summary>
    public const string Section = "Scim";

    /// <summary>
    /// Read PATCH bodies as literal RFC 7644 instead of the way Microsoft Entra (without <c>aadOptscim062020</c>) and
    /// Okta send them. Off by default: Entra's gallery tenants send capitalised ops and string booleans.
    /// </summary>
    public bool StrictRfc { get; set; }

    /// <summary>Group display name (case-insensitive) to gateway role (Admin, Manager, Member); the highest role wins.</summary>
    public Dictionary<string, string> RoleGroups { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>The most resources one list or search returns (<c>count</c> is capped to it; <c>filter.maxResults</c>).</summary>
    [Range(1, 10_000)]
    public int MaxResults { get; set; } = 1000;

    /// <summary>
    /// How often, in seconds, each node delivers the provisioning events still pending: events whose delivery failed,
    /// and in cluster mode events a stopped node recorded but never delivered (taken over once its 30 s claim lapses).
    /// </summary>
    [Range(1, 3600)]
    public int OutboxSweepSeconds { get; set; } = 5;

    /// <summary>The most operations one <c>/Bulk</c> request may carry.</summary>
    [Range(1, 10_000)]
    public int BulkMaxOperations { get; set; } = 1000;

    /// <summary>The largest <c>/Bulk</c> body in bytes.</summary>
    [Range(1_024, 100 * 1_048_576)]
    public int BulkMaxPayloadSize { get; set; } = 1_048_576;

    /// <summary>
    /// What a successful PATCH of a User or a Group answers: <see cref="ScimPatchResponse.GroupsNoContent"/> (default:
    /// 204 for Groups, 200 with the user for Users), <see cref="ScimPatchResponse.NoContent"/> (204 for both) or
    /// <see cref="ScimPatchResponse.Resource"/> (200 with the resource for both). A PATCH that names
    /// <c>attributes</c> or <c>excludedAttributes</c> always answers 200 with the projected resource.
    /// </summary>
    [EnumDataType(typeof(ScimPatchResponse))]
    public ScimPatchResponse PatchResponse { get; set; } = ScimPatchResponse.GroupsNoContent;

    /// <summary>The most characters in a filter, a PATCH path, an <c>attributes</c> list or a <c>sortBy</c>.</summary>
    [Range(64, 1_048_576)]
    public int MaxFilterLength { get; set; } = FilterLimits.Default.MaxLength;

    /// <summary>The most comparisons, presence tests, <c>and</c>/<c>or</c>/<c>not</c> and value paths in one filter or PATCH path.</summary>
    [Range(1, 10_000)]
    public int MaxFilterNodes { get; set; } = FilterLimits.Default.MaxNodes;

    /// <summary>The deepest nesting of parentheses, <c>not (</c> and value filters in one filter or PATCH path.</summary>
    [Range(1, FilterLimits.DepthCeiling)]
    public int MaxFilterDepth { get; set; } = FilterLimits.Default.MaxDepth;

    /// <summary>The most names in one <c>attributes</c> or <c>excludedAttributes</c> list.</summary>
    [Range(1, 10_000)]
    public int MaxAttributeNames { get; set; } = FilterLimits.Default.MaxAttributeNames;

    /// <summary>The most operations in one PATCH request (also inside <c>/Bulk</c>).</summary>
    [Range(1, 100_000)]
    public int MaxPatchOperations { get; set; } = 1_000;

    /// <summary>
    /// Whether SCIM may make someone an Admin (through <c>roles</c> or a group that <see cref="RoleGroups"/> maps to
    /// Admin). Off by default: SCIM grants Manager and Member, and Admin comes only from the command line.
    /// </summary>
    public bool AllowAdminRoleFromScim { get; set; }

    /// <summary>The parsing bounds the <c>MaxFilter*</c> and <see cref="MaxAttributeNames"/> settings make.</summary>
    public FilterLimits FilterLimits => new(MaxFilterLength, MaxFilterNodes, MaxFilterDepth, MaxAttributeNames);

    /// <summary>The PATCH reading that <see cref="StrictRfc"/> selects, with the configured bounds.</summary>
    public PatchOptions Patch => (StrictRfc ? PatchOptions.Strict : PatchOptions.Default) with { Limits = FilterLimits, MaxOperations = MaxPatchOperations };

    /// <summary>The limits advertised in <c>/ServiceProviderConfig</c>: exactly those enforced.</summary>
    public DiscoveryOptions Discovery => new()
    {
        BulkMaxOperations = BulkMaxOperations,
        BulkMaxPayloadSize = BulkMaxPayloadSize,
        FilterMaxResults = MaxResults,
    };

    /// <summary>The role a group of this display name grants, or <see langword="null"/>.</summary>
    public string? RoleFor(string? displayName)
    {
        if (displayName is null)
        {
            return null;
        }

        foreach (var (group, role) in RoleGroups)
        {
            if (string.Equals(group, displayName, StringComparison.OrdinalIgnoreCase))
            {
                return role;
            }
        }

        return null;
    }
}
