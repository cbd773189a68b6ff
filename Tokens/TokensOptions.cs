using System.ComponentModel.DataAnnotations;

namespace ScimGateway.Tokens;

/// <summary>Settings of the token module, section <c>Tokens</c>.</summary>
public sealed class TokensOptions
{
    /// <summary>The configuration section.</summary>
    public const string Section = "Tokens";

    /// <summary>The <c>iss</c> claim of issued tokens.</summary>
    [Required]
    public string Issuer { get; set; } = "scimgateway";

    /// <summary>A base64 HMAC key of at least 32 bytes; when empty, a key is generated into the data directory.</summary>
    public string? SigningKey { get; set; }

    /// <summary>How often last-use times are written to the store.</summary>
    [Range(1, 3600)]
    public int UsageFlushSeconds { get; set; } = 30;
}
