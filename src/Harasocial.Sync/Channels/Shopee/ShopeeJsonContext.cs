using System.Text.Json.Serialization;

namespace Harasocial.Sync.Channels.Shopee;

[JsonSerializable(typeof(ShopeeShopInfo))]
[JsonSerializable(typeof(ShopeeEnvelope<ShopeeConversationList>))]
[JsonSerializable(typeof(ShopeeEnvelope<ShopeeMessageList>))]
[JsonSerializable(typeof(ShopeeEnvelope<ShopeeSendResult>))]
[JsonSerializable(typeof(ShopeeSendBody))]
[JsonSerializable(typeof(ShopeeRefreshBody))]
[JsonSerializable(typeof(ShopeeTokenResponse))]
[JsonSerializable(typeof(ShopeePush))]
[JsonSerializable(typeof(ShopeePushMessage))]
internal sealed partial class ShopeeJsonContext : JsonSerializerContext;
