namespace ScimGateway.Scim.Resources;

/// <summary>The query parameters of a list or <c>/.search</c> (RFC 7644 section 3.4.2).</summary>
public sealed record ResourceQuery(
    string? Filter = null,
    string? SortBy = null,
    string? SortOrder = null,
    int? StartIndex = null,
    int? Count = null,
    string? Attributes = null,
    string? ExcludedAttributes = null)
{
    /// <summary>
    /// RFC 7644 section 3.4.2.4: a <c>startIndex</c> below 1 means 1, a negative <c>count</c> means 0, and a
    /// <c>count</c> above the advertised maximum is capped (Okta pages with 100; nobody gets an error for asking more).
    /// </summary>
    public (int StartIndex, int Count) Paging(int maxResults)
    {
        var start = StartIndex is null or < 1 ? 1 : StartIndex.Value;
        var count = Count is null ? maxResults : Math.Clamp(Count.Value, 0, maxResults);
        return (start, count);
    }
}
