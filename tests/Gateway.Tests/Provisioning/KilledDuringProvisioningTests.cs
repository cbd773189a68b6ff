using System.Collections.Concurrent;
using System.Text.Json;

namespace ScimGateway.Gateway.Tests.Provisioning;

/// <summary>
/// The gateway process killed (SIGKILL) while deactivations and deletions are in flight, then started again on the
/// same data directory: whatever SCIM acknowledged stays done, no person SCIM reports deleted or inactive can use a
/// token, and a deleted person's tokens are gone from the database.
/// </summary>
public sealed class KilledDuringProvisioningTests
{
    private const int People = 8;

    private enum PersonState
    {
        Active,
        Inactive,
        Deleted,
    }

    [Fact]
    public async Task KilledMidProvisioning_AfterRestart_NoDeletedOrInactivePersonHasAUsableToken_NothingAcknowledgedLost()
    {
        using var directory = new TempDirectory();
        var gateway = new ProvisioningProcess(directory.Path);
        await gateway.IssueServiceTokensAsync();
        var ids = await ProvisionAsync(gateway);
        var tokens = new List<string>();
        for (var i = 0; i < People; i++)
        {
            tokens.Add(await gateway.IssuePersonalTokenAsync(UserName(i), $"person{i}-laptop"));
        }

        var acknowledged = await DeleteAndDeactivateThenKillAsync(gateway, ids);

        var deleted = new List<string>();
        var third = await gateway.StartAsync();
        try
        {
            using var scim = ProvisioningProcess.Client(third, gateway.ScimToken);
            for (var i = 0; i < People; i++)
            {
                var state = await StateAsync(scim, ids[i]);
                if (acknowledged.ContainsKey(i))
                {
                    Assert.Equal(i % 2 == 0 ? PersonState.Deleted : PersonState.Inactive, state);
                }

                using var person = ProvisioningProcess.Client(third, tokens[i]);
                var expected = state == PersonState.Active ? HttpStatusCode.OK : HttpStatusCode.Unauthorized;
                Assert.Equal(expected, (await person.GetAsync("/api/user-tokens")).StatusCode);
                if (state == PersonState.Deleted)
                {
                    deleted.Add(ids[i]);
                }
            }
        }
        finally
        {
            await third.DisposeAsync();
        }

        // Rejected is not enough for the deleted: their tokens are gone from the database too.
        Assert.Empty(gateway.PendingEvents());
        Assert.All(deleted, id => Assert.Equal(0, gateway.TokensOwnedBy(id)));
    }

    private static async Task<List<string>> ProvisionAsync(ProvisioningProcess gateway)
    {
        var ids = new List<string>();
        await using var process = await gateway.StartAsync();
        using var scim = ProvisioningProcess.Client(process, gateway.ScimToken);
        for (var i = 0; i < People; i++)
        {
            ids.Add(await ProvisioningProcess.CreateUserAsync(scim, UserName(i)));
        }

        return ids;
    }

    /// <summary>
    /// Deletes the even people and deactivates the odd ones, all at once, and kills the process as soon as the first
    /// request is answered; returns which were acknowledged (2xx).
    /// </summary>
    private static async Task<ConcurrentDictionary<int, bool>> DeleteAndDeactivateThenKillAsync(ProvisioningProcess gateway, List<string> ids)
    {
        var acknowledged = new ConcurrentDictionary<int, bool>();
        var process = await gateway.StartAsync();
        using var scim = ProvisioningProcess.Client(process, gateway.ScimToken);
        var firstAnswer = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var requests = Enumerable.Range(0, People).Select(async i =>
        {
            try
            {
                using var response = i % 2 == 0
                    ? await scim.DeleteAsync($"{ProvisioningProcess.Scim}/Users/{ids[i]}")
                    : await scim.PatchAsync($"{ProvisioningProcess.Scim}/Users/{ids[i]}", ProvisioningProcess.Deactivation());
                if (response.IsSuccessStatusCode)
                {
                    acknowledged[i] = true;
                }
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException or IOException)
            {
                // Cut off by the kill: not acknowledged, so either outcome is allowed.
            }
            finally
            {
                firstAnswer.TrySetResult();
            }
        }).ToList();
        await firstAnswer.Task;
        await process.DisposeAsync(); // Process.Kill: SIGKILL, no shutdown
        await Task.WhenAll(requests);
        return acknowledged;
    }

    private static string UserName(int i) => $"person{i}@example.com";

    private static async Task<PersonState> StateAsync(HttpClient scim, string id)
    {
        using var response = await scim.GetAsync($"{ProvisioningProcess.Scim}/Users/{id}");
        if (response.StatusCode == HttpStatusCode.NotFound)
        {
            return PersonState.Deleted;
        }

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return body.RootElement.GetProperty("active").GetBoolean() ? PersonState.Active : PersonState.Inactive;
    }
}
