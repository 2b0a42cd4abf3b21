using System.Text.Json.Serialization;
using Harasocial.Functions.Channels.Graph;

namespace Harasocial.Functions.Channels.Instagram;

[JsonSerializable(typeof(InstagramLinkedPage))]
[JsonSerializable(typeof(GraphList<InstagramMedia>))]
[JsonSerializable(typeof(GraphList<InstagramComment>))]
internal sealed partial class InstagramJsonContext : JsonSerializerContext;
