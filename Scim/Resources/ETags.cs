using System.Globalization;
using System.Net;
using ScimGateway.Scim.Errors;

namespace ScimGateway.Scim.Resources;

/// <summary>Weak ETags from resource versions (RFC 7644 section 3.14) and the checks of <c>If-Match</c>/<c>If-None-Match</c>.</summary>
public static class ETags
{
    /// <summary>The weak ETag of a version: <c>W/"3"</c>.</summary>
    public static string Of(long version) => $"W/\"{version.ToString(CultureInfo.InvariantCulture)}\"";

    /// <summary>Whether a header value (a list of tags, or <c>*</c>) names <paramref name="etag"/>; weak comparison.</summary>
    public static bool Matches(string? header, string etag)
    {
        if (string.IsNullOrWhiteSpace(header))
        {
            return false;
        }

        var wanted = Opaque(etag);
        foreach (var tag in header.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (tag == "*" || Opaque(tag) == wanted)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Throws 412 when an <c>If-Match</c> was sent and does not name the current version.</summary>
    public static void CheckIfMatch(string? ifMatch, long version)
    {
        if (!string.IsNullOrWhiteSpace(ifMatch) && !Matches(ifMatch, Of(version)))
        {
            throw new ScimException(HttpStatusCode.PreconditionFailed, null,
                $"The resource has changed: its version is {Of(version)}, not {ifMatch.Trim()}.");
        }
    }

    private static string Opaque(string tag)
    {
        tag = tag.Trim();
        if (tag.StartsWith("W/", StringComparison.OrdinalIgnoreCase))
        {
            tag = tag[2..];
        }

        return tag.Trim('"');
    }
}
