using System.Buffers;
using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace ScimGateway.Tokens.Format;

/// <summary>
/// The SHA-256 of a whole token: the only form in which a token is stored or used as a key. A value type of four
/// 64-bit words so that the validation cache can look it up without allocating.
/// </summary>
public readonly record struct TokenHash(ulong A, ulong B, ulong C, ulong D)
{
    /// <summary>The longest token the hash is computed for on the stack; longer ones are rejected before hashing.</summary>
    public const int MaxTokenLength = 4096;

    /// <summary>Hashes the UTF-8 bytes of a token without allocating for tokens up to <see cref="MaxTokenLength"/>.</summary>
    public static TokenHash Compute(ReadOnlySpan<char> token)
    {
        var byteCount = Encoding.UTF8.GetMaxByteCount(token.Length);
        byte[]? rented = null;
        var buffer = byteCount <= 1024 ? stackalloc byte[byteCount] : (rented = ArrayPool<byte>.Shared.Rent(byteCount));
        try
        {
            var written = Encoding.UTF8.GetBytes(token, buffer);
            Span<byte> digest = stackalloc byte[SHA256.HashSizeInBytes];
            SHA256.HashData(buffer[..written], digest);
            return new TokenHash(
                BinaryPrimitives.ReadUInt64BigEndian(digest),
                BinaryPrimitives.ReadUInt64BigEndian(digest[8..]),
                BinaryPrimitives.ReadUInt64BigEndian(digest[16..]),
                BinaryPrimitives.ReadUInt64BigEndian(digest[24..]));
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<byte>.Shared.Return(rented);
            }
        }
    }

    /// <summary>Lower-case hex, as stored.</summary>
    public string ToHex() => string.Create(64, this, static (span, hash) =>
    {
        hash.A.TryFormat(span, out _, "x16");
        hash.B.TryFormat(span[16..], out _, "x16");
        hash.C.TryFormat(span[32..], out _, "x16");
        hash.D.TryFormat(span[48..], out _, "x16");
    });

    /// <summary>The first eight hex digits: enough to tell tokens apart in a log line, useless to an attacker.</summary>
    public string Prefix => (A >> 32).ToString("x8", System.Globalization.CultureInfo.InvariantCulture);
}
