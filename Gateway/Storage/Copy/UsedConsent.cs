namespace ScimGateway.Gateway.Storage.Copy;

/// <summary>One spent CLI consent form, as a storage copy carries it.</summary>
/// <param name="Id">The consent id.</param>
/// <param name="ExpiresAt">When the form would have expired anyway (UTC).</param>
public sealed record UsedConsent(string Id, DateTime ExpiresAt);
