namespace Harasocial.Sync.Channels.Instagram;

// Instagram reuses FacebookOptions (`Channels:Facebook`): same Graph host, app secret and verify token (SPEC §5).
