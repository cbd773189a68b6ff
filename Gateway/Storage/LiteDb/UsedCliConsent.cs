namespace ScimGateway.Gateway.Storage.LiteDb;

/// <summary>One used consent id in <c>cli_consents</c>.</summary>
internal sealed class UsedCliConsent
{
    public string Id { get; set; } = "";

    public DateTime ExpiresAt { get; set; }
}
