import type { IncomingHttpHeaders } from 'node:http';
import type { APIGatewayProxyEventV2 } from 'aws-lambda';

/** An HTTP request as API Gateway's HTTP API (payload format 2.0) hands it to Lambda. */
export function toApiGatewayEvent(request: {
  method: string;
  path: string;
  headers: IncomingHttpHeaders | Record<string, string>;
  body: string;
  requestId?: string;
}): APIGatewayProxyEventV2 {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(request.headers)) {
    if (value !== undefined) headers[name.toLowerCase()] = Array.isArray(value) ? value.join(',') : String(value);
  }
  const [rawPath = '/', rawQueryString = ''] = request.path.split('?');
  const now = new Date();
  return {
    version: '2.0',
    routeKey: `${request.method} ${rawPath}`,
    rawPath,
    rawQueryString,
    headers,
    body: request.body,
    isBase64Encoded: false,
    requestContext: {
      accountId: 'local',
      apiId: 'local',
      domainName: headers.host ?? 'localhost',
      domainPrefix: 'local',
      http: {
        method: request.method,
        path: rawPath,
        protocol: 'HTTP/1.1',
        sourceIp: '127.0.0.1',
        userAgent: headers['user-agent'] ?? '',
      },
      requestId: request.requestId ?? crypto.randomUUID(),
      routeKey: `${request.method} ${rawPath}`,
      stage: '$default',
      time: now.toISOString(),
      timeEpoch: now.getTime(),
    },
  };
}

/** A Lambda context good enough for code that reads the request id and the remaining time. */
export function localLambdaContext(timeoutMs = 30_000) {
  const deadline = Date.now() + timeoutMs;
  return {
    callbackWaitsForEmptyEventLoop: false,
    functionName: 'cw-chatops-local',
    functionVersion: '$LATEST',
    invokedFunctionArn: 'arn:aws:lambda:local:000000000000:function:cw-chatops-local',
    memoryLimitInMB: '1024',
    awsRequestId: crypto.randomUUID(),
    logGroupName: 'local',
    logStreamName: 'local',
    getRemainingTimeInMillis: () => Math.max(0, deadline - Date.now()),
    done: () => {},
    fail: () => {},
    succeed: () => {},
  };
}
