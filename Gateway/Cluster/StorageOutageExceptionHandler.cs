using Microsoft.AspNetCore.Diagnostics;
using Npgsql;

namespace ScimGateway.Gateway.Cluster;

/// <summary>
/// Turns "the database is away" into <c>503 Service Unavailable</c> with <c>Retry-After</c> instead of a 500: a
/// request this node cannot decide without the database (a token it has not validated, SCIM, the token API) is
/// refused so that the client or load balancer retries, here or on another node. The node needs no restart: the
/// connection pool opens new connections once the database answers again. An exception handler rather than a
/// middleware of its own, so that the request path pays nothing for it until something throws.
/// </summary>
internal sealed partial class StorageOutageExceptionHandler(ILogger<StorageOutageExceptionHandler> logger) : IExceptionHandler
{
    /// <summary>Seconds a client is asked to wait before retrying.</summary>
    public const int RetryAfterSeconds = 5;

    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (!IsStorageOutage(exception))
        {
            return false;
        }

        LogUnavailable(logger, httpContext.Request.Path, exception.GetType().Name);
        httpContext.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
        httpContext.Response.Headers.RetryAfter = RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        await Results.Problem(
            statusCode: StatusCodes.Status503ServiceUnavailable,
            title: "Storage unavailable",
            detail: "The database cannot be reached; retry later.").ExecuteAsync(httpContext);
        return true;
    }

    /// <summary>
    /// A lost or refused database connection anywhere in the chain: Npgsql's own failures (I/O, timeouts, a pool that
    /// cannot connect) and server errors Npgsql marks transient (shutdown, cannot connect now). A constraint
    /// violation or a bad statement is not an outage and stays what it is.
    /// </summary>
    public static bool IsStorageOutage(Exception? exception)
    {
        for (var ex = exception; ex is not null; ex = ex.InnerException)
        {
            if (ex is PostgresException postgres)
            {
                return postgres.IsTransient;
            }

            if (ex is NpgsqlException)
            {
                return true;
            }
        }

        return false;
    }

    [LoggerMessage(EventId = 2702, Level = LogLevel.Warning, Message = "Answered 503 to {Path}: the database is unavailable ({ExceptionType}).")]
    private static partial void LogUnavailable(ILogger logger, PathString path, string exceptionType);
}
