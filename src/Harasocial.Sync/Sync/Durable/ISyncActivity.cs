namespace Harasocial.Sync.Sync.Durable;

/// <summary>
/// An activity as a plain service: the Functions worker calls it from an <c>[ActivityTrigger]</c> function, the
/// standalone host from its Durable worker. Activities are idempotent: every write is keyed by channel ids.
/// </summary>
internal interface ISyncActivity<in TInput, TOutput>
{
    Task<TOutput> RunAsync(TInput input, CancellationToken cancellationToken);
}
