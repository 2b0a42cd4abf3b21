using System.Text.Json.Serialization;
using Harasocial.Functions.Channels.Graph;

namespace Harasocial.Functions.Channels.Facebook;

[JsonSerializable(typeof(FacebookMe))]
[JsonSerializable(typeof(GraphList<FacebookPost>))]
[JsonSerializable(typeof(GraphList<FacebookComment>))]
internal sealed partial class FacebookJsonContext : JsonSerializerContext;
