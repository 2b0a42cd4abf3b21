using Harasocial.Sync.Sync.Jobs;

namespace Harasocial.Sync.Sync.Durable;

/// <summary>
/// Every sync activity answers with this envelope: its value, what it stored, how many channel calls it made, and
/// either a throttle wait (the orchestration sleeps on a durable timer and calls it again) or a stop (the job ends:
/// the token was rejected, the channel refused for good, the connection is gone). Transient failures are thrown
/// instead, so the Durable retry policy retries them.
/// </summary>
internal sealed record ActivityResult<T>(T? Value, JobCounts Stored, TimeSpan? ThrottledFor = null, JobStop? Stop = null);

/// <summary>Why a job stops early: <see cref="StoppedBecause"/> and a reason a seller can read.</summary>
internal sealed record JobStop(string Because, string Reason);
