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

    /// <summary>
    /// The id of this gateway node in usage buckets, so that several nodes can write buckets side by side.
    /// Defaults to the machine name.
    /// </summary>
    [Required(AllowEmptyStrings = false)]
    [StringLength(100)]
    public string NodeId { get; set; } = Environment.MachineName;

    /// <summary>How often in-memory usage is written to the store as per-minute buckets.</summary>
    [Range(1, 3600)]
    public int UsageFlushSeconds { get; set; } = 30;
}
