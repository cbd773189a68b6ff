using System.ComponentModel.DataAnnotations;

namespace ScimGateway.Gateway.Hosting;

/// <summary>
/// The address clients reach the gateway at, <c>Gateway:PublicBaseUrl</c> (for example
/// <c>https://gateway.example.com</c>). Absolute URLs the gateway writes (SCIM <c>meta.location</c>, <c>Location</c>
/// on 201) start with it, and requests are treated as addressed to its host, so a forged <c>Host</c> header never
/// reaches a response. When unset, the server's own listen address is used (with a warning at start).
/// </summary>
public sealed class PublicUrlSettings : IValidatableObject
{
    /// <summary>The configuration section.</summary>
    public const string Section = "Gateway";

    /// <summary>An absolute http or https URL, optionally with a path, without query, fragment or user info.</summary>
    public string? PublicBaseUrl { get; set; }

    /// <summary>The validated URL without a trailing slash, or null when unset.</summary>
    public Uri? Parsed() => string.IsNullOrWhiteSpace(PublicBaseUrl) ? null : new Uri(PublicBaseUrl.Trim().TrimEnd('/'), UriKind.Absolute);

    /// <inheritdoc />
    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (string.IsNullOrWhiteSpace(PublicBaseUrl))
        {
            yield break;
        }

        var text = PublicBaseUrl.Trim();
        if (!Uri.TryCreate(text, UriKind.Absolute, out var url) || (url.Scheme != Uri.UriSchemeHttp && url.Scheme != Uri.UriSchemeHttps))
        {
            yield return new ValidationResult($"Gateway:PublicBaseUrl must be an absolute http or https URL (got '{text}').", [nameof(PublicBaseUrl)]);
        }
        else if (url.Query.Length > 0 || url.Fragment.Length > 0 || text.Contains('?', StringComparison.Ordinal) || text.Contains('#', StringComparison.Ordinal))
        {
            yield return new ValidationResult($"Gateway:PublicBaseUrl must not have a query or fragment (got '{text}').", [nameof(PublicBaseUrl)]);
        }
        else if (url.UserInfo.Length > 0)
        {
            yield return new ValidationResult("Gateway:PublicBaseUrl must not contain user information.", [nameof(PublicBaseUrl)]);
        }
    }
}
