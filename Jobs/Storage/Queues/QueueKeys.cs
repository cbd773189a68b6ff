using LiteDB;

namespace ScimGateway.Jobs.Storage.Queues;

/// <summary>
/// A waiting entry's <c>Q</c> is "queue|zero-padded entry id": LiteDB orders equal index keys arbitrarily, so the id in
/// the key is what makes the first index hit the oldest entry (FIFO) without reading the whole queue.
/// </summary>
internal static class QueueKeys
{
    public static string Waiting(string queue, long entryId) =>
        $"{queue}|{entryId.ToString("D19", System.Globalization.CultureInfo.InvariantCulture)}";

    /// <summary>
    /// The <c>Q</c> of an entry a worker holds: a plain string rather than null, so the index finds held entries by an
    /// equality seek; Hangfire queue names cannot contain '~'.
    /// </summary>
    public const string Held = "~held";

    /// <summary>Entries held by workers (there are about as many as running workers).</summary>
    public static BsonExpression HeldEntries => Query.EQ("Q", Held);

    /// <summary>Waiting entries of one queue; Hangfire queue names cannot contain '|'.</summary>
    public static BsonExpression WaitingIn(string queue) => Query.StartsWith("Q", queue + "|");
}
