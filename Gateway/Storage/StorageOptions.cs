using System.ComponentModel.DataAnnotations;

namespace ScimGateway.Gateway.Storage;

/// <summary>Where data lives, section <c>Storage</c>.</summary>
public sealed class StorageOptions
{
    /// <summary>The configuration section.</summary>
    public const string Section = "Storage";

    /// <summary>The data directory, relative to the working directory unless absolute.</summary>
    [Required(AllowEmptyStrings = false)]
    public string DataDirectory { get; set; } = "data";
}
