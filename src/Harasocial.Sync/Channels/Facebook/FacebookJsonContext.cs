using System.Text.Json.Serialization;
using Harasocial.Sync.Channels.Graph;

namespace Harasocial.Sync.Channels.Facebook;

[JsonSerializable(typeof(FacebookMe))]
[JsonSerializable(typeof(GraphList<FacebookPost>))]
[JsonSerializable(typeof(GraphList<FacebookComment>))]
internal sealed partial class FacebookJsonContext : JsonSerializerContext;
