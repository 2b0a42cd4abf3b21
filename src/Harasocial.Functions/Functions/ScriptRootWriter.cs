using System.Text.Json;
using System.Text.Json.Nodes;

namespace Harasocial.Functions.Functions;

/// <summary>
/// Writes one <c>{Name}/function.json</c> per row of the function table into a Functions script root
/// (custom-handlers.md §2). Run at publish time (<c>--write-function-json DIR</c>) so no function.json is hand-written.
/// </summary>
internal static class ScriptRootWriter
{
    public const string Connection = "AzureWebJobsStorage";

    public static void Write(FunctionTable table, string scriptRoot)
    {
        foreach (var function in table.All)
        {
            var folder = Path.Combine(scriptRoot, function.Name);
            Directory.CreateDirectory(folder);
            File.WriteAllText(Path.Combine(folder, "function.json"), ToFunctionJson(function).ToJsonString(Indented) + "\n");
        }
    }

    public static JsonObject ToFunctionJson(FunctionDefinition function) => new()
    {
        ["bindings"] = function switch
        {
            HttpFunction http => new JsonArray(
                new JsonObject
                {
                    ["type"] = "httpTrigger",
                    ["direction"] = "in",
                    ["name"] = "req",
                    // Our own X-Api-Key check guards every route; function keys would break webhooks.
                    ["authLevel"] = "anonymous",
                    ["methods"] = new JsonArray([.. http.Methods.Select(m => (JsonNode)m.ToLowerInvariant())]),
                    ["route"] = http.Route,
                },
                new JsonObject { ["type"] = "http", ["direction"] = "out", ["name"] = "res" }),
            QueueFunction queue => new JsonArray(new JsonObject
            {
                ["type"] = "queueTrigger",
                ["direction"] = "in",
                ["name"] = InvocationPayload.QueueBinding,
                ["queueName"] = queue.QueueName,
                ["connection"] = Connection,
            }),
            TimerFunction timer => new JsonArray(new JsonObject
            {
                ["type"] = "timerTrigger",
                ["direction"] = "in",
                ["name"] = InvocationPayload.TimerBinding,
                ["schedule"] = "%" + timer.ScheduleSetting.Replace(":", "__", StringComparison.Ordinal) + "%",
                ["runOnStartup"] = false,
                ["useMonitor"] = true,
            }),
            _ => throw new InvalidOperationException($"Unknown function kind {function.GetType().Name}."),
        },
    };

    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };
}
