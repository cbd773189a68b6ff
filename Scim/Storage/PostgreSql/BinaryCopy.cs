using Npgsql;
using NpgsqlTypes;

namespace ScimGateway.Scim.Storage.PostgreSql;

/// <summary>Binary COPY of a sequence of records into one table, for storage copies: one round trip for any number of rows.</summary>
internal static class BinaryCopy
{
    /// <summary>Writes every item as one row of <paramref name="tableAndColumns"/> (<c>table (a, b)</c>); returns the rows written.</summary>
    public static async Task<ulong> WriteAsync<T>(NpgsqlConnection connection, string tableAndColumns, IEnumerable<T> items,
        Func<NpgsqlBinaryImporter, T, CancellationToken, Task> writeRow, CancellationToken cancellationToken)
    {
        await using var importer = await connection.BeginBinaryImportAsync($"COPY {tableAndColumns} FROM STDIN (FORMAT BINARY)", cancellationToken);
        foreach (var item in items)
        {
            await importer.StartRowAsync(cancellationToken);
            await writeRow(importer, item, cancellationToken);
        }

        return await importer.CompleteAsync(cancellationToken);
    }

    /// <summary>A nullable text value.</summary>
    public static Task WriteTextAsync(NpgsqlBinaryImporter row, string? value, CancellationToken cancellationToken) =>
        value is null ? row.WriteNullAsync(cancellationToken) : row.WriteAsync(value, NpgsqlDbType.Text, cancellationToken);

    /// <summary>A timestamptz value, as UTC (LiteDB hands back UTC; an unspecified kind is taken as UTC, as the stores do).</summary>
    public static Task WriteTimeAsync(NpgsqlBinaryImporter row, DateTime value, CancellationToken cancellationToken) =>
        row.WriteAsync(PostgreSqlScim.Utc(value), NpgsqlDbType.TimestampTz, cancellationToken);
}
