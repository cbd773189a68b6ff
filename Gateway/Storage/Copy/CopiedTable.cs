namespace ScimGateway.Gateway.Storage.Copy;

/// <summary>One line of a copy's report: a table and its rows in the source and, after the commit, in the target.</summary>
public sealed record CopiedTable(string Table, long Source, long Target);
