namespace ScimGateway.Jobs.Tests.Storage;

public abstract partial class JobStorageFacts
{
    [Fact]
    public void Sets_ReadByScoreRangeCountAndMembership()
    {
        using var connection = Connect();
        Commit(connection, t =>
        {
            t.AddToSet("schedule", "c", 30);
            t.AddToSet("schedule", "a", 10);
            t.AddToSet("schedule", "b", 20);
            t.AddToSet("schedule", "b", 5); // same member: the score moves, no duplicate
            t.AddToSet("other", "x");
        });

        Assert.Equal(new HashSet<string> { "a", "b", "c" }, connection.GetAllItemsFromSet("schedule"));
        Assert.Equal("b", connection.GetFirstByLowestScoreFromSet("schedule", 0, 100));
        Assert.Equal("a", connection.GetFirstByLowestScoreFromSet("schedule", 6, 100));
        Assert.Null(connection.GetFirstByLowestScoreFromSet("schedule", 31, 100));
        Assert.Equal(["b", "a"], connection.GetFirstByLowestScoreFromSet("schedule", 0, 25, 10));
        Assert.Equal(["a", "c"], connection.GetRangeFromSet("schedule", 1, 2));
        Assert.Equal(3, connection.GetSetCount("schedule"));
        Assert.Equal(4, connection.GetSetCount(["schedule", "other"], 10));
        Assert.Equal(2, connection.GetSetCount(["schedule", "other"], 2));
        Assert.True(connection.GetSetContains("schedule", "c"));
        Assert.False(connection.GetSetContains("schedule", "x"));
        Assert.Empty(connection.GetAllItemsFromSet("missing"));
    }

    [Fact]
    public void Sets_RemoveMemberRemoveSetAndAddRange()
    {
        using var connection = Connect();
        Commit(connection, t =>
        {
            t.AddRangeToSet("tags", ["one", "two", "three"]);
            t.AddToSet("gone", "x");
        });

        Commit(connection, t =>
        {
            t.RemoveFromSet("tags", "two");
            t.RemoveSet("gone");
        });

        Assert.Equal(new HashSet<string> { "one", "three" }, connection.GetAllItemsFromSet("tags"));
        Assert.Equal(0, connection.GetSetCount("gone"));
    }

    [Fact]
    public void Hashes_SetReadCountAndRemove()
    {
        using var connection = Connect();
        connection.SetRangeInHash("recurring-job:a", [new("Cron", "* * * * *"), new("Queue", "default")]);
        Commit(connection, t => t.SetRangeInHash("recurring-job:a", [new("Cron", "0 * * * *"), new("Job", "payload")]));
        Commit(connection, t => t.SetRangeInHash("recurring-job:b", [new("Cron", "0 0 * * *")]));

        var entries = connection.GetAllEntriesFromHash("recurring-job:a");
        Assert.Equal(3, entries.Count);
        Assert.Equal("0 * * * *", entries["Cron"]);
        Assert.Equal("payload", connection.GetValueFromHash("recurring-job:a", "Job"));
        Assert.Null(connection.GetValueFromHash("recurring-job:a", "Missing"));
        Assert.Equal(3, connection.GetHashCount("recurring-job:a"));
        Assert.Null(connection.GetAllEntriesFromHash("recurring-job:missing"));

        Commit(connection, t => t.RemoveHash("recurring-job:a"));

        Assert.Null(connection.GetAllEntriesFromHash("recurring-job:a"));
        Assert.Equal(1, connection.GetHashCount("recurring-job:b"));
    }

    [Fact]
    public void Lists_PrependRemoveAllOccurrencesAndTrim()
    {
        using var connection = Connect();
        Commit(connection, t =>
        {
            foreach (var item in new[] { "1", "2", "x", "3", "x", "4" })
            {
                t.InsertToList("history", item);
            }
        });

        Assert.Equal(["4", "x", "3", "x", "2", "1"], connection.GetAllItemsFromList("history"));
        Commit(connection, t => t.RemoveFromList("history", "x"));
        Assert.Equal(["4", "3", "2", "1"], connection.GetAllItemsFromList("history"));
        Assert.Equal(["3", "2"], connection.GetRangeFromList("history", 1, 2));
        Assert.Equal(4, connection.GetListCount("history"));

        Commit(connection, t => t.TrimList("history", 1, 2));

        Assert.Equal(["3", "2"], connection.GetAllItemsFromList("history"));
        Assert.Empty(connection.GetAllItemsFromList("missing"));
    }

    [Fact]
    public void Counters_IncrementAndDecrement()
    {
        using var connection = Connect();
        Commit(connection, t =>
        {
            t.IncrementCounter("stats:succeeded");
            t.IncrementCounter("stats:succeeded");
            t.IncrementCounter("stats:succeeded", TimeSpan.FromDays(1));
            t.DecrementCounter("stats:succeeded");
            t.DecrementCounter("stats:failed", TimeSpan.FromDays(1));
        });

        Assert.Equal(2, connection.GetCounter("stats:succeeded"));
        Assert.Equal(-1, connection.GetCounter("stats:failed"));
        Assert.Equal(0, connection.GetCounter("stats:missing"));
    }
}
