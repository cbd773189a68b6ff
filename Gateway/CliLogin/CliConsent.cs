namespace ScimGateway.Gateway.CliLogin;

/// <summary>
/// What the consent page showed, carried in the form under data protection so that the POST acts on exactly that:
/// the same person and session, callback, state, machine and token name. Used at most once (<see cref="ICliConsentLedger"/>).
/// </summary>
/// <param name="Id">Random, unique per page view; the key of the used-once record.</param>
/// <param name="OwnerId">The signed-in person.</param>
/// <param name="SessionId">The session's token id (empty for a session without one), so another session of the same person cannot replay it.</param>
/// <param name="RedirectUri">The checked loopback callback.</param>
/// <param name="State">The CLI's state.</param>
/// <param name="Hostname">The cleaned machine name.</param>
/// <param name="TokenName">The token name shown.</param>
/// <param name="ExpiresAt">Unix seconds after which the form is refused.</param>
internal sealed record CliConsent(
    string Id, string OwnerId, string SessionId, string RedirectUri, string State, string Hostname, string TokenName, long ExpiresAt);
