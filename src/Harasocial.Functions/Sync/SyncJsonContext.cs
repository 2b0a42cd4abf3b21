using System.Text.Json.Serialization;

namespace Harasocial.Functions.Sync;

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingDefault)]
[JsonSerializable(typeof(StepEnvelope))]
internal sealed partial class SyncJsonContext : JsonSerializerContext;
