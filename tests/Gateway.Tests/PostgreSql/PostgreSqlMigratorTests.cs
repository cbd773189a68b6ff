using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using ScimGateway.Gateway.Storage.PostgreSql;
using ScimGateway.TestSupport.PostgreSql;

namespace ScimGateway.Gateway.Tests.PostgreSql;

/// <summary>Schema migrations on a real PostgreSQL: once under concurrency, and refused when the schema is not this node's.</summary>
public sealed class PostgreSqlMigratorTests
{
    // Plain CREATE TABLE (no IF NOT EXISTS): a script run twice fails, so a race shows as an error, not only as a count.
    private static readonly MigrationScript First = Script(1, "first", "CREATE TABLE migration_test_one (id integer PRIMARY KEY)");
    private static readonly MigrationScript Second = Script(2, "second", "CREATE TABLE migration_test_two (id integer PRIMARY KEY)");

    [PostgreSqlFact]
    public async Task Four_migrators_starting_together_apply_each_script_exactly_once()
    {
        await using var database = await PostgreSqlDatabase.CreateAsync();
        var scripts = MigrationScripts.Load(MigrationModule.All).Concat([First, Second]).ToList();

        // Separate data sources: four nodes with their own connections, released together.
        var sources = Enumerable.Range(0, 4).Select(_ => NpgsqlDataSource.Create(database.ConnectionString)).ToList();
        try
        {
            using var start = new Barrier(sources.Count);
            var runs = sources.Select(source => Task.Run(async () =>
            {
                start.SignalAndWait();
                return await Migrator(source, scripts).MigrateAsync(CancellationToken.None);
            })).ToList();
            var applied = (await Task.WhenAll(runs)).SelectMany(list => list).ToList();

            Assert.Equal(
                scripts.Select(s => (s.Module, s.Version)).Order(),
                applied.Select(s => (s.Module, s.Version)).Order());
            Assert.Equal(scripts.Count, await CountAsync(database.DataSource, "SELECT count(*) FROM schema_migrations"));
        }
        finally
        {
            foreach (var source in sources)
            {
                await source.DisposeAsync();
            }
        }
    }

    [PostgreSqlFact]
    public async Task A_second_run_applies_nothing_and_the_gateway_tables_exist()
    {
        await using var database = await PostgreSqlDatabase.CreateAsync();
        var scripts = MigrationScripts.Load(MigrationModule.All);

        var first = await Migrator(database.DataSource, scripts).MigrateAsync(CancellationToken.None);
        var second = await Migrator(database.DataSource, scripts).MigrateAsync(CancellationToken.None);

        Assert.Contains(first, s => s is { Module: "gateway", Version: 1, Name: "shared_secrets" });
        Assert.Empty(second);
        Assert.Equal(0, await CountAsync(database.DataSource, "SELECT count(*) FROM signing_keys"));
        Assert.Equal(0, await CountAsync(database.DataSource, "SELECT count(*) FROM data_protection_keys"));
    }

    [PostgreSqlFact]
    public async Task A_schema_newer_than_the_node_is_refused_with_both_versions()
    {
        await using var database = await PostgreSqlDatabase.CreateAsync();
        await Migrator(database.DataSource, [First, Second]).MigrateAsync(CancellationToken.None);

        var refused = await Assert.ThrowsAsync<SchemaMismatchException>(() => Migrator(database.DataSource, [First]).MigrateAsync(CancellationToken.None));

        Assert.Contains("'test' schema is at version 2, newer than this node knows (version 1", refused.Message, StringComparison.Ordinal);
        Assert.Contains("0002_second", refused.Message, StringComparison.Ordinal);
    }

    [PostgreSqlFact]
    public async Task A_changed_applied_script_is_refused_and_nothing_new_is_applied()
    {
        await using var database = await PostgreSqlDatabase.CreateAsync();
        await Migrator(database.DataSource, [First]).MigrateAsync(CancellationToken.None);
        var edited = Script(1, "first", "CREATE TABLE migration_test_one (id bigint PRIMARY KEY)");

        var refused = await Assert.ThrowsAsync<SchemaMismatchException>(() => Migrator(database.DataSource, [edited, Second]).MigrateAsync(CancellationToken.None));

        Assert.Contains($"0001_first was applied with checksum {First.Checksum}", refused.Message, StringComparison.Ordinal);
        Assert.Contains(edited.Checksum, refused.Message, StringComparison.Ordinal);
        Assert.Equal(1, await CountAsync(database.DataSource, "SELECT count(*) FROM schema_migrations"));
    }

    [PostgreSqlFact]
    public async Task A_failing_script_leaves_neither_its_changes_nor_its_row()
    {
        await using var database = await PostgreSqlDatabase.CreateAsync();
        var broken = Script(2, "broken", "CREATE TABLE migration_test_half (id integer); SELECT no_such_function()");

        await Assert.ThrowsAsync<PostgresException>(() => Migrator(database.DataSource, [First, broken]).MigrateAsync(CancellationToken.None));

        Assert.Equal(1, await CountAsync(database.DataSource, "SELECT count(*) FROM schema_migrations"));
        Assert.Equal(0, await CountAsync(database.DataSource, "SELECT count(*) FROM information_schema.tables WHERE table_name = 'migration_test_half'"));
    }

    [Fact]
    public void Checksums_ignore_line_endings_but_not_content()
    {
        Assert.Equal(MigrationScripts.Checksum("SELECT 1;\nSELECT 2;\n"), MigrationScripts.Checksum("SELECT 1;\r\nSELECT 2;\r\n"));
        Assert.NotEqual(MigrationScripts.Checksum("SELECT 1;"), MigrationScripts.Checksum("SELECT 2;"));
    }

    private static MigrationScript Script(int version, string name, string sql) =>
        new("test", version, name, sql, MigrationScripts.Checksum(sql));

    private static PostgreSqlMigrator Migrator(NpgsqlDataSource source, IReadOnlyList<MigrationScript> scripts) =>
        new(source, scripts, TimeProvider.System, NullLogger<PostgreSqlMigrator>.Instance);

    private static async Task<long> CountAsync(NpgsqlDataSource source, string sql)
    {
        await using var command = source.CreateCommand(sql);
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
