using System.Text.Json.Serialization;

namespace Harasocial.Sync.Channels.Graph;

[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.Never)]
[JsonSerializable(typeof(GraphList<GraphConversation>))]
[JsonSerializable(typeof(GraphList<GraphMessage>))]
[JsonSerializable(typeof(GraphErrorEnvelope))]
[JsonSerializable(typeof(GraphSendBody))]
[JsonSerializable(typeof(GraphSendResult))]
[JsonSerializable(typeof(Dictionary<string, List<GraphUsageEntry>>))]
[JsonSerializable(typeof(MetaWebhookBody))]
internal sealed partial class GraphJsonContext : JsonSerializerContext;
