using System.Security.Cryptography;
using Microsoft.Extensions.Options;

namespace ScimGateway.Gateway.Authentication.Sessions;

/// <summary>Starts and ends the server's half of browser sessions.</summary>
internal sealed partial class BrowserSessions(IBrowserSessionStore store, TimeProvider time, IOptions<SignInOptions> options, ILogger<BrowserSessions> logger)
{
    /// <summary>Records with an absolute end this far in the past are removed when a new session starts.</summary>
    private static readonly TimeSpan Retention = TimeSpan.FromDays(1);

    public BrowserSessionRecord Start(string ownerId, string method, string? tokenId)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var session = new BrowserSessionRecord
        {
            Id = Base64Url(RandomNumberGenerator.GetBytes(16)),
            OwnerId = ownerId,
            Method = method,
            TokenId = tokenId,
            CreatedAt = now,
            ExpiresAt = now + options.Value.Session.AbsoluteLifetime,
        };
        store.Insert(session);
        store.DeleteExpired(now - Retention);
        LogStarted(logger, session.Id[..8], ownerId, method);
        return session;
    }

    public BrowserSessionRecord? Find(string id) => store.FindById(id);

    public void End(string id, string reason)
    {
        if (store.End(id, reason, time.GetUtcNow().UtcDateTime))
        {
            LogEnded(logger, id[..Math.Min(8, id.Length)], reason);
        }
    }

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    [LoggerMessage(EventId = 8000, Level = LogLevel.Information, Message = "Started browser session {SessionPrefix} for {OwnerId} by {Method} sign-in.")]
    private static partial void LogStarted(ILogger logger, string sessionPrefix, string ownerId, string method);

    [LoggerMessage(EventId = 8001, Level = LogLevel.Information, Message = "Ended browser session {SessionPrefix}: {Reason}.")]
    private static partial void LogEnded(ILogger logger, string sessionPrefix, string reason);
}
