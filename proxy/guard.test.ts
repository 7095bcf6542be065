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
    '/v1/chat/completions',
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
