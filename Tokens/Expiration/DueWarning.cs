using ScimGateway.Tokens.Accounts;
using ScimGateway.Tokens.Storage;

namespace ScimGateway.Tokens.Expiration;

/// <summary>An expiry warning that is due: to announce now (<see cref="FirstDue"/>) or still to deliver.</summary>
/// <param name="Token">The token that expires.</param>
/// <param name="Owner">Its owner, active.</param>
/// <param name="ExpiresAt">When it expires (UTC).</param>
/// <param name="DaysLeft">Whole days left, rounded down.</param>
/// <param name="ThresholdDays">The threshold this warning is for: the smallest the token has reached.</param>
/// <param name="FirstDue">True when this run recorded the warning, so it is announced (logged) now, once.</param>
/// <param name="Record">The ledger entry, with its delivery state.</param>
public sealed record DueWarning(TokenRecord Token, TokenOwner Owner, DateTime ExpiresAt, int DaysLeft, int ThresholdDays, bool FirstDue,
    ExpiryWarningRecord Record);
