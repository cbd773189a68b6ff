namespace ScimGateway.Gateway.CliLogin;

/// <summary>Remembers which consent forms were used, so a replayed Approve never issues a second token.</summary>
public interface ICliConsentLedger
{
    /// <summary>
    /// Marks <paramref name="consentId"/> used; false when it already was. Atomic: of two concurrent calls with the same
    /// id, exactly one gets true. The record may be forgotten after <paramref name="expiresAt"/>, when the form is refused anyway.
    /// Ids are lower-case hex (<see cref="CliConsentProtector"/>), so an engine may compare them case-insensitively
    /// (LiteDB's default collation does).
    /// </summary>
    bool TryConsume(string consentId, DateTimeOffset expiresAt);
}
