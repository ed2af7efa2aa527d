import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { deflateSync } from 'node:zlib';

/**
 * The two AWS JSON-protocol calls a deployed relay makes besides DynamoDB, on 127.0.0.1, so the
 * cold-start bench loads and runs the same clients Lambda does: SSM GetParameters for the bot token
 * (middy's ssm middleware; awsJson1_1, `X-Amz-Target: AmazonSSM.GetParameters`) and CloudWatch
 * GetMetricWidgetImage for the alarm graph (awsJson1_0, `GraniteServiceVersion20100801.…`; the blob
 * is base64 in JSON). Shapes from the SSM and CloudWatch API references.
 */

/** A 1×1 grey PNG: signature, IHDR, IDAT, IEND (the CRCs are not checked by anything here). */
function tinyPng(): Buffer {
  const chunk = (type: string, data: Buffer) => {
    const length = Buffer.alloc(4);
    length.writeUInt32BE(data.length);
    return Buffer.concat([length, Buffer.from(type, 'ascii'), data, Buffer.alloc(4)]);
  };
  const header = Buffer.from([0, 0, 0, 1, 0, 0, 0, 1, 8, 0, 0, 0, 0]);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(Buffer.from([0, 0x80]))),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

export async function startAwsStandIn(botToken: string) {
  const calls: string[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const target = String(req.headers['x-amz-target'] ?? '');
      calls.push(target);
      const body = JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}') as { Names?: string[] };
      const answer = (type: string, value: unknown) => {
        res.writeHead(200, { 'content-type': type });
        res.end(JSON.stringify(value));
      };
      if (target === 'AmazonSSM.GetParameters') {
        answer('application/x-amz-json-1.1', {
          Parameters: (body.Names ?? []).map((Name) => ({ Name, Type: 'SecureString', Value: botToken, Version: 1 })),
          InvalidParameters: [],
        });
      } else if (target === 'GraniteServiceVersion20100801.GetMetricWidgetImage') {
        answer('application/x-amz-json-1.0', { MetricWidgetImage: tinyPng().toString('base64') });
      } else {
        res.writeHead(400, { 'content-type': 'application/x-amz-json-1.0' });
        res.end(JSON.stringify({ __type: 'UnknownOperationException', message: target }));
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    endpoint,
    calls,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
