namespace ScimGateway.Gateway.CliLogin;

/// <summary>What the consent page shows and carries.</summary>
internal sealed record CliConsentView(
    string UserName, string DisplayName, string Hostname, string TokenName, string CallbackOrigin, string FormActionSource,
    string AntiforgeryField, string AntiforgeryToken, string ProtectedConsent);
