using System.Collections.Frozen;

namespace Harasocial.Sync.Functions;

/// <summary>
/// Every function of the app. Areas contribute rows with <see cref="FunctionServiceCollectionExtensions.AddFunction"/>;
/// the table checks names are unique and is the single source for function.json, routes and standalone triggers.
/// </summary>
internal sealed class FunctionTable
{
    /// <summary>Attempts before a queue message moves to <c>&lt;queue&gt;-poison</c> (host.json <c>maxDequeueCount</c>).</summary>
    public const int MaxDequeueCount = 5;

    /// <summary>Messages fetched and run at once per queue (host.json <c>batchSize</c>).</summary>
    public const int BatchSize = 16;

    public FunctionTable(IEnumerable<FunctionDefinition> definitions)
    {
        All = [.. definitions.OrderBy(d => d.Name, StringComparer.Ordinal)];
        var duplicate = All.GroupBy(d => d.Name, StringComparer.OrdinalIgnoreCase).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new InvalidOperationException($"Function name '{duplicate.Key}' is declared twice in the function table.");
        }

        ByName = All.ToFrozenDictionary(d => d.Name, StringComparer.Ordinal);
    }

    public IReadOnlyList<FunctionDefinition> All { get; }

    public FrozenDictionary<string, FunctionDefinition> ByName { get; }

    public IEnumerable<HttpFunction> Http => All.OfType<HttpFunction>();

    public IEnumerable<QueueFunction> Queues => All.OfType<QueueFunction>();

    public IEnumerable<TimerFunction> Timers => All.OfType<TimerFunction>();
}
