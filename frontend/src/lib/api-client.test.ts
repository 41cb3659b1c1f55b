import { afterEach, describe, expect, it, vi } from 'vitest';
import { api, ApiError, NetworkError } from './api-client';

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('api client', () => {
  it('turns a problem+json answer into an ApiError with its code and field errors', async () => {
    const problem = {
      type: 'about:blank',
      title: 'Thông tin không hợp lệ',
      status: 400,
      detail: 'Vui lòng kiểm tra các mục được đánh dấu.',
      code: 'VALIDATION_FAILED',
      errors: [
        { field: 'phone', code: 'PHONE_INVALID', message: 'Số điện thoại không hợp lệ.' },
        { field: 'phone', code: 'FIELD_REQUIRED', message: 'second message for the same field' },
        { field: 'birthYear', code: 'BIRTH_YEAR_INVALID', message: 'Năm sinh phải từ 1900 đến 2020.' },
      ],
    };
    const fetch = vi.fn(
      async () =>
        new Response(JSON.stringify(problem), { status: 400, headers: { 'Content-Type': 'application/problem+json' } }),
    );
    vi.stubGlobal('fetch', fetch);

    const error = await api('/api/contests/x/attempts', { method: 'POST', body: { phone: '1' } }).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ status: 400, code: 'VALIDATION_FAILED', detail: problem.detail, retryable: false });
    expect((error as ApiError).fieldMessages()).toEqual({
      phone: 'Số điện thoại không hợp lệ.',
      birthYear: 'Năm sinh phải từ 1900 đến 2020.',
    });

    const [, init] = fetch.mock.calls[0] as unknown as [string, RequestInit];
    const headers = init.headers as Record<string, string>;
    expect(headers['Content-Type']).toBe('application/json');
    expect(headers['Accept-Language']).toBe('vi');
    expect(headers['X-Requested-With']).toBe('XMLHttpRequest');
    expect(init.body).toBe('{"phone":"1"}');
  });

  it('sends a string body byte for byte, so a retry is the same request', async () => {
    const fetch = vi.fn(async () => new Response('{"score":3}', { status: 200 }));
    vi.stubGlobal('fetch', fetch);
    const body = '{"answers":[],"prediction":7}';
    await expect(api('/api/attempts/1/submission', { method: 'POST', body })).resolves.toEqual({ score: 3 });
    expect((fetch.mock.calls[0] as unknown as [string, RequestInit])[1].body).toBe(body);
  });

  it('tells a proxy error page and a lost connection apart, both worth a retry', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => new Response('<html>Bad gateway</html>', { status: 502 })),
    );
    const gateway = await api('/api/x').catch((e: unknown) => e);
    expect(gateway).toMatchObject({ status: 502, code: 'HTTP_502', retryable: true });

    vi.stubGlobal(
      'fetch',
      vi.fn(async () => Promise.reject(new TypeError('Failed to fetch'))),
    );
    await expect(api('/api/x')).rejects.toBeInstanceOf(NetworkError);
  });
});
