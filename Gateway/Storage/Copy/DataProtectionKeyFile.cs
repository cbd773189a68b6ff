namespace ScimGateway.Gateway.Storage.Copy;

/// <summary>One key of the data-protection key ring, as the file repository keeps it (<c>keys/{FriendlyName}.xml</c>).</summary>
/// <param name="FriendlyName">The file name without <c>.xml</c>, as data protection named it.</param>
/// <param name="Xml">The key element, encrypted at rest if a certificate was configured (then nodes need that certificate too).</param>
/// <param name="CreatedAt">The file's last write time (UTC).</param>
public sealed record DataProtectionKeyFile(string FriendlyName, string Xml, DateTime CreatedAt);
