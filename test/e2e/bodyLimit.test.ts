/**
 * A refused oversize body closes its connection (`Connection: close`): the client must not reuse a socket
 * whose unread request body makes it useless. The next request, on a new connection, is served.
 */
import { connect, type Socket } from 'node:net';
import { startStack, type Stack } from './harness';

const LIMIT = 2048;

interface RawExchange {
  head: string;
  /** Whether the server closed the connection within the wait. */
  closed: boolean;
}

/** Sends raw HTTP/1.1 and reads until the server closes the socket or `waitMs` passes after the answer. */
function exchange(url: string, writeRequest: (socket: Socket) => void, waitMs = 3000): Promise<RawExchange> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve, reject) => {
    const socket = connect(Number(port), hostname);
    let received = '';
    let timer: NodeJS.Timeout | undefined;
    const finish = (closed: boolean) => {
      clearTimeout(timer);
      socket.destroy();
      resolve({ head: received.split('\r\n\r\n')[0] ?? '', closed });
    };
    socket.on('data', (chunk) => {
      received += chunk.toString('latin1');
      if (!timer && received.includes('\r\n\r\n')) timer = setTimeout(() => finish(false), waitMs);
    });
    socket.on('close', () => finish(true));
    socket.on('error', (error: NodeJS.ErrnoException) => {
      // The server may reset while the client is still writing the refused body: that is closed too.
      if (received.includes('\r\n\r\n')) finish(true);
      else reject(error);
    });
    socket.on('connect', () => writeRequest(socket));
  });
}

describe('a request body over GATEWAY_MAX_BODY_BYTES', () => {
  let stack: Stack;
  beforeAll(async () => {
    stack = await startStack({ env: { GATEWAY_MAX_BODY_BYTES: String(LIMIT) } });
  });
  afterAll(() => stack.close());

  const path = '/graphql';
  const oversize = JSON.stringify({ query: `{ __typename } #${'x'.repeat(LIMIT * 2)}` });

  it('sent chunked: 413 with Connection: close, and the connection is closed, not left hanging', async () => {
    const result = await exchange(stack.gateway.url, (socket) => {
      socket.write(
        `POST ${path} HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n` +
          'Transfer-Encoding: chunked\r\nConnection: keep-alive\r\n\r\n',
      );
      for (let offset = 0; offset < oversize.length; offset += 1000) {
        const piece = oversize.slice(offset, offset + 1000);
        socket.write(`${Buffer.byteLength(piece).toString(16)}\r\n${piece}\r\n`);
      }
      // The terminating chunk never comes: a client still streaming when the server refuses.
    });
    expect(result.head).toMatch(/^HTTP\/1\.1 413 /);
    expect(result.head.toLowerCase()).toContain('connection: close');
    expect(result.closed).toBe(true);
  });

  it('declared by Content-Length: 413 with Connection: close before the body is read', async () => {
    const result = await exchange(stack.gateway.url, (socket) => {
      socket.write(
        `POST ${path} HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n` +
          `Content-Length: ${Buffer.byteLength(oversize)}\r\n\r\n`,
      );
    });
    expect(result.head).toMatch(/^HTTP\/1\.1 413 /);
    expect(result.head.toLowerCase()).toContain('connection: close');
    expect(result.closed).toBe(true);
  });

  it('leaves the next request, on a new connection, served', async () => {
    const response = await stack.query('{ __typename }');
    expect(response.status).toBe(200);
    expect(response.body.data).toEqual({ __typename: 'Query' });
  });
});
