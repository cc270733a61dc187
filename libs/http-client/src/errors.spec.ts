import { errorCodeOf } from '@wirestream/contracts';
import { FetchFailedError, FetchRefusedError } from './errors';

describe('fetch errors', () => {
  it('give each refusal reason its stable code', () => {
    expect(new FetchRefusedError('body-too-large', 'too big').code).toBe('OVERSIZE');
    expect(new FetchRefusedError('forbidden-address', '10.0.0.1').code).toBe('FETCH_ADDRESS_FORBIDDEN');
    expect(new FetchRefusedError('http-status', 'HTTP 404', 404).code).toBe('FETCH_HTTP_STATUS');
  });

  it('keep the network error they wrap, and its code stays out of ours', () => {
    const reset = Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' });
    const failed = new FetchFailedError('https://example.org/feed: socket hang up (ECONNRESET)', null, null, { cause: reset });
    expect(failed.cause).toBe(reset);
    expect(errorCodeOf(failed)).toBe('FETCH_FAILED');
  });
});
