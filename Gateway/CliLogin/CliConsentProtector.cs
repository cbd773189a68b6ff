using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.AspNetCore.DataProtection;

namespace ScimGateway.Gateway.CliLogin;

/// <summary>
/// Seals a <see cref="CliConsent"/> into the consent form with ASP.NET Core data protection (authenticated encryption
/// with the key ring that protects session cookies), so the browser can carry it but not read or change it.
/// </summary>
internal sealed class CliConsentProtector(IDataProtectionProvider provider, TimeProvider time)
{
    /// <summary>How long a consent page may be left open. The CLI itself waits 120 s by default.</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(10);

    private readonly IDataProtector _protector = provider.CreateProtector("ScimGateway.CliLogin.Consent.v1");

    public CliConsent Create(string ownerId, string sessionId, CliAuthorizeRequest request, string tokenName) => new(
        Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16)), ownerId, sessionId, request.RedirectUri, request.State,
        request.Hostname, tokenName, time.GetUtcNow().Add(Lifetime).ToUnixTimeSeconds());

    public string Protect(CliConsent consent) => _protector.Protect(JsonSerializer.Serialize(consent));

    /// <summary>The consent, or null when the value was altered, sealed with another key, or has expired.</summary>
    public CliConsent? Unprotect(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return null;
        }

        try
        {
            var consent = JsonSerializer.Deserialize<CliConsent>(_protector.Unprotect(value));
            return consent is not null && consent.ExpiresAt > time.GetUtcNow().ToUnixTimeSeconds() ? consent : null;
        }
        catch (Exception ex) when (ex is CryptographicException or JsonException or FormatException)
        {
            return null;
        }
    }
}
