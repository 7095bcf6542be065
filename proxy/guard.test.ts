import { describe, expect, it } from 'vitest';
import { checkProxyRequest } from './guard';
import { resolveUpstream, describeUpstream } from './config';

const same = { host: 'localhost:5173', origin: 'http://localhost:5173', 'sec-fetch-site': 'same-origin' };

describe('proxy guard', () => {
  it.each([
    ['GET', '/v1/fine_tuning/jobs?page=0'],
    ['GET', '/v1/fine_tuning/jobs/abc'],
    ['GET', '/v1/files'],
    ['GET', '/v1/models'],
  ])('forwards %s %s', (method, url) => {
    expect(checkProxyRequest({ method, url, headers: {} })).toBeNull();
  });

  it.each([
    ['GET', '/v1/models/open-mistral-7b'],
    ['HEAD', '/v1/models/ft:open-mistral-7b:5e7f1c2a:20260115:abcd1234'],
    ['GET', '/v1/models/ft%3Aopen-mistral-7b%3A5e7f1c2a%3A20260115%3Aabcd1234'],
  ])('forwards the model read %s %s', (method, url) => {
    expect(checkProxyRequest({ method, url, headers: {} })).toBeNull();
  });

  const write = { ...same, 'x-requested-with': 'mistral-ft-dashboard' };
  const FT = 'ft%3Aclassifier%3Aministral-3b-latest%3A5e7f1c2a%3A20260115%3Aabcd1234';
  it.each([
    ['PATCH', `/v1/fine_tuning/models/${FT}`],
    ['PATCH', '/v1/fine_tuning/models/ft:open-mistral-7b:5e7f1c2a:20260115:abcd1234'],
    ['POST', `/v1/fine_tuning/models/${FT}/archive`],
    ['DELETE', `/v1/fine_tuning/models/${FT}/archive`],
    ['DELETE', `/v1/models/${FT}`],
    ['POST', '/v1/chat/completions'],
    ['POST', '/v1/classifications'],
  ])('forwards the dashboard write %s %s', (method, url) => {
    expect(checkProxyRequest({ method, url, headers: write })).toBeNull();
  });

  it.each([
    ['PATCH', '/v1/fine_tuning/jobs/abc'],
    ['PATCH', '/v1/fine_tuning/jobs'],
    ['DELETE', '/v1/fine_tuning/jobs/abc'],
    ['PUT', '/v1/models/open-mistral-7b'],
    ['PUT', `/v1/fine_tuning/models/${FT}`],
    ['POST', '/v1/models'],
    ['POST', `/v1/models/${FT}`],
    ['PATCH', `/v1/models/${FT}`],
    ['DELETE', '/v1/models'],
    ['GET', `/v1/fine_tuning/models/${FT}`],
    ['GET', `/v1/fine_tuning/models/${FT}/archive`],
    ['PATCH', `/v1/fine_tuning/models/${FT}/archive`],
    ['GET', '/v1/chat/completions'],
    ['DELETE', '/v1/chat/completions'],
    ['GET', '/v1/classifications'],
    ['OPTIONS', '/v1/chat/completions'],
  ])('refuses %s %s with 405 and says what the path takes', (method, url) => {
    const refusal = checkProxyRequest({ method, url, headers: write });
    expect(refusal).toMatchObject({ status: 405 });
    expect(refusal?.allow).not.toContain(method);
  });

  it.each([
    '/v1/chat',
    '/v1/chat/completions/x',
    '/v1/classifications/x',
    '/v1/fim/completions',
    '/v1/moderations',
    '/v1/chat/classifications',
    '/v1/models/x/archive',
    '/v1/models/x/y',
    '/v1/fine_tuning/models',
    '/v1/fine_tuning/models/x/unarchive',
    '/v1/fine_tuning/models/x/archive/y',
    '/v1/models/..',
    '/v1/models/%2e%2e',
    '/v1/models/ft%3A..%2Fjobs',
    '/v1/models/a.b',
    '/v1/fine_tuning/models/%2e%2e%2Fjobs',
    '/v1/fine_tuning/models/..%2F..%2Fchat%2Fcompletions/archive',
    '/v1/fine_tuning/jobs/a/b/c',
    '/v1/agents',
    '/v1/batch/jobs',
    '/v1/files/x/content',
    // Paths an upstream could resolve elsewhere after the guard has looked.
    '/v1/fine_tuning/jobs/../cancel',
    '/v1/files/..%2F..%2Fchat%2Fcompletions',
    '/v1/fine_tuning/jobs/%2e%2e/start',
    '/v1/models/..\\chat',
  ])('refuses %s with 404', (url) => {
    expect(checkProxyRequest({ method: 'GET', url, headers: {} })).toMatchObject({ status: 404 });
  });

  it('lets the dashboard write (its header, same origin)', () => {
    const headers = { ...same, 'x-requested-with': 'mistral-ft-dashboard' };
    expect(checkProxyRequest({ method: 'POST', url: '/v1/fine_tuning/jobs/abc/cancel', headers })).toBeNull();
    expect(
      checkProxyRequest({
        method: 'POST',
        url: '/v1/fine_tuning/jobs',
        headers: { ...same, 'content-type': 'application/json' },
      }),
    ).toBeNull();
  });

  it('refuses writes another site could make', () => {
    const cross = {
      host: 'localhost:5173',
      origin: 'http://evil.test',
      'sec-fetch-site': 'cross-site',
      'x-requested-with': 'mistral-ft-dashboard',
    };
    expect(checkProxyRequest({ method: 'POST', url: '/v1/fine_tuning/jobs/a/start', headers: cross })).toMatchObject({
      status: 403,
    });
    const formPost = { host: 'localhost:5173', 'content-type': 'text/plain' };
    expect(checkProxyRequest({ method: 'POST', url: '/v1/fine_tuning/jobs', headers: formPost })).toMatchObject({
      status: 403,
    });
    const noSecFetch = { host: 'localhost:5173', origin: 'http://evil.test', 'content-type': 'application/json' };
    expect(checkProxyRequest({ method: 'POST', url: '/v1/fine_tuning/jobs', headers: noSecFetch })).toMatchObject({
      status: 403,
    });
    expect(checkProxyRequest({ method: 'DELETE', url: '/v1/files/x', headers: same })).toMatchObject({ status: 405 });
  });

  it.each([
    ['PATCH', '/v1/fine_tuning/models/ft:m:1'],
    ['DELETE', '/v1/fine_tuning/models/ft:m:1/archive'],
    ['DELETE', '/v1/models/ft:m:1'],
    ['POST', '/v1/fine_tuning/models/ft:m:1/archive'],
    ['POST', '/v1/chat/completions'],
    ['POST', '/v1/classifications'],
  ])('refuses %s %s from another site, as every write', (method, url) => {
    const tagged = { 'x-requested-with': 'mistral-ft-dashboard', 'content-type': 'application/json' };
    const cases = [
      { host: 'localhost:5173', origin: 'http://evil.test', 'sec-fetch-site': 'cross-site', ...tagged },
      { host: 'localhost:5173', 'sec-fetch-site': 'same-site', ...tagged },
      { host: 'localhost:5173', origin: 'http://evil.test', ...tagged },
      { host: 'localhost:5173', origin: 'null', ...tagged },
    ];
    for (const headers of cases)
      expect(checkProxyRequest({ method, url, headers }), JSON.stringify(headers)).toMatchObject({ status: 403 });
  });

  it('takes a JSON type in place of the header only on POST: PATCH and DELETE always need the header', () => {
    const json = { ...same, 'content-type': 'application/json' };
    expect(checkProxyRequest({ method: 'POST', url: '/v1/chat/completions', headers: json })).toBeNull();
    expect(
      checkProxyRequest({ method: 'POST', url: '/v1/fine_tuning/models/ft:m:1/archive', headers: json }),
    ).toBeNull();
    for (const [method, url] of [
      ['PATCH', '/v1/fine_tuning/models/ft:m:1'],
      ['DELETE', '/v1/fine_tuning/models/ft:m:1/archive'],
      ['DELETE', '/v1/models/ft:m:1'],
    ] as const) {
      expect(checkProxyRequest({ method, url, headers: json }), `${method} ${url}`).toMatchObject({
        status: 403,
        detail: 'Missing X-Requested-With header',
      });
      expect(checkProxyRequest({ method, url, headers: same }), `${method} ${url}`).toMatchObject({ status: 403 });
    }
    // A form post (text/plain) to chat, without the header: refused like any other.
    const form = { ...same, 'content-type': 'text/plain' };
    expect(checkProxyRequest({ method: 'POST', url: '/v1/chat/completions', headers: form })).toMatchObject({
      status: 403,
    });
  });

  it('refuses a write with a malformed Origin as cross-origin, without throwing', () => {
    for (const origin of ['garbage', 'http://', '://x', 'http://[::1']) {
      const headers = { host: 'localhost:5173', origin, 'x-requested-with': 'mistral-ft-dashboard' };
      expect(checkProxyRequest({ method: 'POST', url: '/v1/fine_tuning/jobs', headers }), origin).toMatchObject({
        status: 403,
      });
    }
  });

  it('takes only application/json itself, with parameters, in place of the client header', () => {
    const post = (type: string) =>
      checkProxyRequest({ method: 'POST', url: '/v1/fine_tuning/jobs', headers: { ...same, 'content-type': type } });
    expect(post('application/json')).toBeNull();
    expect(post('Application/JSON; charset=utf-8')).toBeNull();
    for (const type of ['application/json-patch+json', 'application/jsonx', 'application/json5', 'text/json']) {
      expect(post(type), type).toMatchObject({ status: 403 });
    }
  });

  it('refuses every request another site makes, reads included', () => {
    const from = (site: string) => ({ host: 'localhost:5173', 'sec-fetch-site': site });
    for (const url of ['/v1/fine_tuning/jobs', '/v1/models', '/v1/files', '/v1/fine_tuning/jobs/abc']) {
      expect(checkProxyRequest({ method: 'GET', url, headers: from('cross-site') }), url).toMatchObject({
        status: 403,
      });
      expect(checkProxyRequest({ method: 'HEAD', url, headers: from('cross-site') }), url).toMatchObject({
        status: 403,
      });
    }
    // The user typing the URL (none) and the page itself still read.
    expect(checkProxyRequest({ method: 'GET', url: '/v1/models', headers: from('none') })).toBeNull();
    expect(checkProxyRequest({ method: 'GET', url: '/v1/models', headers: from('same-origin') })).toBeNull();
  });
});

describe('upstream', () => {
  it('defaults to the local emulator', () => {
    expect(resolveUpstream({})).toEqual({ target: 'http://127.0.0.1:8787', apiKey: undefined, kind: 'emulator' });
  });
  it('goes to Mistral with a key, and never describes the key', () => {
    const u = resolveUpstream({ MISTRAL_API_KEY: 'sk-secret' });
    expect(u).toMatchObject({ target: 'https://api.mistral.ai', kind: 'mistral' });
    expect(JSON.stringify(describeUpstream(u))).not.toContain('sk-secret');
  });
  it('takes an explicit URL', () => {
    expect(resolveUpstream({ MISTRAL_API_URL: 'http://stub:9/' })).toMatchObject({
      target: 'http://stub:9',
      kind: 'custom',
    });
  });
});
