using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

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
            .Configure<IOptions<SignInOptions>, OidcSignInEvents>((options, signIn, events) => Configure(options, signIn.Value.Oidc, events));
        builder.AddOpenIdConnect(OidcDefaults.Scheme, settings.DisplayName, _ => { });
        return builder;
    }

    private static void Configure(OpenIdConnectOptions options, OidcSignInOptions settings, OidcSignInEvents events)
    {
        options.SignInScheme = SessionAuthenticationDefaults.Scheme;
        options.SignOutScheme = SessionAuthenticationDefaults.Scheme;
        options.Authority = settings.Authority;
        options.ClientId = settings.ClientId;
        options.ClientSecret = string.IsNullOrEmpty(settings.ClientSecret) ? null : settings.ClientSecret;
        options.RequireHttpsMetadata = settings.RequireHttpsMetadata;
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
}
