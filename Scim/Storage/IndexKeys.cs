using System.Text;
using ScimGateway.Scim.Errors;

namespace ScimGateway.Scim.Storage;

/// <summary>
/// LiteDB index keys must stay under 1,023 bytes; a longer userName or email would fail deep in the database. Writes
/// with longer indexed values are 400 <c>invalidValue</c>, and lookups of longer values find nothing.
/// </summary>
public static class IndexKeys
{
    /// <summary>The longest indexed value in UTF-8 bytes.</summary>
    public const int MaxBytes = 800;

    /// <summary>Whether a value can be an index key.</summary>
    public static bool Fits(string? value) => value is null || Encoding.UTF8.GetByteCount(value) <= MaxBytes;

    /// <summary>Throws 400 invalidValue when an indexed attribute's value is too long.</summary>
    public static void Require(string attribute, string? value)
    {
        if (!Fits(value))
        {
            throw ScimException.BadRequest(ScimType.InvalidValue, $"'{attribute}' is too long (at most {MaxBytes} bytes).");
        }
    }
}
