using System.Xml.Linq;
using Microsoft.AspNetCore.DataProtection.Repositories;
using Npgsql;

namespace ScimGateway.Gateway.Storage.PostgreSql;

/// <summary>
/// The ASP.NET data-protection key ring in the <c>data_protection_keys</c> table, shared by every node, so a cookie or
/// antiforgery token protected by one node is read by any other. Keys are only ever added; data protection itself
/// decides which is current and when they expire.
/// </summary>
public sealed class PostgreSqlXmlRepository(NpgsqlDataSource dataSource, TimeProvider clock) : IXmlRepository
{
    /// <inheritdoc />
    public IReadOnlyCollection<XElement> GetAllElements()
    {
        using var connection = dataSource.OpenConnection();
        using var command = new NpgsqlCommand("SELECT xml FROM data_protection_keys ORDER BY id", connection);
        using var reader = command.ExecuteReader();
        var elements = new List<XElement>();
        while (reader.Read())
        {
            elements.Add(XElement.Parse(reader.GetString(0)));
        }

        return elements;
    }

    /// <inheritdoc />
    public void StoreElement(XElement element, string friendlyName)
    {
        ArgumentNullException.ThrowIfNull(element);
        using var connection = dataSource.OpenConnection();
        using var command = new NpgsqlCommand("INSERT INTO data_protection_keys (friendly_name, xml, created_at) VALUES ($1, $2, $3)", connection);
        command.Parameters.Add(new() { Value = friendlyName });
        command.Parameters.Add(new() { Value = element.ToString(SaveOptions.DisableFormatting) });
        command.Parameters.Add(new() { Value = clock.GetUtcNow() });
        command.ExecuteNonQuery();
    }
}
