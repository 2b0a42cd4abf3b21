#!/usr/bin/env python3
"""Writes the bad-input corpus: one JSON file per case (run once; the files are committed).

Case format (read by Reliability/BadInputCorpusTests.cs):
  method, path      HTTP method and path+query; {own.connection} {own.conversation} {own.job}
                    {foreign.connection} {foreign.conversation} {foreign.job} {foreign.post} are replaced with
                    real ids of the test's two tenants ("own" = the caller's tenant).
  key               tenant | admin | none | wrong | a literal X-Api-Key value (prefixed "literal:")
  headers           extra request headers (Content-Type goes on the body)
  body              raw body text (optional); "{pad}" inside it becomes padBytes 'x' characters
  padBytes          optional, see body
  expect            allowed status codes (all 4xx); the answer must also be application/problem+json
  sign              optional webhook signature the test computes over the body as sent: "facebook", "instagram",
                    "zalo" or "shopee" (that platform's header, right secret), or "<channel>:wrong-secret"
"""
import json, os, re

HERE = os.path.dirname(os.path.abspath(__file__))
JSON = {"Content-Type": "application/json"}
cases = []

def add(slug, method, path, key="tenant", body=None, headers=None, expect=None, pad=None, sign=None):
    case = {"method": method, "path": path, "key": key}
    if sign is not None: case["sign"] = sign
    if headers is not None: case["headers"] = headers
    elif body is not None: case["headers"] = JSON
    if body is not None: case["body"] = body
    if pad is not None: case["padBytes"] = pad
    case["expect"] = expect or [400]
    cases.append((slug, case))

ROUTES = [  # (method, path, key that may call it, needs a JSON body)
    ("POST", "/api/tenants", "admin", '{"id":"new-seller","name":"New"}'),
    ("GET", "/api/tenants/seller", "tenant", None),
    ("POST", "/api/connections", "tenant", '{"channel":"facebook","externalId":"5550001","accessToken":"t"}'),
    ("GET", "/api/connections", "tenant", None),
    ("GET", "/api/connections/{own.connection}", "tenant", None),
    ("PATCH", "/api/connections/{own.connection}", "tenant", '{"settings":{"syncSpam":false}}'),
    ("DELETE", "/api/connections/{own.connection}", "tenant", None),
    ("POST", "/api/connections/{own.connection}/sync", "tenant", '{"kind":"resync"}'),
    ("GET", "/api/connections/{own.connection}/sync-jobs", "tenant", None),
    ("GET", "/api/sync-jobs/{own.job}", "tenant", None),
    ("POST", "/api/sync-jobs/{own.job}/cancel", "tenant", None),
    ("GET", "/api/connections/{own.connection}/conversations", "tenant", None),
    ("POST", "/api/connections/{own.connection}/conversations/load-more", "tenant", None),
    ("GET", "/api/conversations/{own.conversation}", "tenant", None),
    ("GET", "/api/conversations/{own.conversation}/messages", "tenant", None),
    ("GET", "/api/connections/{own.connection}/posts", "tenant", None),
    ("GET", "/api/posts/{foreign.post}/comments", "tenant", None),
]

def slug_of(path):
    return re.sub(r"[^a-z0-9]+", "-", path.lower().replace("{", "").replace("}", "")).strip("-")[:60]

# 1. Missing or invalid keys → 401 on every keyed route (the valid body shows the key alone is refused).
for method, path, _, body in ROUTES:
    for name, key in [("no-key", "none"), ("wrong-key", "wrong"), ("empty-key", "literal:"),
                      ("odata-key", "literal:' or 1 eq 1"), ("long-key", "literal:" + "k" * 5000)]:
        add(f"auth-{name}-{method.lower()}-{slug_of(path)}", method, path, key, body, expect=[401])

# 2. Wrong kind of key → 403.
add("auth-tenant-key-creates-tenant", "POST", "/api/tenants", "tenant", '{"id":"evil","name":"x"}', expect=[403])
add("auth-admin-key-lists-connections", "GET", "/api/connections", "admin", expect=[403])
add("auth-admin-key-creates-connection", "POST", "/api/connections", "admin", '{"channel":"facebook","externalId":"5550002","accessToken":"t"}', expect=[403])

BODY_ROUTES = [(m, p, k) for m, p, k, b in ROUTES if b is not None]

# 3. Malformed and truncated JSON.
MALFORMED = {
    "truncated-object": '{"channel":"facebook","externalId":"1",',
    "truncated-string": '{"channel":"faceb',
    "single-quotes": "{'channel':'facebook'}",
    "trailing-garbage": '{"kind":"resync"} xyz',
    "bare-word": "hello",
    "array": "[1,2,3]",
    "number": "42",
    "null": "null",
    "empty": "",
    "only-brace": "{",
    "unquoted-keys": "{channel:facebook}",
    "nan": '{"id":NaN}',
    "invalid-utf8-escape": '{"id":"\\ud800x","name":"\\u12"}',
    "comment": '{/*x*/"kind":"initial"}',
}
for method, path, key in BODY_ROUTES:
    for name, body in MALFORMED.items():
        add(f"json-{name}-{method.lower()}-{slug_of(path)}", method, path, key, body)

# 4. Wrong types.
WRONG_TYPES = [
    ("POST", "/api/tenants", "admin", '{"id":42,"name":"x"}'),
    ("POST", "/api/tenants", "admin", '{"id":"ok-id","name":{"a":1}}'),
    ("POST", "/api/tenants", "admin", '{"id":["a"],"name":"x"}'),
    ("POST", "/api/tenants", "admin", '{"id":true,"name":"x"}'),
    ("POST", "/api/connections", "tenant", '{"channel":1,"externalId":"1","accessToken":"t"}'),
    ("POST", "/api/connections", "tenant", '{"channel":"facebook","externalId":12,"accessToken":"t"}'),
    ("POST", "/api/connections", "tenant", '{"channel":"facebook","externalId":"1","accessToken":["t"]}'),
    ("POST", "/api/connections", "tenant", '{"channel":"facebook","externalId":"1","accessToken":"t","settings":"on"}'),
    ("POST", "/api/connections", "tenant", '{"channel":"facebook","externalId":"1","accessToken":"t","settings":{"syncSpam":"yes"}}'),
    ("POST", "/api/connections", "tenant", '{"channel":"facebook","externalId":null,"accessToken":"t"}'),
    ("POST", "/api/connections", "tenant", '{"channel":"facebook","externalId":{"id":"1"},"accessToken":"t"}'),
    ("PATCH", "/api/connections/{own.connection}", "tenant", '{"settings":{"syncSpam":1}}'),
    ("PATCH", "/api/connections/{own.connection}", "tenant", '{"settings":[true]}'),
    ("PATCH", "/api/connections/{own.connection}", "tenant", '{"settings":null}'),
    ("PATCH", "/api/connections/{own.connection}", "tenant", '{}'),
    ("POST", "/api/connections/{own.connection}/sync", "tenant", '{"kind":1}'),
    ("POST", "/api/connections/{own.connection}/sync", "tenant", '{"kind":null}'),
    ("POST", "/api/connections/{own.connection}/sync", "tenant", '{"kind":["initial"]}'),
    ("POST", "/api/connections/{own.connection}/sync", "tenant", '{}'),
]
for i, (method, path, key, body) in enumerate(WRONG_TYPES):
    add(f"types-{i:02d}-{method.lower()}-{slug_of(path)}", method, path, key, body)

# 5. Huge bodies (> 1 MiB) → 413.
for method, path, key in BODY_ROUTES:
    add(f"huge-{method.lower()}-{slug_of(path)}", method, path, key, '{"id":"big","name":"{pad}","kind":"{pad}"}', pad=1_100_000, expect=[413])

# 6. Deep nesting.
deep = '{"a":' + "[" * 5000 + "]" * 5000 + "}"
for method, path, key in BODY_ROUTES:
    add(f"deep-{method.lower()}-{slug_of(path)}", method, path, key, deep)
    add(f"deep-objects-{method.lower()}-{slug_of(path)}", method, path, key, '{"settings":' + '{"x":' * 3000 + "1" + "}" * 3000 + "}")

# 7. Unknown channels and bad account fields.
for channel in ["tiktok", "", "FACEBOOK", "facebook ", "face\u0000book", "' or 1 eq 1", "$filter", "zalo;drop"]:
    add(f"channel-{slug_of(channel) or 'empty'}-{len(cases)}", "POST", "/api/connections", "tenant",
        json.dumps({"channel": channel, "externalId": "5550003", "accessToken": "t", "refreshToken": "r"}))
for name, payload in {
    "externalid-empty": {"channel": "facebook", "externalId": "", "accessToken": "t"},
    "externalid-long": {"channel": "facebook", "externalId": "9" * 129, "accessToken": "t"},
    "externalid-spaces": {"channel": "facebook", "externalId": " 1 ", "accessToken": "t"},
    "externalid-control": {"channel": "facebook", "externalId": "1\n2", "accessToken": "t"},
    "token-empty": {"channel": "facebook", "externalId": "5550004", "accessToken": ""},
    "token-blank": {"channel": "facebook", "externalId": "5550004", "accessToken": "   "},
    "token-oversized": {"channel": "facebook", "externalId": "5550004", "accessToken": "t" * 5000},
    "zalo-no-refresh": {"channel": "zalo", "externalId": "5550005", "accessToken": "t"},
    "shopee-refresh-oversized": {"channel": "shopee", "externalId": "5550006", "accessToken": "t", "refreshToken": "r" * 5000},
    "instagram-no-page": {"channel": "instagram", "externalId": "5550007", "accessToken": "t"},
    "instagram-page-odata": {"channel": "instagram", "externalId": "5550007", "accessToken": "t", "linkedPageId": " ' or 1 eq 1 "},
    "spam-on-shopee": {"channel": "shopee", "externalId": "5550008", "accessToken": "t", "refreshToken": "r", "settings": {"syncSpam": True}},
}.items():
    add(f"account-{name}", "POST", "/api/connections", "tenant", json.dumps(payload))
for name, payload in {
    "tenant-name-empty": {"id": "ok-id", "name": ""},
    "tenant-id-empty": {"id": "", "name": "x"},
    "tenant-id-odata": {"id": "' or 1 eq 1", "name": "x"},
    "tenant-id-percent": {"id": "%27", "name": "x"},
    "tenant-id-filter": {"id": "$filter", "name": "x"},
    "tenant-id-slash": {"id": "a/b", "name": "x"},
    "tenant-id-long": {"id": "a" * 300, "name": "x"},
    "tenant-missing-id": {"name": "x"},
    "tenant-missing-name": {"id": "ok-id2"},
}.items():
    add(name, "POST", "/api/tenants", "admin", json.dumps(payload))
add("tenant-exists", "POST", "/api/tenants", "admin", '{"id":"seller","name":"again"}', expect=[409])
# The account's real token proves ownership (BadInputCorpusTests.TwoShops); the account is held all the same.
add("connection-exists", "POST", "/api/connections", "tenant", '{"channel":"shopee","externalId":"8990002","accessToken":"shopee-secret-token-7e2b4f","refreshToken":"y"}', expect=[409])
add("connection-exists-foreign", "POST", "/api/connections", "tenant", '{"channel":"facebook","externalId":"8990001","accessToken":"fb-secret-token-5d1c9a"}', expect=[409])
for kind in ["everything", "INITIAL", "", "' or 1 eq 1", "$filter"]:
    add(f"sync-kind-{slug_of(kind) or 'empty'}-{len(cases)}", "POST", "/api/connections/{own.connection}/sync", "tenant", json.dumps({"kind": kind}))

# 8. Foreign and invalid ids → 404 on every id route.
ID_ROUTES = [
    ("GET", "/api/connections/{id}", None), ("PATCH", "/api/connections/{id}", '{"settings":{"syncSpam":false}}'),
    ("DELETE", "/api/connections/{id}", None), ("POST", "/api/connections/{id}/sync", '{"kind":"resync"}'),
    ("GET", "/api/connections/{id}/sync-jobs", None), ("GET", "/api/connections/{id}/conversations", None),
    ("POST", "/api/connections/{id}/conversations/load-more", None), ("GET", "/api/connections/{id}/posts", None),
    ("GET", "/api/sync-jobs/{job}", None), ("POST", "/api/sync-jobs/{job}/cancel", None),
    ("GET", "/api/conversations/{conv}", None), ("GET", "/api/conversations/{conv}/messages", None),
    ("GET", "/api/posts/{post}/comments", None), ("GET", "/api/tenants/{tenant}", None),
]
IDS = {
    "foreign": None,
    "odata": "x'%20or%201%20eq%201",
    "quote": "%27",
    "double-quote": "%22%22",
    "filter": "%24filter%3DPartitionKey%20ne%20%27%27",
    "traversal": "..%2F..%2Fjobs",
    "long": "z" * 1500,
    "unicode": "%E2%80%AEcn",
    "pipe": "cn_a%7Cb",
    "control": "cn%01x",
}
for method, path, body in ID_ROUTES:
    for name, value in IDS.items():
        if value is None:
            concrete = (path.replace("{id}", "{foreign.connection}").replace("{job}", "{foreign.job}")
                        .replace("{conv}", "{foreign.conversation}").replace("{post}", "{foreign.post}").replace("{tenant}", "other-seller"))
        else:
            concrete = re.sub(r"\{(id|job|conv|post|tenant)\}", value, path)
        # A foreign tenant id answers 404 (never reveals it exists); an invalid tenant id may answer 400 or 404.
        add(f"ids-{name}-{method.lower()}-{slug_of(path)}", method, concrete, "tenant", body, expect=[400, 404])

# 9. Quotes and OData operators inside query values.
QUERY = {
    "folder": ["inbox' or 1 eq 1", "%27", "$filter", "inbox%20or%20spam", "INBOX"],
    "status": ["open' or 1 eq 1", "$filter=x", "%27%27", "closed%00"],
    "limit": ["1 or 1 eq 1", "%27", "$top", "0", "101", "-5", "1e3", "99999999999999999999"],
    "cursor": ["' or 1 eq 1", "%27", "$filter", "not base64!", "%%%", "x" * 1200],
}
for name, values in QUERY.items():
    for i, value in enumerate(values):
        add(f"query-conversations-{name}-{i}", "GET", "/api/connections/{own.connection}/conversations?" + name + "=" + value, "tenant")
for i, value in enumerate(QUERY["limit"] + QUERY["cursor"]):
    param = "limit" if i < len(QUERY["limit"]) else "cursor"
    add(f"query-messages-{param}-{i}", "GET", "/api/conversations/{own.conversation}/messages?" + param + "=" + value, "tenant")
for value in ["0", "abc", "' or 1 eq 1"]:
    add(f"query-sync-jobs-limit-{slug_of(value)}", "GET", "/api/connections/{own.connection}/sync-jobs?limit=" + value, "tenant")
    add(f"query-posts-limit-{slug_of(value)}", "GET", "/api/connections/{own.connection}/posts?limit=" + value, "tenant")
for value in ["maybe", "1", "' or 1 eq 1", "$filter"]:
    add(f"query-delete-purge-{slug_of(value)}", "DELETE", "/api/connections/{own.connection}?purge=" + value, "tenant")

# 10. Wrong content types → 415.
CONTENT_TYPES = ["text/plain", "application/xml", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x", None]
for method, path, key in BODY_ROUTES:
    for ct in CONTENT_TYPES:
        headers = {} if ct is None else {"Content-Type": ct}
        add(f"content-type-{slug_of(ct or 'none')}-{method.lower()}-{slug_of(path)}", method, path, key,
            '{"id":"ct-x","name":"x","kind":"resync","settings":{"syncSpam":false}}', headers=headers, expect=[415])

# 11. Not-Zalo load-more on the caller's own (Shopee) connection.
add("load-more-not-zalo", "POST", "/api/connections/{own.connection}/conversations/load-more", "tenant")

# 12. Webhooks: signed bodies that are not the platform's JSON → 400; bad or missing signatures → 401 (Zalo signs
# over a timestamp read from the body, so a body that is not JSON may fail either check); too big → 413.
# The account ids are the test's connected accounts, so anything wrongly queued and applied would store rows.
HOOKS = {
    "facebook": '{"object":"page","entry":[{"id":"8990001","time":1764547200000,"messaging":[{"sender":{"id":"42"},"recipient":{"id":"8990001"},"timestamp":1764547200000,"message":{"mid":"m_bad","text":"hi"}}]}]}',
    "instagram": '{"object":"instagram","entry":[{"id":"8990001","time":1764547200000,"messaging":[{"sender":{"id":"42"},"recipient":{"id":"8990001"},"timestamp":1764547200000,"message":{"mid":"m_bad","text":"hi"}}]}]}',
    "zalo": '{"app_id":"2000000001","oa_id":"8990003","user_id_by_app":"1","event_name":"user_send_text","timestamp":"1764547200000","sender":{"id":"42"},"recipient":{"id":"8990003"},"message":{"msg_id":"z_bad","text":"hi"}}',
    "shopee": '{"code":10,"shop_id":8990002,"timestamp":1764547200,"data":{"type":"message","content":{"conversation_id":"1","message_id":"s_bad","from_id":42,"to_id":8990002,"message_type":"text","content":{"text":"hi"},"created_timestamp":1764547200}}}',
}
NOT_EVENTS = {
    "empty": "", "truncated": None, "open-brace": "{", "string": '"just text"', "null": "null", "number": "123",
    "array": "[]", "two-objects": '{"a":1}{"b":2}', "deep-nesting": "[" * 5000 + "]" * 5000,
    "nul-byte": '{"object":"page\u0000","entry":[]}x', "entry-not-array": '{"object":"page","entry":"x"}',
    "wrong-types": '{"object":7,"entry":[{"id":{"x":1},"messaging":"nope"}]}', "single-quotes": "{'object':'page'}",
}
for channel, event in HOOKS.items():
    path = "/api/webhooks/" + channel
    for name, body in NOT_EVENTS.items():
        text = event[: len(event) // 2] if body is None else body
        add(f"webhook-{channel}-signed-{name}", "POST", path, "none", text, JSON, [400, 401] if channel == "zalo" else [400], sign=channel)
    add(f"webhook-{channel}-unsigned", "POST", path, "none", event, JSON, [401])
    add(f"webhook-{channel}-wrong-secret", "POST", path, "none", event, JSON, [401], sign=channel + ":wrong-secret")
    header = {"facebook": "X-Hub-Signature-256", "instagram": "X-Hub-Signature-256", "zalo": "X-ZEvent-Signature", "shopee": "Authorization"}[channel]
    for name, value in [("empty", ""), ("prefix-only", "sha256=" if header.startswith("X-Hub") else "mac="), ("odata", "' or 1 eq 1"),
                        ("zeros", ("sha256=" if header.startswith("X-Hub") else "mac=" if channel == "zalo" else "") + "0" * 64),
                        ("not-hex", "sha256=zz" + "1" * 62), ("long", "x" * 5000)]:
        add(f"webhook-{channel}-signature-{name}", "POST", path, "none", event, {**JSON, header: value}, [401])
    add(f"webhook-{channel}-huge-signed", "POST", path, "none", '{"pad":"{pad}"}', JSON, [413], pad=1_100_000, sign=channel)
for channel in ["tiktok", "lazada", "' or 1 eq 1", "facebook%2F..%2Fzalo"]:
    add(f"webhook-unknown-channel-{slug_of(channel)}", "POST", "/api/webhooks/" + channel, "none", HOOKS["facebook"], JSON, [404, 405])
for query in ["", "?hub.mode=subscribe", "?hub.mode=subscribe&hub.verify_token=nope&hub.challenge=1",
              "?hub.mode=subscribe&hub.verify_token=' or 1 eq 1&hub.challenge=1", "?hub.mode=subscribe&hub.verify_token=verify-me&hub.challenge=" + "9" * 300]:
    for channel in ["facebook", "instagram"]:
        add(f"webhook-verify-{channel}-{slug_of(query) or 'bare'}", "GET", f"/api/webhooks/{channel}{query}", "none", expect=[400, 403])
for channel in ["zalo", "shopee"]:
    add(f"webhook-verify-get-{channel}", "GET", f"/api/webhooks/{channel}", "none", expect=[404, 405])

# Ownership at connect: a token that does not act for the account is refused before anything is stored (403).
for name, body in {
    "facebook-token-of-nobody": '{"channel":"facebook","externalId":"8990001","accessToken":"x"}',
    "shopee-token-of-nobody": '{"channel":"shopee","externalId":"8990002","accessToken":"x","refreshToken":"y"}',
    "zalo-token-of-nobody": '{"channel":"zalo","externalId":"5550005","accessToken":"t","refreshToken":"r"}',
    "instagram-page-not-readable": '{"channel":"instagram","externalId":"5550007","accessToken":"fb-secret-token-5d1c9a","linkedPageId":"5550008"}',
    "facebook-token-of-another-page": '{"channel":"facebook","externalId":"5550009","accessToken":"fb-secret-token-5d1c9a"}',
}.items():
    add(f"ownership-{name}", "POST", "/api/connections", "tenant", body, expect=[403])

# Issue 18 (appended, so the cases above keep their numbers).
# Account ids are digits per channel (SPEC §4): anything else → 400 naming the field, nothing stored.
for name, payload in {
    "facebook-odata": {"channel": "facebook", "externalId": "1' or PartitionKey ne '", "accessToken": "t"},
    "facebook-key-chars": {"channel": "facebook", "externalId": "a/b#c?d\\e", "accessToken": "t"},
    "facebook-letters": {"channel": "facebook", "externalId": "page123", "accessToken": "t"},
    "facebook-fullwidth-digits": {"channel": "facebook", "externalId": "\uff11\uff12\uff13", "accessToken": "t"},
    "facebook-25-digits": {"channel": "facebook", "externalId": "1" * 25, "accessToken": "t"},
    "facebook-negative": {"channel": "facebook", "externalId": "-5550001", "accessToken": "t"},
    "instagram-id-letters": {"channel": "instagram", "externalId": "ig_17841400000001", "accessToken": "t", "linkedPageId": "5550007"},
    "instagram-page-letters": {"channel": "instagram", "externalId": "17841400000001", "accessToken": "t", "linkedPageId": "page/1"},
    "instagram-page-space": {"channel": "instagram", "externalId": "17841400000001", "accessToken": "t", "linkedPageId": "5550007 "},
    "zalo-hex": {"channel": "zalo", "externalId": "30000000000000000a1", "accessToken": "t", "refreshToken": "r"},
    "zalo-exponent": {"channel": "zalo", "externalId": "3e18", "accessToken": "t", "refreshToken": "r"},
    "shopee-decimal": {"channel": "shopee", "externalId": "220000001.0", "accessToken": "t", "refreshToken": "r"},
    "shopee-plus": {"channel": "shopee", "externalId": "+220000001", "accessToken": "t", "refreshToken": "r"},
}.items():
    add(f"account-id-{name}", "POST", "/api/connections", "tenant", json.dumps(payload))

# Replies: nothing readable, control characters, broken text; and the body rules every JSON route has (the reply
# route was not in ROUTES). The own conversation is a Shopee one (no reply window): a reply let through would be sent
# and stored, and the test's row count would change.
REPLY = "/api/conversations/{own.conversation}/messages"
for name, body in {
    "empty": '{"text":""}',
    "spaces": '{"text":"  \\n\\t  "}',
    "zero-width-spaces": '{"text":"\\u200b\\u200b\\u200b"}',
    "invisible-mix": '{"text":" \\u200b\\u200c\\u200d\\u2060\\ufeff\\u00ad "}',
    "hangul-filler": '{"text":"\\u3164"}',
    "nul": '{"text":"hello\\u0000world"}',
    "escape": '{"text":"\\u001b[31mred"}',
    "bell": '{"text":"ding\\u0007"}',
    "lone-surrogate": '{"text":"x\\ud800y"}',
    "missing": '{}',
    "null": '{"text":null}',
    "number": '{"text":42}',
    "array": '{"text":["hi"]}',
    "object": '{"text":{"value":"hi"}}',
}.items():
    add(f"reply-{name}", "POST", REPLY, "tenant", body)
for name, body in MALFORMED.items():
    add(f"reply-json-{name}", "POST", REPLY, "tenant", body)
add("reply-deep-arrays", "POST", REPLY, "tenant", deep)
add("reply-deep-arrays-in-text", "POST", REPLY, "tenant", '{"text":' + "[" * 5000 + "]" * 5000 + "}")
add("reply-deep-objects", "POST", REPLY, "tenant", '{"text":"hi","x":' + '{"x":' * 5000 + "1" + "}" * 5000 + "}")
add("reply-huge", "POST", REPLY, "tenant", '{"text":"{pad}"}', pad=1_100_000, expect=[413])
for ct in CONTENT_TYPES:
    add(f"reply-content-type-{slug_of(ct or 'none')}", "POST", REPLY, "tenant", '{"text":"hi"}', headers={} if ct is None else {"Content-Type": ct}, expect=[415])

# Cursors are signed for their listing (SPEC §4): made-up, unsigned (the storage key the API used to return as is),
# another folder's, another listing's or another tenant's cursor → 400. {own.cursor} is a real nextCursor of the own
# connection's inbox, {foreign.cursor} one of the foreign connection's inbox, {own.messagesCursor} one of the own
# conversation's messages.
CONVERSATIONS = "/api/connections/{own.connection}/conversations"
for name, query in {
    "garbage": "cursor=garbage",
    "unsigned-storage-key": "cursor=aXxpbmJveHw",
    "signature-cut": "cursor={own.cursor.payload}",
    "signature-of-another": "cursor={own.cursor.payload}.AAAAAAAAAAAAAAAAAAAAAA",
    "other-folder": "folder=spam&cursor={own.cursor}",
    "other-status": "status=closed&cursor={own.cursor}",
    "other-tenant": "cursor={foreign.cursor}",
    "messages-cursor": "cursor={own.messagesCursor}",
}.items():
    add(f"cursor-conversations-{name}", "GET", CONVERSATIONS + "?" + query, "tenant")
for name, query in {
    "garbage": "cursor=garbage",
    "conversations-cursor": "cursor={own.cursor}",
    "unsigned-storage-key": "cursor=dHw",
}.items():
    add(f"cursor-messages-{name}", "GET", "/api/conversations/{own.conversation}/messages?" + query, "tenant")

for f in os.listdir(HERE):
    if f.endswith(".json"):
        os.remove(os.path.join(HERE, f))
seen = set()
for i, (slug, case) in enumerate(cases):
    name = f"{i:03d}-{slug}"[:90]
    assert name not in seen
    seen.add(name)
    with open(os.path.join(HERE, name + ".json"), "w", encoding="utf-8") as out:
        json.dump(case, out, ensure_ascii=True, indent=1)
        out.write("\n")
print(f"{len(cases)} cases")
