using System.Text.Json.Serialization;
using Harasocial.Sync.Channels.Graph;

namespace Harasocial.Sync.Channels.Instagram;

[JsonSerializable(typeof(InstagramLinkedPage))]
[JsonSerializable(typeof(GraphList<InstagramMedia>))]
[JsonSerializable(typeof(GraphList<InstagramComment>))]
internal sealed partial class InstagramJsonContext : JsonSerializerContext;
