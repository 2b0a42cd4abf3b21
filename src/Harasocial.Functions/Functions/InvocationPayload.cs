using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Harasocial.Functions.Functions;

/// <summary>
/// Reads the custom-handler invocation body <c>{"Data": {...}, "Metadata": {...}}</c>.
/// The host JSON-encodes string trigger values a second time (custom-handlers.md §3.1: a queue text
/// <c>{"a":1}</c> arrives as <c>"\"{\\\"a\\\":1}\""</c>), while its own docs show them once-encoded; we accept both.
/// </summary>
internal sealed record InvocationPayload(JsonObject Data, JsonObject Metadata)
{
    public const string QueueBinding = "message";
    public const string TimerBinding = "timer";

    public static InvocationPayload Parse(JsonNode? body)
    {
        if (body is not JsonObject root)
        {
            throw new FormatException("The invocation body must be a JSON object with Data and Metadata.");
        }

        return new InvocationPayload(
            root[nameof(Data)] as JsonObject ?? throw new FormatException("The invocation body has no Data object."),
            root[nameof(Metadata)] as JsonObject ?? []);
    }

    /// <summary>The queue message text exactly as it was enqueued.</summary>
    public string QueueMessageText()
    {
        var node = Data[QueueBinding] ?? throw new FormatException($"Data has no '{QueueBinding}' binding.");
        if (node is JsonValue value && value.TryGetValue<string>(out var text))
        {
            return Unquote(text);
        }

        // Once-encoded JSON objects arrive as objects: their text is the message.
        return node.ToJsonString();
    }

    public QueueMessageContext QueueContext() => new(
        Metadata["Id"]?.GetValue<string>() ?? string.Empty,
        ReadLong(Metadata["DequeueCount"]) ?? 1,
        ReadTime(Metadata["InsertionTime"]));

    public TimerContext TimerContext(DateTimeOffset now)
    {
        var timer = Data[TimerBinding] as JsonObject;
        var isPastDue = timer?["IsPastDue"] is JsonValue pastDue && pastDue.TryGetValue<bool>(out var b) && b;
        var scheduled = ReadTime(Metadata["sys"]?["UtcNow"]) ?? now;
        return new TimerContext(scheduled, isPastDue);
    }

    // A string whose content is itself a JSON string literal was encoded twice: decode once more.
    private static string Unquote(string text)
    {
        if (text.Length >= 2 && text[0] == '"' && text[^1] == '"')
        {
            try
            {
                return JsonSerializer.Deserialize(text, FunctionsJsonContext.Default.String) ?? text;
            }
            catch (JsonException)
            {
                return text;
            }
        }

        return text;
    }

    private static long? ReadLong(JsonNode? node) => node switch
    {
        JsonValue v when v.TryGetValue<long>(out var l) => l,
        JsonValue v when v.TryGetValue<string>(out var s) && long.TryParse(s, NumberStyles.Integer, CultureInfo.InvariantCulture, out var p) => p,
        _ => null,
    };

    // Timestamp formats have differed between host versions (custom-handlers.md §3.2), so parse tolerantly.
    private static DateTimeOffset? ReadTime(JsonNode? node) =>
        node is JsonValue v && v.TryGetValue<string>(out var s) &&
        DateTimeOffset.TryParse(s, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var t)
            ? t
            : null;
}
