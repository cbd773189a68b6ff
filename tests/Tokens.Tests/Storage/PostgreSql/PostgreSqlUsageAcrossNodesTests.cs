using Npgsql;
using ScimGateway.Tokens.Audit;
using ScimGateway.Tokens.Storage;
using ScimGateway.Tokens.Usage;

namespace ScimGateway.Tokens.Tests.Storage.PostgreSql;

/// <summary>
/// Usage counts are exact across nodes (#13): three nodes with their own data sources on one database flush in
/// parallel, one flush is retried after a lost acknowledgement, two folds run at once, and the rollups hold exactly
/// the requests that were counted.
/// </summary>
public sealed class PostgreSqlUsageAcrossNodesTests(TokensPostgreSqlDatabase database) : IClassFixture<TokensPostgreSqlDatabase>
{
    private static readonly DateTime Noon = new(2026, 11, 28, 12, 0, 0, DateTimeKind.Utc);

    [PostgreSqlFact]
    public void Flushes_from_three_nodes_with_a_retried_flush_and_concurrent_folds_total_exactly_n()
    {
        using var setup = database.OpenEmpty();
        setup.Tokens.Insert(Token("t1"), Created("t1"));
        setup.Tokens.Insert(Token("t2"), Created("t2"));
        const int FlushesPerNode = 40;
        var nodes = Enumerable.Range(0, 3).Select(_ => NpgsqlDataSource.Create(database.ConnectionString)).ToList();
        try
        {
            var stores = nodes.Select(TokensPostgreSqlDatabase.Open).ToList();
            using var start = new Barrier(stores.Count + 1);
            var flushing = stores.Select((node, n) => Task.Factory.StartNew(() =>
            {
                start.SignalAndWait();
                var requests = 0L;
                for (var i = 0; i < FlushesPerNode; i++)
                {
                    var flushId = $"flush-{i}";
                    IReadOnlyList<UsageDelta> deltas =
                    [
                        new("t1", Noon.AddMinutes(i), 1 + n, 1, 0, Noon.AddMinutes(i), $"10.0.0.{n}"),
                        new("t2", Noon.AddMinutes(i % 3), 2, 0, 1, Noon.AddMinutes(i % 3), null),
                    ];
                    node.Usage.AddBuckets($"node-{n}", flushId, deltas);
                    requests += deltas.Sum(d => d.Requests);

                    // Node 1 loses the acknowledgement of every fifth flush and sends it again, same id, same deltas.
                    if (n == 1 && i % 5 == 0)
                    {
                        node.Usage.AddBuckets($"node-{n}", flushId, deltas);
                    }
                }

                return requests;
            }, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default)).ToList();

            // Two nodes fold while the flushes run, as if both had been told to run the rollup.
            var folding = stores.Take(2).Select(node => Task.Factory.StartNew(() =>
            {
                var folded = 0L;
                for (var i = 0; i < 20; i++)
                {
                    folded += node.Usage.Fold().Requests;
                }

                return folded;
            }, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default)).ToList();
            start.SignalAndWait();
            Task.WaitAll([.. flushing, .. folding]);
            var expected = flushing.Sum(t => t.Result);
            var foldedTotal = folding.Sum(t => t.Result) + stores[2].Usage.Fold().Requests;

            var rolledUp = new[] { "t1", "t2" }
                .SelectMany(t => setup.Usage.ReadDaily(t, Noon.Date, Noon.Date))
                .Sum(d => d.Success + d.ClientError + d.ServerError);
            Assert.Equal(expected, rolledUp);
            Assert.Equal(expected, foldedTotal);
            Assert.Equal(0, stores[0].Usage.Fold().Buckets);
            Assert.Equal(Noon.AddMinutes(FlushesPerNode - 1), setup.Tokens.FindById("t1")!.LastUsedAt);
        }
        finally
        {
            foreach (var node in nodes)
            {
                node.Dispose();
            }
        }
    }

    private static TokenRecord Token(string id) => new()
    {
        Id = id,
        Hash = "hash-" + id,
        Name = id,
        OwnerId = "owner",
        OwnerNameKey = TokenRecord.MakeOwnerNameKey("owner", id),
        CreatedAt = Noon,
        CreatedBy = "owner",
    };

    private static AuditRecord Created(string target) => new() { At = Noon, Actor = "tester", Action = "token.created", Target = target };
}
