namespace ScimGateway.Scim.Storage.LiteDb;

/// <summary>
/// The ids of one collection in ordinal order, kept in memory so that a page at any <c>startIndex</c> costs the same:
/// LiteDB's skip walks and loads every skipped document, which made the last of 1,000 Okta import pages
/// hundreds of times slower than the first. About 100 bytes per id.
/// </summary>
internal sealed class OrderedIds
{
    private readonly Func<IEnumerable<string>> _load;
    private readonly Lock _lock = new();
    private List<string>? _ids;

    /// <summary>Creates the list; <paramref name="load"/> reads every id once, on first use.</summary>
    public OrderedIds(Func<IEnumerable<string>> load) => _load = load;

    public int Count
    {
        get
        {
            lock (_lock)
            {
                return Ids().Count;
            }
        }
    }

    public void Add(string id)
    {
        lock (_lock)
        {
            var ids = Ids();
            if (ids.Count == 0 || string.CompareOrdinal(ids[^1], id) < 0)
            {
                ids.Add(id); // Version 7 GUIDs grow with time: the common case is an append.
                return;
            }

            var at = ids.BinarySearch(id, StringComparer.Ordinal);
            if (at < 0)
            {
                ids.Insert(~at, id);
            }
        }
    }

    public void Remove(string id)
    {
        lock (_lock)
        {
            var ids = Ids();
            var at = ids.BinarySearch(id, StringComparer.Ordinal);
            if (at >= 0)
            {
                ids.RemoveAt(at);
            }
        }
    }

    /// <summary>The ids at positions <paramref name="skip"/> .. <paramref name="skip"/> + <paramref name="take"/>.</summary>
    public IReadOnlyList<string> Slice(int skip, int take)
    {
        lock (_lock)
        {
            var ids = Ids();
            if (skip >= ids.Count || take <= 0)
            {
                return [];
            }

            return ids.GetRange(skip, Math.Min(take, ids.Count - skip));
        }
    }

    private List<string> Ids()
    {
        if (_ids is null)
        {
            var loaded = _load().ToList();
            loaded.Sort(StringComparer.Ordinal);
            _ids = loaded;
        }

        return _ids;
    }
}
