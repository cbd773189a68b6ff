using System.Net.Http.Headers;

namespace ScimGateway.Gateway.Tests.Operations;

/// <summary>Reads <c>/metrics</c> of a test host with the metrics credential (the in-process test server has no remote address).</summary>
public static class MetricsScraper
{
    public const string Credential = "metrics-secret-for-tests-0c1d";

    public static GatewayFactory WithMetricsCredential(this GatewayFactory gateway) => gateway.WithSetting("Metrics:Credential", Credential);

    public static async Task<PrometheusText> ScrapeAsync(this GatewayFactory gateway)
    {
        var client = gateway.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/metrics");
        // Basic rather than Bearer: a Bearer credential also passes through the gateway's token authentication, which
        // would count it as a malformed token check.
        request.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes("prometheus:" + Credential)));
        using var response = await client.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"/metrics answered {(int)response.StatusCode}: {body}");
        Assert.StartsWith("text/plain", response.Content.Headers.ContentType?.MediaType, StringComparison.Ordinal);
        return new PrometheusText(body);
    }
}
