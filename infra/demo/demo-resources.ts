// Kept apart from the demo adapters so `/cw help` lists them without loading any demo data.

export const DEMO_LOG_GROUPS = ['/aws/lambda/checkout-api', '/aws/lambda/image-resizer', '/ecs/public-web'];
/** So `/cw logs query /aws/lambda/checkout-*` can be tried locally. */
export const DEMO_LOG_PREFIXES = ['/aws/lambda/*', '/ecs/*'];

/** For `/cw help` in demo mode: what there is to look at. */
export function describeDemoResources(): string {
  return [
    '• EC2 `i-0abc1234def567890` (web-1), `i-0abd1234def567890` (web-2), `i-0f7e3c2b1a0987654` (batch-1)',
    '• RDS `orders-db`, `users-db`: cpu, connections, read-iops, write-iops, iops, memory',
    '• Lambda `checkout-api`, `image-resizer`: invocations, errors, duration',
    '• ALB `app/public-web/50dc6c495c0c9188`: requests, 5xx, latency',
    '• Logs `/aws/lambda/checkout-api`, `/aws/lambda/image-resizer`, `/ecs/public-web`; saved queries `checkout errors`, `web 5xx by 5 minutes`',
    '_An incident hit orders-db, checkout-api and the load balancer about two hours ago._',
  ].join('\n');
}
