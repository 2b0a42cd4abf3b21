using System.Text.Json;
using System.Text.Json.Serialization;

namespace Harasocial.ChannelSimulator;

[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    ReadCommentHandling = JsonCommentHandling.Skip,
    AllowTrailingCommas = true,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(Scenario))]
internal sealed partial class ScenarioJsonContext : JsonSerializerContext;
