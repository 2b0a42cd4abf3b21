using System.Text.Json.Serialization;

namespace Harasocial.Sync.Channels.Zalo;

[JsonSerializable(typeof(ZaloEnvelope<List<ZaloRow>>))]
[JsonSerializable(typeof(ZaloEnvelope<ZaloUserDetail>))]
[JsonSerializable(typeof(ZaloEnvelope<ZaloOaInfo>))]
[JsonSerializable(typeof(ZaloEnvelope<ZaloSendResult>))]
[JsonSerializable(typeof(ZaloEnvelope<object>))]
[JsonSerializable(typeof(ZaloPageQuery))]
[JsonSerializable(typeof(ZaloConversationQuery))]
[JsonSerializable(typeof(ZaloUserQuery))]
[JsonSerializable(typeof(ZaloSendBody))]
[JsonSerializable(typeof(ZaloTokenResponse))]
[JsonSerializable(typeof(ZaloEvent))]
[JsonSerializable(typeof(ZaloSignedFields))]
internal sealed partial class ZaloJsonContext : JsonSerializerContext;
