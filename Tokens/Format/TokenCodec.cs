using System.Buffers;
using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace ScimGateway.Tokens.Format;

/// <summary>
/// Writes gateway tokens as compact HS256 JWS (RFC 7515/7519) and checks their shape and signature. Hand-rolled on
/// purpose: the check runs before any database read on every cache miss, so it must be cheap and must not allocate
/// for garbage input.
/// </summary>
public sealed class TokenCodec(SigningKey key, string issuer)
{
    private static readonly byte[] s_header = Encoding.UTF8.GetBytes("""{"alg":"HS256","typ":"JWT"}""");
    private const int SignatureLength = 32;

    /// <summary>Encodes and signs a token.</summary>
    public string Encode(TokenClaims claims)
    {
        ArgumentNullException.ThrowIfNull(claims);
        using var payload = new MemoryStream();
        using (var writer = new Utf8JsonWriter(payload))
        {
            writer.WriteStartObject();
            writer.WriteString("iss", issuer);
            writer.WriteString("sub", claims.OwnerId);
            writer.WriteString("jti", claims.TokenId);
            writer.WriteNumber("iat", claims.IssuedAt.ToUnixTimeSeconds());
            if (claims.ExpiresAt is { } expiresAt)
            {
                writer.WriteNumber("exp", expiresAt.ToUnixTimeSeconds());
            }

            writer.WriteString("kind", claims.Kind);
            writer.WriteBoolean("scim", claims.ScimOnly);
            writer.WriteEndObject();
        }

        var signingInput = Base64Url.EncodeToString(s_header) + "." + Base64Url.EncodeToString(payload.ToArray());
        var signature = HMACSHA256.HashData(key.Material, Encoding.ASCII.GetBytes(signingInput));
        return signingInput + "." + Base64Url.EncodeToString(signature);
    }

    /// <summary>
    /// True when the token is a well-formed compact JWS whose signature this gateway made. Constant-time comparison;
    /// no allocation for tokens up to <see cref="TokenHash.MaxTokenLength"/> characters.
    /// </summary>
    public bool HasValidSignature(ReadOnlySpan<char> token)
    {
        if (!HasTokenShape(token))
        {
            return false;
        }

        var lastDot = token.LastIndexOf('.');
        var signingInput = token[..lastDot];
        var encodedSignature = token[(lastDot + 1)..];

        Span<byte> presented = stackalloc byte[SignatureLength + 3];
        if (Base64Url.DecodeFromChars(encodedSignature, presented, out var consumed, out var written) != OperationStatus.Done
            || consumed != encodedSignature.Length || written != SignatureLength)
        {
            return false;
        }

        byte[]? rented = null;
        var input = signingInput.Length <= 1024 ? stackalloc byte[signingInput.Length] : (rented = ArrayPool<byte>.Shared.Rent(signingInput.Length));
        try
        {
            var inputLength = Encoding.ASCII.GetBytes(signingInput, input);
            Span<byte> expected = stackalloc byte[SignatureLength];
            HMACSHA256.HashData(key.Material, input[..inputLength], expected);
            return CryptographicOperations.FixedTimeEquals(expected, presented[..SignatureLength]);
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<byte>.Shared.Return(rented);
            }
        }
    }

    /// <summary>A cheap check: bounded length, three non-empty base64url segments.</summary>
    public static bool HasTokenShape(ReadOnlySpan<char> token)
    {
        if (token.Length is < 16 or > TokenHash.MaxTokenLength)
        {
            return false;
        }

        var dots = 0;
        var segmentLength = 0;
        foreach (var c in token)
        {
            if (c == '.')
            {
                if (segmentLength == 0)
                {
                    return false;
                }

                dots++;
                segmentLength = 0;
            }
            else if (char.IsAsciiLetterOrDigit(c) || c is '-' or '_')
            {
                segmentLength++;
            }
            else
            {
                return false;
            }
        }

        return dots == 2 && segmentLength > 0;
    }
}
