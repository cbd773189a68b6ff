namespace ScimGateway.Tokens.Format;

/// <summary>The HMAC key tokens are signed with.</summary>
public sealed class SigningKey
{
    /// <summary>Wraps key material of at least 32 bytes.</summary>
    public SigningKey(byte[] material)
    {
        ArgumentNullException.ThrowIfNull(material);
        if (material.Length < 32)
        {
            throw new ArgumentException("A signing key needs at least 32 bytes (256 bits).", nameof(material));
        }

        Material = material;
    }

    /// <summary>The raw key bytes.</summary>
    public byte[] Material { get; }
}
