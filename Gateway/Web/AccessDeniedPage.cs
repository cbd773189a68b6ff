namespace ScimGateway.Gateway.Web;

/// <summary>The page a signed-in person sees on a page that is not for their role (the jobs dashboard is for admins).</summary>
internal static class AccessDeniedPage
{
    public static Task WriteAsync(HttpContext context) => PageLayout.WriteAsync(context, StatusCodes.Status403Forbidden, "Admins only", $"""
        <h1>Admins only</h1>
        <p>This page is for administrators. Your role does not include it.</p>
        <p><a href="{GatewayRoutes.TokensPage}">Back to your tokens</a></p>
        """);
}
