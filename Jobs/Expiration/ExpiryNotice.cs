namespace ScimGateway.Jobs.Expiration;

/// <summary>The JSON body POSTed to the webhook for one expiry warning. Holds ids and names, never the token.</summary>
/// <param name="Event">Always <c>token.expiring</c>.</param>
/// <param name="TokenId">The token id.</param>
/// <param name="TokenName">The token's name.</param>
/// <param name="TokenType"><c>personal</c> or <c>service</c>.</param>
/// <param name="Owner">Who owns it.</param>
/// <param name="ExpiresAt">When it expires (UTC).</param>
/// <param name="DaysLeft">Whole days left, rounded down.</param>
/// <param name="ThresholdDays">The configured threshold this warning is for.</param>
public sealed record ExpiryNotice(string Event, string TokenId, string TokenName, string TokenType, ExpiryNoticeOwner Owner,
    DateTimeOffset ExpiresAt, int DaysLeft, int ThresholdDays);
