namespace ScimGateway.Scim.Resources;

/// <summary>
/// Serializes SCIM writes. Each write is a read-modify-write of a resource (PATCH reads the resource, applies the
/// operations, writes it back); without one writer at a time two PATCHes lose each other's changes. Entra asks for
/// 25 requests per second; one lock carries far more than that, and it keeps uniqueness checks race-free.
/// </summary>
public sealed class ScimWriteLock : IDisposable
{
    private readonly SemaphoreSlim _semaphore = new(1, 1);

    /// <summary>Waits for the lock; dispose the result to release it.</summary>
    public async Task<IDisposable> AcquireAsync(CancellationToken cancellationToken)
    {
        await _semaphore.WaitAsync(cancellationToken);
        return new Releaser(_semaphore);
    }

    /// <inheritdoc />
    public void Dispose() => _semaphore.Dispose();

    private sealed class Releaser(SemaphoreSlim semaphore) : IDisposable
    {
        private int _released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0)
            {
                semaphore.Release();
            }
        }
    }
}
