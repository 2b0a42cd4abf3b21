namespace Harasocial.Functions.Tests.Support;

/// <summary>A settable clock (Microsoft.Extensions.TimeProvider.Testing is not available on the mirror).</summary>
internal sealed class ManualTimeProvider(DateTimeOffset now) : TimeProvider
{
    public DateTimeOffset Now { get; set; } = now;

    public override DateTimeOffset GetUtcNow() => Now;
}
