using System.Text.Json;
using System.Text.Json.Serialization;

namespace Harasocial.Functions.Functions;

[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(string))]
[JsonSerializable(typeof(InvocationResult))]
internal sealed partial class FunctionsJsonContext : JsonSerializerContext;

/// <summary>The invocation answer. Property names are PascalCase on the wire, as the host's own types.</summary>
internal sealed record InvocationResult(
    [property: JsonPropertyName("Outputs")] Dictionary<string, string> Outputs,
    [property: JsonPropertyName("Logs")] IReadOnlyList<string> Logs,
    [property: JsonPropertyName("ReturnValue")] string? ReturnValue);
