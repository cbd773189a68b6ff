using System.Text.Json.Nodes;
using ScimGateway.Tokens.Management;

namespace ScimGateway.Gateway.Api;

/// <summary>Maps domain outcomes to HTTP results: the one place where error kinds become status codes.</summary>
internal static class ApiResults
{
    public static IResult BadRequest(string detail) => Problem(StatusCodes.Status400BadRequest, detail);

    public static IResult Problem(int status, string detail) =>
        Results.Problem(detail: detail, statusCode: status, title: Errors.ReasonPhrases.For(status));

    public static IResult From<T>(Outcome<T> outcome, Func<T, IResult> onSuccess)
    {
        ArgumentNullException.ThrowIfNull(onSuccess);
        return outcome.Succeeded ? onSuccess(outcome.Value!) : Error(outcome.Error!.Value, outcome.Message!);
    }

    public static IResult Error(ErrorKind kind, string message) => Problem(kind switch
    {
        ErrorKind.BadRequest => StatusCodes.Status400BadRequest,
        ErrorKind.Forbidden => StatusCodes.Status403Forbidden,
        ErrorKind.NotFound => StatusCodes.Status404NotFound,
        _ => StatusCodes.Status409Conflict,
    }, message);

    /// <summary>A JSON object response built from a serialized view plus extra fields (such as <c>bearer_token</c>).</summary>
    public static JsonObject With(object view, params (string Name, string Value)[] extra)
    {
        var node = System.Text.Json.JsonSerializer.SerializeToNode(view, view.GetType(), ApiJson.Options)!.AsObject();
        foreach (var (name, value) in extra)
        {
            node[name] = value;
        }

        return node;
    }
}
