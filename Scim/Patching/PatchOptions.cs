namespace ScimGateway.Scim.Patching;

/// <summary>
/// How literally the PATCH engine reads RFC 7644. The default serves Microsoft Entra and Okta; every difference that
/// <see cref="StrictRfc"/> switches is listed in <c>Scim/COMPAT-NOTES.md</c>.
/// </summary>
public sealed record PatchOptions
{
    /// <summary>The lenient defaults that work with Entra (with or without <c>aadOptscim062020</c>) and Okta.</summary>
    public static PatchOptions Default { get; } = new();

    /// <summary>Strict RFC 7644 behaviour.</summary>
    public static PatchOptions Strict { get; } = new() { StrictRfc = true };

    /// <summary>
    /// When <see langword="true"/>: <c>op</c> must be lowercase; the body must list the PatchOp schema; booleans and
    /// numbers must be JSON booleans and numbers; multi-valued attributes take arrays; a single-valued complex
    /// attribute takes an object; a value filter that matches nothing is 400 <c>noTarget</c> instead of creating the
    /// value; <c>remove</c> with a <c>value</c> is 400 <c>invalidValue</c>; unknown attributes in path-less values and
    /// in complex values are errors instead of being ignored; <c>meta</c> in a value is a mutability error instead of
    /// being ignored.
    /// </summary>
    public bool StrictRfc { get; init; }

    /// <summary>The bounds on PATCH paths (and the value filters in them); <c>Scim:MaxFilter*</c>.</summary>
    public Filtering.FilterLimits Limits { get; init; } = Filtering.FilterLimits.Default;

    /// <summary>The most operations one PATCH request may carry (<c>Scim:MaxPatchOperations</c>).</summary>
    public int MaxOperations { get; init; } = 1_000;
}
