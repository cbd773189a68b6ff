namespace ScimGateway.Jobs.Storage.Queues;

/// <summary>
/// Wakes every waiter at once. Waiters take <see cref="Current"/> before checking for work, so a pulse between the check and
/// the wait is never missed.
/// </summary>
internal sealed class WorkSignal
{
    private TaskCompletionSource _next = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public Task Current => Volatile.Read(ref _next).Task;

    public void Pulse() =>
        Interlocked.Exchange(ref _next, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).TrySetResult();

    /// <summary>Waits for a pulse or the timeout; throws <see cref="OperationCanceledException"/> when cancelled.</summary>
    public static void Wait(Task pulse, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var milliseconds = (int)Math.Clamp(timeout.TotalMilliseconds, 0, int.MaxValue);
        pulse.Wait(milliseconds, cancellationToken);
    }
}
