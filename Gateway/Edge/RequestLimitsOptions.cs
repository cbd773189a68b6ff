using System.ComponentModel.DataAnnotations;

namespace ScimGateway.Gateway.Edge;

/// <summary>
/// Request body limits of the gateway's own endpoints, section <c>Gateway:Limits</c>. They hold for chunked bodies
/// without a <c>Content-Length</c> too: a body is read through a counter and refused with 413 as soon as it passes its
/// limit, so no endpoint buffers more than that. Proxied requests are not affected: they stream to the upstream under
/// <c>Kestrel:Limits:MaxRequestBodySize</c>. The SCIM <c>/Bulk</c> limit is <c>Scim:BulkMaxPayloadSize</c>, the
/// <c>maxPayloadSize</c> that <c>/ServiceProviderConfig</c> advertises.
/// </summary>
public sealed class RequestLimitsOptions
{
    /// <summary>The configuration section.</summary>
    public const string Section = "Gateway:Limits";

    /// <summary>Token and service-user API and any other gateway endpoint under <c>/api</c> outside SCIM (JSON bodies of a few hundred bytes).</summary>
    [Range(1_024, 16 * 1_048_576, ErrorMessage = "Gateway:Limits:ApiBodyBytes must be between 1024 and 16777216.")]
    public long ApiBodyBytes { get; set; } = 64 * 1_024;

    /// <summary>
    /// SCIM endpoints other than <c>/Bulk</c>. 16 MiB is also the SCIM module's own ceiling: an Entra or Okta PATCH
    /// that adds 50,000 group members is about 3 MB.
    /// </summary>
    [Range(1_024, 16 * 1_048_576, ErrorMessage = "Gateway:Limits:ScimBodyBytes must be between 1024 and 16777216 (the SCIM module's own ceiling).")]
    public long ScimBodyBytes { get; set; } = 16 * 1_048_576;

    /// <summary>The sign-in form (<c>POST /login</c>): a token and an antiforgery field, anonymous callers.</summary>
    [Range(1_024, 1_048_576, ErrorMessage = "Gateway:Limits:SignInFormBytes must be between 1024 and 1048576.")]
    public long SignInFormBytes { get; set; } = 16 * 1_024;

    /// <summary>Every other local request (web UI, dashboard, sign-in callbacks, requests no endpoint matched).</summary>
    [Range(1_024, 16 * 1_048_576, ErrorMessage = "Gateway:Limits:LocalBodyBytes must be between 1024 and 16777216.")]
    public long LocalBodyBytes { get; set; } = 64 * 1_024;
}
