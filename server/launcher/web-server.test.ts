import { describe, expect, it } from 'vitest';
import { nextStartArgs, probeUrl, publicUrl, webServerAddress } from './web-server';

describe('webServerAddress', () => {
  it('binds the web server to loopback unless told otherwise', () => {
    const address = webServerAddress({});
    expect(address).toEqual({ host: '127.0.0.1', port: 3000 });
    expect(nextStartArgs(address)).toEqual(['start', '--hostname', '127.0.0.1', '--port', '3000']);
  });

  it('takes HEADROOM_WEB_HOST before HOST, and PORT', () => {
    expect(webServerAddress({ HOST: '0.0.0.0', PORT: '8080' })).toEqual({
      host: '0.0.0.0',
      port: 8080,
    });
    expect(webServerAddress({ HOST: '0.0.0.0', HEADROOM_WEB_HOST: '10.0.0.5' }).host).toBe(
      '10.0.0.5',
    );
  });

  it('refuses a port that is not one, naming the variable', () => {
    expect(() => webServerAddress({ PORT: 'eighty' })).toThrow(/PORT/);
  });
});

describe('the printed and probed addresses', () => {
  it('prints localhost for loopback and wildcard binds, the host otherwise', () => {
    expect(publicUrl({ host: '127.0.0.1', port: 3000 })).toBe('http://localhost:3000');
    expect(publicUrl({ host: '0.0.0.0', port: 3000 })).toBe('http://localhost:3000');
    expect(publicUrl({ host: '10.0.0.5', port: 3000 })).toBe('http://10.0.0.5:3000');
    expect(probeUrl({ host: '0.0.0.0', port: 3000 })).toBe('http://127.0.0.1:3000');
  });
});
