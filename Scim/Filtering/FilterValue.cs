using System.Globalization;

namespace ScimGateway.Scim.Filtering;

/// <summary>A comparison value. Create with <see cref="FromText"/>, <see cref="FromNumber"/>, <see cref="FromBoolean"/>, <see cref="Null"/>.</summary>
/// <param name="Kind">The JSON kind.</param>
/// <param name="Text">The string for <see cref="FilterValueKind.Text"/>.</param>
/// <param name="Number">The number for <see cref="FilterValueKind.Number"/>.</param>
/// <param name="Boolean">The boolean for <see cref="FilterValueKind.Boolean"/>.</param>
public sealed record FilterValue(FilterValueKind Kind, string? Text, decimal Number, bool Boolean)
{
    /// <summary>The <c>null</c> value.</summary>
    public static FilterValue Null { get; } = new(FilterValueKind.Null, null, 0, false);

    /// <summary>A string value.</summary>
    public static FilterValue FromText(string text) => new(FilterValueKind.Text, text, 0, false);

    /// <summary>A number value.</summary>
    public static FilterValue FromNumber(decimal number) => new(FilterValueKind.Number, null, number, false);

    /// <summary>A boolean value.</summary>
    public static FilterValue FromBoolean(bool value) => new(FilterValueKind.Boolean, null, 0, value);

    /// <summary>
    /// The value as text for comparing against string attributes: Entra sends <c>externalId eq 5</c> without quotes.
    /// </summary>
    public string AsText() => Kind switch
    {
        FilterValueKind.Text => Text ?? "",
        FilterValueKind.Number => Number.ToString(CultureInfo.InvariantCulture),
        FilterValueKind.Boolean => Boolean ? "true" : "false",
        _ => "null",
    };
}
