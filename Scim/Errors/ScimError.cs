using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;
using ScimGateway.Scim.Schemas;

namespace ScimGateway.Scim.Errors;

/// <summary>A SCIM error as a value (RFC 7644 section 3.12).</summary>
/// <param name="Status">The HTTP status code.</param>
/// <param name="ScimType">The <c>scimType</c> keyword (see <see cref="Errors.ScimType"/>), or <see langword="null"/>.</param>
/// <param name="Detail">A human-readable detail.</param>
public sealed record ScimError(HttpStatusCode Status, string? ScimType, string Detail)
{
    /// <summary>
    /// The wire body. <c>status</c> is a string, as RFC 7644 section 3.12 shows and Okta's and Entra's validators expect.
    /// </summary>
    public JsonObject ToJson()
    {
        var body = new JsonObject
        {
            ["schemas"] = new JsonArray(ScimUrns.Error),
            ["status"] = ((int)Status).ToString(CultureInfo.InvariantCulture),
        };
        if (ScimType is not null)
        {
            body["scimType"] = ScimType;
        }

        body["detail"] = Detail;
        return body;
    }
}
