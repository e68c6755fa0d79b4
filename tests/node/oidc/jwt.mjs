// Signing keys and hand-made JWTs for the tests, with node:crypto only: the identity
// provider is given keys made here, so a test can forge a token the gateway should trust
// apart from exactly one flaw (wrong issuer, expired, ...).
import { createPrivateKey, createSecretKey, createHmac, generateKeyPairSync, sign } from 'node:crypto';

const base64url = (value) => Buffer.from(value).toString('base64url');

// One RS256 and one ES256 private JWK, with kids that say which set they belong to.
export function makeKeySet(label) {
  const rsa = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({ format: 'jwk' });
  const ec = generateKeyPairSync('ec', { namedCurve: 'P-256' }).privateKey.export({ format: 'jwk' });
  return {
    keys: [
      { ...rsa, kid: `${label}-rs256`, alg: 'RS256', use: 'sig' },
      { ...ec, kid: `${label}-es256`, alg: 'ES256', use: 'sig' },
    ],
  };
}

export function keyFor(keySet, alg) {
  const key = keySet.keys.find((candidate) => candidate.alg === alg);
  if (!key) throw new Error(`no ${alg} key in the set`);
  return key;
}

// The public half, as a JWKS endpoint would publish it.
export function publicJwk(privateJwk) {
  const { d, p, q, dp, dq, qi, ...rest } = privateJwk;
  return rest;
}

export const nowSeconds = () => Math.floor(Date.now() / 1000);

// Signs `payload` with `jwk` (RS256 or ES256 per header.alg); header.kid defaults to the
// key's kid. alg "none" gives an unsigned token; "HS256" uses `hmacSecret`.
export function signJwt(payload, { jwk, header = {}, hmacSecret } = {}) {
  const fullHeader = { alg: jwk?.alg ?? 'none', typ: 'JWT', ...(jwk ? { kid: jwk.kid } : {}), ...header };
  const input = `${base64url(JSON.stringify(fullHeader))}.${base64url(JSON.stringify(payload))}`;
  let signature = Buffer.alloc(0);
  if (fullHeader.alg === 'RS256') {
    signature = sign('sha256', Buffer.from(input), createPrivateKey({ key: jwk, format: 'jwk' }));
  } else if (fullHeader.alg === 'ES256') {
    signature = sign('sha256', Buffer.from(input),
      { key: createPrivateKey({ key: jwk, format: 'jwk' }), dsaEncoding: 'ieee-p1363' });
  } else if (fullHeader.alg === 'HS256') {
    signature = createHmac('sha256', createSecretKey(Buffer.from(hmacSecret))).update(input).digest();
  } else if (fullHeader.alg !== 'none') {
    throw new Error(`signJwt cannot sign ${fullHeader.alg}`);
  }
  return `${input}.${signature.toString('base64url')}`;
}

// The parts of a compact JWT, decoded (no verification).
export function decodeJwt(token) {
  const [header, payload] = token.split('.').slice(0, 2)
    .map((part) => JSON.parse(Buffer.from(part, 'base64url').toString('utf8')));
  return { header, payload };
}
