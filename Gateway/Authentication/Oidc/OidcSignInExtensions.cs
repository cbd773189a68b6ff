using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;

namespace ScimGateway.Gateway.Authentication.Oidc;

/// <summary>Sign-in with the company's identity provider: ASP.NET Core's OpenID Connect handler, code flow with PKCE.</summary>
public static class OidcSignInExtensions
{
    /// <summary>
    /// Adds the OpenID Connect scheme when <c>Authentication:Oidc:Authority</c> is set. The handler signs into the
    /// session cookie scheme, but only after <see cref="OidcSignInEvents"/> has matched the person to the directory
    /// and replaced the provider's claims with the directory's.
    /// </summary>
    public static AuthenticationBuilder AddOidcSignIn(this AuthenticationBuilder builder, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(configuration);
        var settings = configuration.GetSection(SignInOptions.Section).Get<SignInOptions>()?.Oidc ?? new OidcSignInOptions();
        if (!settings.Enabled)
        {
            return builder;
        }

        builder.Services.TryAddSingleton<OidcPersonMatcher>();
        builder.Services.TryAddSingleton<OidcSignInEvents>();
        builder.Services.AddOptions<OpenIdConnectOptions>(OidcDefaults.Scheme)
            .Configure<IOptions<SignInOptions>, OidcSignInEvents, TimeProvider>((options, signIn, events, time) => Configure(options, signIn.Value.Oidc, events, time));
        builder.AddOpenIdConnect(OidcDefaults.Scheme, settings.DisplayName, _ => { });
        return builder;
    }

    private static void Configure(OpenIdConnectOptions options, OidcSignInOptions settings, OidcSignInEvents events, TimeProvider time)
    {
        options.SignInScheme = SessionAuthenticationDefaults.Scheme;
        options.SignOutScheme = SessionAuthenticationDefaults.Scheme;
        options.Authority = settings.Authority;
        options.ClientId = settings.ClientId;
        options.ClientSecret = string.IsNullOrEmpty(settings.ClientSecret) ? null : settings.ClientSecret;
        options.RequireHttpsMetadata = settings.RequireHttpsMetadata;

        // Microsoft.IdentityModel checks the ID token's exp and nbf against DateTime.UtcNow; the scheme's TimeProvider
        // does not reach it. The gateway's clock decides (OpenID Connect Core 3.1.3.7, step 9).
        options.TokenValidationParameters.LifetimeValidator = (notBefore, expires, _, parameters) => IsWithinLifetime(time, notBefore, expires, parameters);

        options.ResponseType = "code";
        options.UsePkce = true;
        options.Scope.Clear();
        options.Scope.Add("openid");
        foreach (var scope in settings.Scopes.Where(s => !string.IsNullOrWhiteSpace(s) && s != "openid"))
        {
            options.Scope.Add(scope.Trim());
        }

        // Keep the provider's claim names as they are ("email", "oid", "sub"), so PersonClaim names what the provider sends.
        options.MapInboundClaims = false;

        // Okta and node-oidc-provider put profile and e-mail claims in the ID token only when no access token is
        // issued; in the code flow they come from the userinfo endpoint.
        options.GetClaimsFromUserInfoEndpoint = true;
        options.ClaimActions.MapUniqueJsonKey(settings.PersonClaim, settings.PersonClaim);
        options.ClaimActions.MapUniqueJsonKey("email_verified", "email_verified");
        options.SaveTokens = false;
        options.Events.OnTokenValidated = OidcSignInEvents.KeepIdTokenForSignOut;
        options.Events.OnTicketReceived = events.OnTicketReceivedAsync;
        options.Events.OnRemoteFailure = events.OnRemoteFailureAsync;
        options.Events.OnRedirectToIdentityProviderForSignOut = OidcSignInEvents.AddIdTokenHint;
    }

    private static bool IsWithinLifetime(TimeProvider time, DateTime? notBefore, DateTime? expires, TokenValidationParameters parameters)
    {
        var now = time.GetUtcNow().UtcDateTime;
        if (expires is null)
        {
            return !parameters.RequireExpirationTime;
        }

        return (notBefore is null || notBefore.Value.ToUniversalTime() <= now + parameters.ClockSkew)
            && expires.Value.ToUniversalTime() >= now - parameters.ClockSkew;
    }
}
