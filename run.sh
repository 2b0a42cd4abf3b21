#!/usr/bin/env bash
# The demo: Azurite (in memory), the channel simulator with a realistic scenario, the app in standalone mode;
# creates a demo tenant, connects four accounts, shows the initial syncs live, prints a summary and the dashboard
# URL, then keeps simulated buyers writing until Ctrl-C, which stops everything this script started.
# --no-demo: just Azurite + the app, configured by local.settings.json, against the real channels.
set -euo pipefail
cd "$(dirname "$0")"
ROOT=$PWD

APP_PORT=7071
SIM_PORT=7081
AZURITE_BASE=10000
SCENARIO=""
DEMO=1
BUYER_INTERVAL=5
usage() {
  cat <<USAGE
Usage: ./run.sh [options]
  --port N            app port (default 7071)
  --sim-port N        channel simulator port (default 7081)
  --azurite-port N    first of three Azurite ports: blob N, queue N+1, table N+2 (default 10000)
  --scenario FILE     simulator scenario (JSON, see src/Harasocial.ChannelSimulator/README.md);
                      default: the built-in demo scenario (Scenario.Default)
  --buyer-interval S  seconds between simulated buyer messages after the initial sync (default 5; 0 = none)
  --no-demo           no simulator, no demo tenant: Azurite + the app using local.settings.json (real channels)
  -h, --help          this help
Needs: .NET 10 SDK, Node.js + npm (Azurite), curl. Ctrl-C stops everything the script started.
USAGE
}
while [ $# -gt 0 ]; do
  case "$1" in
    --port) APP_PORT="$2"; shift 2 ;;
    --sim-port) SIM_PORT="$2"; shift 2 ;;
    --azurite-port) AZURITE_BASE="$2"; shift 2 ;;
    --scenario) SCENARIO="$(cd "$(dirname "$2")" && pwd)/$(basename "$2")"; shift 2 ;;
    --buyer-interval) BUYER_INTERVAL="$2"; shift 2 ;;
    --no-demo) DEMO=0; shift ;;
    -h|--help) usage; exit 0 ;;
    *) echo "unknown option: $1"; usage; exit 2 ;;
  esac
done
if [ -n "$SCENARIO" ] && [ ! -f "$SCENARIO" ]; then echo "no scenario file $SCENARIO"; exit 2; fi

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
LOGS=$(mktemp -d -t harasocial-run.XXXXXX)
echo "== logs of Azurite, the simulator and the app: $LOGS"
# A script's background jobs start with SIGINT ignored; restore it so that Ctrl-C and the cleanup stop them gracefully.
BG="env --default-signal=INT"
pids=()
cleanup() {
  trap '' INT TERM   # a second Ctrl-C must not cut the cleanup short
  trap - EXIT
  echo
  echo "== stopping (${#pids[@]} processes)"
  # A terminal's Ctrl-C has already reached every child (same process group): give them a moment first, since a
  # second SIGINT makes the simulator abort. Then SIGINT, SIGTERM, and SIGKILL for anything left.
  for signal in none INT TERM KILL; do
    [ "$signal" = none ] || for pid in "${pids[@]}"; do kill -"$signal" "$pid" 2>/dev/null || true; done
    for _ in $(seq 1 25); do
      alive=0
      for pid in "${pids[@]}"; do kill -0 "$pid" 2>/dev/null && alive=1; done
      [ $alive -eq 0 ] && break 2
      sleep 0.2
    done
  done
  wait 2>/dev/null || true
  echo "stopped; logs in $LOGS"
}
trap cleanup EXIT
trap 'exit 130' INT TERM   # exit runs the EXIT trap: cleanup, and nothing after it

wait_http() { # url seconds what
  for _ in $(seq 1 $(( $2 * 5 ))); do
    if curl -fsS -o /dev/null "$1" 2>/dev/null; then return 0; fi
    sleep 0.2
  done
  echo "$3 did not answer at $1; see $LOGS"; exit 1
}

started=$(date +%s)
echo "== installing tools (npm) and building"
[ -x node_modules/.bin/azurite ] || npm ci --no-audit --no-fund --loglevel=error
dotnet build src/Harasocial.Standalone -c Release -nologo -clp:ErrorsOnly -v q
[ $DEMO -eq 1 ] && dotnet build src/Harasocial.ChannelSimulator -c Release -nologo -clp:ErrorsOnly -v q

BLOB=$AZURITE_BASE; QUEUE=$((AZURITE_BASE + 1)); TABLE=$((AZURITE_BASE + 2))
echo "== Azurite in memory (blob $BLOB, queue $QUEUE, table $TABLE)"
$BG node_modules/.bin/azurite --inMemoryPersistence --silent --skipApiVersionCheck --disableTelemetry --loose \
  --blobPort "$BLOB" --queuePort "$QUEUE" --tablePort "$TABLE" >"$LOGS/azurite.log" 2>&1 &
pids+=($!)

ACCOUNT=devstoreaccount1
KEY="Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw=="
export AzureWebJobsStorage="DefaultEndpointsProtocol=http;AccountName=$ACCOUNT;AccountKey=$KEY;BlobEndpoint=http://127.0.0.1:$BLOB/$ACCOUNT;QueueEndpoint=http://127.0.0.1:$QUEUE/$ACCOUNT;TableEndpoint=http://127.0.0.1:$TABLE/$ACCOUNT;"

if [ $DEMO -eq 0 ] && [ -f local.settings.json ] && grep -q '"Auth__AdminKey"' local.settings.json; then
  : # local.settings.json supplies the keys
else
  export Auth__AdminKey="${Auth__AdminKey:-local-admin-key-$(head -c 12 /dev/urandom | od -An -tx1 | tr -d ' \n')}"
  export Security__TokenEncryptionKey="${Security__TokenEncryptionKey:-$(head -c 32 /dev/urandom | base64)}"
fi

APP="http://127.0.0.1:$APP_PORT"
SIM="http://127.0.0.1:$SIM_PORT"
if [ $DEMO -eq 1 ]; then
  echo "== channel simulator on $SIM (webhooks to $APP)"
  sim_args=(--port "$SIM_PORT" --webhook-target "$APP/")
  [ -n "$SCENARIO" ] && sim_args+=(--scenario "$SCENARIO")
  $BG dotnet src/Harasocial.ChannelSimulator/bin/Release/net10.0/Harasocial.ChannelSimulator.dll "${sim_args[@]}" >"$LOGS/simulator.log" 2>&1 &
  pids+=($!)
  wait_http "$SIM/_sim/accounts" 30 "The simulator"

  # The app talks to the simulator with the scenario's secrets (defaults unless the scenario file sets others).
  eval "$(SCENARIO="$SCENARIO" node -e '
    const fs = require("fs");
    let s = {};
    if (process.env.SCENARIO) {
      // Scenario files allow comments and trailing commas.
      const text = fs.readFileSync(process.env.SCENARIO, "utf8").replace(/^\s*\/\/.*$/gm, "").replace(/,(\s*[}\]])/g, "$1");
      s = (JSON.parse(text).secrets) || {};
    }
    const v = (k, d) => String(s[k] ?? d).replace(/[^A-Za-z0-9_.:\/-]/g, "");
    console.log(`META_SECRET=${v("metaAppSecret", "sim-meta-secret")} META_APP=${v("metaAppId", "100200300")}`);
    console.log(`ZALO_APP=${v("zaloAppId", "2000000001")} ZALO_SECRET=${v("zaloAppSecret", "sim-zalo-app-secret")} ZALO_OA=${v("zaloOaSecretKey", "sim-zalo-oa-secret")}`);
    console.log(`SHOPEE_PARTNER=${v("shopeePartnerId", "1000001")} SHOPEE_KEY=${v("shopeePartnerKey", "sim-shopee-partner-key")} SHOPEE_PUSH=${v("shopeePushUrl", "http://127.0.0.1:7071/api/webhooks/shopee")}`);
  ')"
  export Channels__Facebook__GraphApiBaseUrl="$SIM/graph/v25.0" Channels__Facebook__AppId="$META_APP"
  export Channels__Facebook__AppSecret="$META_SECRET" Channels__Facebook__VerifyToken="demo-verify-token"
  export Channels__Zalo__OpenApiBaseUrl="$SIM/zalo/openapi" Channels__Zalo__OAuthBaseUrl="$SIM/zalo/oauth"
  export Channels__Zalo__AppId="$ZALO_APP" Channels__Zalo__AppSecret="$ZALO_SECRET" Channels__Zalo__OaSecretKey="$ZALO_OA"
  export Channels__Shopee__ApiBaseUrl="$SIM/shopee" Channels__Shopee__PartnerId="$SHOPEE_PARTNER"
  export Channels__Shopee__PartnerKey="$SHOPEE_KEY" Channels__Shopee__PushCallbackUrl="$SHOPEE_PUSH"
fi

echo "== app on $APP (standalone)"
$BG dotnet src/Harasocial.Standalone/bin/Release/net10.0/Harasocial.Standalone.dll --urls "$APP" >"$LOGS/app.log" 2>&1 &
pids+=($!)
wait_http "$APP/api/health" 60 "The app"

if [ $DEMO -eq 0 ]; then
  echo
  echo "Harasocial Sync is running against the channels configured in local.settings.json."
  echo "  dashboard  $APP/"
  [ -n "${Auth__AdminKey:-}" ] && echo "  admin key  $Auth__AdminKey   (POST $APP/api/tenants {\"id\",\"name\"} to get a tenant key)"
  echo "  logs       $LOGS"
  echo "Ctrl-C stops everything."
  wait -n "${pids[@]}"
  exit 0
fi

# The demo driver: Node's fetch keeps JSON handling out of bash.
DEMO_JS=$(cat <<'JS'
// Keys come through the environment, never the command line (a child's argv is visible to every user in `ps`).
const [app, sim, interval, started] = process.argv.slice(1);
const adminKey = process.env.Auth__AdminKey;
const tty = process.stdout.isTTY;
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
async function call(method, url, key, body) {
  const headers = { 'Content-Type': 'application/json' };
  if (key) headers['X-Api-Key'] = key;
  const r = await fetch(url, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  const text = await r.text();
  if (!r.ok) throw new Error(`${method} ${url}: ${r.status} ${text}`);
  return text ? JSON.parse(text) : null;
}
const pad = (s, n) => String(s).padEnd(n).slice(0, n);
const num = (n) => String(n ?? 0).padStart(8);
// One import rule of a job report in words: what was imported, of how many, and why it stopped there.
function explain(l) {
  const rule = l.name.split('.').slice(1).join('.');
  const of = l.found != null ? ` of ${l.found}` : '';
  const days = /^phase1\.days(\d+)$/.exec(rule);
  if (days) return `conversations active in the last ${days[1]} days: ${l.imported} — all of them (no count cap)`;
  if (rule === 'unfollowerMessages') return `customers who unfollowed: ${l.found ?? 0}, ${l.imported} messages — at most ${l.limit} each`;
  const label = { 'phase2.batch': 'older conversations (fewer than 100 were recent)', total: 'conversations in all',
    conversations: 'conversations', messagesPerConversation: 'messages', posts: 'posts', comments: 'comments across them',
    spamConversations: 'Spam-folder conversations' }[rule] || rule;
  const limit = rule === 'messagesPerConversation' ? `at most ${l.limit} per conversation`
    : rule === 'phase2.batch' || rule === 'total' ? `at most ${l.limit}`
    : l.limit != null ? `the ${l.limit} newest` : '';
  const why = { limit: `${limit || 'the limit'}${limit ? ' (the limit)' : ''}`, exhausted: `all there were${limit ? ` (rule: ${limit})` : ''}`,
    cancelled: 'cancelled', auth: 'stopped: the token was rejected', failed: 'stopped: failed', running: 'still running' }[l.stoppedBecause] || l.stoppedBecause;
  return `${label}: ${l.imported}${of} — ${why}`;
}
const secs = (j) => j.completedAt ? ((new Date(j.completedAt) - new Date(j.createdAt)) / 1000).toFixed(1) : '';

(async () => {
  // /api/health can answer before the app has created its tables: retry the first write for a while.
  let tenant;
  for (let attempt = 1; ; attempt++) {
    try { tenant = await call('POST', `${app}/api/tenants`, adminKey, { id: 'demo', name: 'Demo seller (Tiệm Hoa Mai)' }); break; }
    catch (e) { if (attempt >= 40 || !/: 5\d\d /.test(e.message)) throw e; await sleep(500); }
  }
  const key = tenant.apiKey;
  const accounts = await call('GET', `${sim}/_sim/accounts`);
  const rows = [];
  for (const a of accounts) {
    const body = { channel: a.channel, externalId: a.id, name: a.name, accessToken: a.accessToken };
    if (a.refreshToken) body.refreshToken = a.refreshToken;
    if (a.linkedPageId) body.linkedPageId = a.linkedPageId;
    if (a.channel === 'facebook') body.settings = { syncSpam: true };
    const created = await call('POST', `${app}/api/connections`, key, body);
    rows.push({ account: a, connection: created.connection, job: created.job });
  }
  console.log(`== initial sync of ${rows.length} accounts (one line each, refreshed)`);
  const line = (r) => `  ${pad(r.account.channel, 9)} ${pad(r.account.name, 18)} ${pad(r.job.status, 9)} ${pad(r.job.phase || '', 14)}` +
    ` conv ${num(r.job.progress.conversations)} msgs ${num(r.job.progress.messages)} calls ${num(r.job.progress.apiCalls)}`;
  let printed = 0, last = 0;
  const deadline = Date.now() + 15 * 60 * 1000;
  for (;;) {
    for (const r of rows) r.job = await call('GET', `${app}/api/sync-jobs/${r.job.id}`, key);
    const done = rows.every((r) => ['completed', 'failed', 'cancelled'].includes(r.job.status));
    if (tty) {
      if (printed) process.stdout.write(`\x1b[${printed}A`);
      for (const r of rows) process.stdout.write(`\x1b[2K${line(r)}\n`);
      printed = rows.length;
    } else if (done || Date.now() - last > 5000) {
      last = Date.now();
      console.log(`  -- ${new Date().toISOString().slice(11, 19)}`);
      for (const r of rows) console.log(line(r));
    }
    if (done) break;
    if (Date.now() > deadline) { console.log('  gave up waiting after 15 minutes'); break; }
    await sleep(1000);
  }
  for (const r of rows) r.connection = await call('GET', `${app}/api/connections/${r.connection.id}`, key);
  console.log('');
  console.log('== summary (initial sync)');
  console.log(`  ${pad('channel', 9)} ${pad('account', 18)} ${pad('status', 9)} ${'convs'.padStart(8)} ${'messages'.padStart(8)} ${'posts'.padStart(8)} ${'comments'.padStart(8)} ${'calls'.padStart(8)} ${'seconds'.padStart(8)}`);
  for (const r of rows) {
    const p = r.job.progress;
    console.log(`  ${pad(r.account.channel, 9)} ${pad(r.account.name, 18)} ${pad(r.job.status, 9)} ${num(p.conversations)} ${num(p.messages)} ${num(p.posts)} ${num(p.comments)} ${num(p.apiCalls)} ${secs(r.job).padStart(8)}`);
    if (r.job.error) console.log(`    error: ${r.job.error}`);
  }
  // Why these numbers: the import rules that applied (the job's report), e.g. "posts 5 of 8: the 5 newest (the limit)".
  console.log('');
  console.log('== what each initial sync imported, and why it stopped there (the import limits in the README; the job report)');
  for (const r of rows) {
    const limits = (r.job.report && r.job.report.limits) || [];
    console.log(`  ${r.account.channel} ${r.account.name}`);
    for (const l of limits) console.log(`    ${explain(l)}`);
  }
  console.log(`  (wall time since ./run.sh started: ${Math.round(Date.now() / 1000 - Number(started))} s)`);
  console.log('');
  console.log('Harasocial Sync demo is running.');
  console.log(`  dashboard   ${app}/`);
  console.log(`  demo key    ${key}   (paste it into the dashboard)`);
  console.log(`  admin key   ${adminKey}`);
  console.log(`  simulator   ${sim}/_sim/accounts`);
  const wait = Number(interval);
  if (!(wait > 0)) { console.log('Ctrl-C stops everything.'); setInterval(() => {}, 1 << 30); return; }
  console.log(`Simulated buyers write every ~${wait} s (webhooks into the app). Ctrl-C stops everything.`);

  const phrases = ['Shop ơi, mẫu này còn size M không?', 'Cho mình hỏi giá sỉ với ạ', 'Bao lâu thì giao tới Đà Nẵng vậy shop?',
    'Is this still available?', 'Mình chuyển khoản rồi nha', 'Can I change the colour to black?', 'Đơn của mình đi chưa shop?'];
  const customers = new Map();
  for (const r of rows) {
    try {
      const page = await call('GET', `${app}/api/connections/${r.connection.id}/conversations?limit=10`, key);
      customers.set(r, page.items.map((c) => c.customer.id));
    } catch { customers.set(r, []); }
  }
  for (let n = 1; ; n++) {
    await sleep(wait * 1000 * (0.5 + Math.random()));
    const r = rows[Math.floor(Math.random() * rows.length)];
    const known = customers.get(r) || [];
    const customerId = known.length && Math.random() < 0.8 ? known[Math.floor(Math.random() * known.length)] : `demo-buyer-${Date.now() % 1e9}`;
    const text = phrases[Math.floor(Math.random() * phrases.length)];
    try {
      await call('POST', `${sim}/_sim/${r.account.channel}/${r.account.id}/messages`, null, { customerId, text });
      console.log(`  ${new Date().toISOString().slice(11, 19)} buyer ${customerId} -> ${r.account.channel} ${r.account.name}: ${text}`);
    } catch (e) { console.log(`  buyer message failed: ${e.message}`); }
  }
})().catch((e) => { console.error(`demo failed: ${e.message}`); process.exit(1); });
JS
)
$BG node -e "$DEMO_JS" "$APP" "$SIM" "$BUYER_INTERVAL" "$started" &
pids+=($!)
wait -n "${pids[@]}"
