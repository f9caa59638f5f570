// A real OpenID Connect provider for the tests and for `scripts/run --oidc`: the certified
// `oidc-provider` package (installed by scripts/test and scripts/run into .run/node), with
// its development interactions (a login form: any password; the login names the account).
//
//   MANDAT_OIDC_MODULES=.run/node/node_modules node tests/oidc/provider.mjs
//
// Environment:
//   MANDAT_OIDC_MODULES   the node_modules folder holding oidc-provider (required)
//   PORT                  port on 127.0.0.1 (0: any free one); the first line printed is
//                         `listening http://127.0.0.1:PORT` (the issuer)
//   ISSUER_HOST           host name in the issuer (default 127.0.0.1; `localhost` for scripts/run)
//   STATIC_CLIENT_ID, STATIC_CLIENT_SECRET, STATIC_REDIRECT_URI, STATIC_POST_LOGOUT_URI
//                         one client registered at start (scripts/run); tests register theirs
//                         through dynamic registration (POST /reg), with their exact URIs.
//
// Accounts: the login is a demo persona's first name (`maria`, `jan`, `pieter`, ...), or a
// national number (11 digits, names then come from the national register), or `no-niss`
// (no NISS claim) or `bad-niss` (a NISS that fails its check). A prefix makes the ID token
// faulty after the provider made it, re-signed so that only the fault counts:
// `expired:maria` (expired), `audience:maria` (for another client), `foreign-key:maria`
// (signed by a key the provider does not publish).
//
// The process ends when its standard input closes (the test binary that started it ended),
// unless STOP_WITH_STDIN=0 (scripts/run stops it itself).

import http from 'node:http';
import { pathToFileURL } from 'node:url';
import path from 'node:path';

const modules = process.env.MANDAT_OIDC_MODULES;
if (!modules) {
  console.error('MANDAT_OIDC_MODULES is not set');
  process.exit(2);
}
const load = (p) => import(pathToFileURL(path.resolve(modules, p)).href);
const { default: Provider } = await load('oidc-provider/lib/index.js');
const jose = await load('jose/dist/webapi/index.js');

const ACCOUNTS = {
  maria: ['90051402426', 'Maria', 'Abara'],
  jan: ['85073003328', 'Jan', 'Peeters'],
  sofie: ['82040218847', 'Sofie', 'Mertens'],
  lena: ['78110314228', 'Lena', 'Schmidt'],
  noah: ['93123107562', 'Noah', 'Lambert'],
  kevin: ['03061712977', 'Kevin', 'Claes'],
  tomasz: ['92481005174', 'Tomasz', 'Kowalski'],
  claire: ['80061512382', 'Claire', 'Lemaire'],
  pieter: ['75092204560', 'Pieter', 'Vos'],
  nadia: ['88120321080', 'Nadia', 'Haddad'],
};
const FAULTS = ['expired', 'audience', 'foreign-key'];

function splitFault(sub) {
  const i = sub.indexOf(':');
  if (i > 0 && FAULTS.includes(sub.slice(0, i))) return [sub.slice(0, i), sub.slice(i + 1)];
  return [null, sub];
}

function claimsOf(sub) {
  const [, login] = splitFault(sub);
  const name = login.trim().toLowerCase();
  if (name === 'no-niss') return { sub, given_name: 'Nobody', family_name: 'Without-Number' };
  if (name === 'bad-niss') return { sub, egovNRN: '90051402427', given_name: 'Wrong', family_name: 'Number' };
  if (/^[0-9]{11}$/.test(name)) return { sub, egovNRN: name };
  const account = ACCOUNTS[name];
  if (!account) return null;
  return { sub, egovNRN: account[0], given_name: account[1], family_name: account[2] };
}

const signing = await jose.generateKeyPair('RS256', { extractable: true });
const signingJwk = { ...(await jose.exportJWK(signing.privateKey)), kid: 'mandat-test', alg: 'RS256', use: 'sig' };
const foreign = await jose.generateKeyPair('RS256', { extractable: true });

const server = http.createServer();
await new Promise((resolve) => server.listen(Number(process.env.PORT || 0), '127.0.0.1', resolve));
const port = server.address().port;
const issuer = `http://${process.env.ISSUER_HOST || '127.0.0.1'}:${port}`;

const clients = [];
if (process.env.STATIC_CLIENT_ID) {
  clients.push({
    client_id: process.env.STATIC_CLIENT_ID,
    client_secret: process.env.STATIC_CLIENT_SECRET,
    redirect_uris: [process.env.STATIC_REDIRECT_URI],
    post_logout_redirect_uris: [process.env.STATIC_POST_LOGOUT_URI],
  });
}

const provider = new Provider(issuer, {
  clients,
  jwks: { keys: [signingJwk] },
  cookies: { keys: ['mandat-test-provider'] },
  claims: { openid: ['sub'], profile: ['given_name', 'family_name'], egovnrn: ['egovNRN'] },
  scopes: ['openid', 'profile', 'egovnrn'],
  conformIdTokenClaims: false,
  features: {
    devInteractions: { enabled: true },
    registration: { enabled: true },
    rpInitiatedLogout: { enabled: true },
  },
  pkce: { required: () => true },
  async findAccount(ctx, sub) {
    const claims = claimsOf(sub);
    if (!claims) return undefined;
    return { accountId: sub, claims: async () => claims };
  },
  // First-party client: consent is implied (no consent screen).
  async loadExistingGrant(ctx) {
    const grantId = ctx.oidc.result?.consent?.grantId
      || ctx.oidc.session.grantIdFor(ctx.oidc.client.clientId);
    if (grantId) {
      const found = await ctx.oidc.provider.Grant.find(grantId);
      if (found) return found;
    }
    const grant = new ctx.oidc.provider.Grant({
      clientId: ctx.oidc.client.clientId,
      accountId: ctx.oidc.session.accountId,
    });
    grant.addOIDCScope('openid profile egovnrn');
    await grant.save();
    return grant;
  },
});
provider.proxy = false;

// The faults: the ID token of a faulty account, re-signed after the provider made it.
provider.use(async (ctx, next) => {
  await next();
  if (ctx.path !== '/token' || ctx.status !== 200 || !ctx.body || !ctx.body.id_token) return;
  const payload = jose.decodeJwt(ctx.body.id_token);
  const [fault] = splitFault(String(payload.sub));
  if (!fault) return;
  let key = signing.privateKey;
  let kid = 'mandat-test';
  if (fault === 'expired') {
    payload.iat -= 3600;
    payload.exp = payload.iat + 600;
    if (payload.auth_time) payload.auth_time -= 3600;
  } else if (fault === 'audience') {
    payload.aud = 'another-service';
  } else if (fault === 'foreign-key') {
    key = foreign.privateKey;
    kid = 'not-published';
  }
  ctx.body.id_token = await new jose.SignJWT(payload)
    .setProtectedHeader({ alg: 'RS256', kid })
    .sign(key);
});

server.on('request', provider.callback());
console.log(`listening ${issuer}`);

if (process.env.STOP_WITH_STDIN !== '0') {
  process.stdin.resume();
  process.stdin.on('end', () => process.exit(0));
  process.stdin.on('error', () => process.exit(0));
}
