namespace ScimGateway.Gateway.Tests.CliLogin;

/// <summary>What a consent page carried: its hidden fields, the token name it showed, and the whole page.</summary>
public sealed record ConsentForm(string Antiforgery, string Consent, string TokenName, string Html);
