namespace ScimGateway.Scim.Filtering;

/// <summary>
/// A node of a parsed SCIM filter (RFC 7644 section 3.4.2.2). Nodes are records: two trees are equal when their
/// structure and values are equal. <see cref="ToString"/> prints canonical filter text (<see cref="FilterPrinter"/>).
/// </summary>
public abstract record FilterNode
{
    /// <summary>The canonical filter text of this node.</summary>
    public sealed override string ToString() => FilterPrinter.Print(this);
}
