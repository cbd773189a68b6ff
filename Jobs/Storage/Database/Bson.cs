using LiteDB;

namespace ScimGateway.Jobs.Storage.Database;

/// <summary>Conversions between Hangfire's string dictionaries and dates and their stored BSON form.</summary>
internal static class Bson
{
    /// <summary>Dictionaries are stored as [key, value] pairs: Hangfire keys are free text, not valid BSON field names.</summary>
    public static BsonArray ToPairs(IEnumerable<KeyValuePair<string, string?>> items) =>
        new(items.Select(p => (BsonValue)new BsonArray(p.Key, p.Value is null ? BsonValue.Null : p.Value)));

    public static Dictionary<string, string> FromPairs(BsonValue value, StringComparer comparer)
    {
        var result = new Dictionary<string, string>(comparer);
        if (value is { IsArray: true })
        {
            foreach (var pair in value.AsArray)
            {
                result[pair[0].AsString] = pair[1].IsNull ? null! : pair[1].AsString;
            }
        }

        return result;
    }

    public static DateTime? Date(BsonValue value) =>
        value is { IsDateTime: true } ? DateTime.SpecifyKind(value.AsDateTime.ToUniversalTime(), DateTimeKind.Utc) : null;

    public static BsonValue Nullable(DateTime? value) => value.HasValue ? new BsonValue(value.Value) : BsonValue.Null;

    public static BsonValue Nullable(string? value) => value is null ? BsonValue.Null : new BsonValue(value);

    public static string? String(BsonValue value) => value is { IsString: true } ? value.AsString : null;

    /// <summary>Unique member id: the key's length first, so "a|b"+"c" and "a"+"b|c" never collide.</summary>
    public static string Uid(string key, string member) => $"{key.Length}:{key}|{member}";
}
