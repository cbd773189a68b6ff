namespace ScimGateway.Jobs.Storage.Locks;

/// <summary>One acquisition of a connection's lock; disposing it (from any thread, once) gives that acquisition back.</summary>
internal sealed class LiteDbDistributedLock(Action release) : IDisposable
{
    private int _released;

    public void Dispose()
    {
        if (Interlocked.Exchange(ref _released, 1) == 0)
        {
            release();
        }
    }
}
