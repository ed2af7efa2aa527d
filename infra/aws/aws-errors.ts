import {
  DataSourceAccessError,
  DataSourceBusyError,
  DataSourceCredentialsError,
  DataSourceUnreachableError,
} from '../../handlers/errors.ts';
import { RequestRejectedError } from '../../handlers/port-errors.ts';

/**
 * The one translation of AWS SDK errors (after the SDK's own retries) into errors a user can act on,
 * used by every adapter in infra/aws. Error names are the common errors of every AWS API
 * (https://docs.aws.amazon.com/awsconsolehelpdocs/latest/gsg/common-errors.html) in both protocols'
 * spellings (query: `Throttling`, `ExpiredToken`; JSON: `ThrottlingException`, `ExpiredTokenException`).
 */
export interface AwsErrorContext {
  /** As the user knows it: `CloudWatch`, `CloudWatch Logs`, `RDS`. */
  service: string;
  /** The client whose call failed; its region goes into "could not reach … in <region>". */
  client: { config: { region?: unknown } };
  /** What the bot's role was refused, in the adapter's words. */
  accessDenied: string;
  /** What was asked, for "CloudWatch rejected <the query>: …"; `the request` when unset. */
  request?: string;
  /** The adapter's own errors (a malformed query, a bad parameter), tried first. */
  specific?: (error: Error) => Error | undefined;
}

const THROTTLING = new Set([
  'Throttling',
  'ThrottlingException',
  'TooManyRequestsException',
  'RequestLimitExceeded',
  'LimitExceededException',
]);
/**
 * The request as written was refused: the common errors' spellings, and Logs' and the JSON
 * protocol's `…Exception` forms. Their messages name the parameter and value, which the user wrote.
 */
const REJECTED_REQUEST = new Set([
  'InvalidParameterValue',
  'InvalidParameterValueException',
  'InvalidParameterCombination',
  'InvalidParameterCombinationException',
  'InvalidParameterException',
  'MissingParameter',
  'ValidationError',
  'ValidationException',
]);
const ACCESS_DENIED = new Set(['AccessDenied', 'AccessDeniedException', 'UnauthorizedOperation', 'NotAuthorized']);

/** Credentials AWS refused, as the reason in plain words. */
const REJECTED: Record<string, string> = {
  ExpiredToken: 'expired token',
  ExpiredTokenException: 'expired token',
  InvalidClientTokenId: 'unknown access key',
  UnrecognizedClientException: 'unknown access key',
  InvalidSignatureException: 'signature mismatch: a wrong secret key?',
  SignatureDoesNotMatch: 'signature mismatch: a wrong secret key?',
  IncompleteSignature: 'incomplete signature',
  MissingAuthenticationToken: 'no credentials sent',
};

/** Node's socket and DNS error codes, as the reason in plain words. */
const NETWORK: Record<string, string> = {
  ECONNREFUSED: 'connection refused',
  ECONNRESET: 'connection reset',
  EPIPE: 'connection closed',
  ETIMEDOUT: 'timed out',
  ENOTFOUND: 'host not found',
  EAI_AGAIN: 'DNS lookup failed',
  EHOSTUNREACH: 'host unreachable',
  ENETUNREACH: 'network unreachable',
};

const CREDENTIALS_HINT = 'run `aws sso login` or check AWS_PROFILE.';
const NETWORK_HINT = 'Check your network/VPN or AWS_ENDPOINT_URL.';

interface NodeNetworkError {
  code?: unknown;
  hostname?: unknown;
  address?: unknown;
  port?: unknown;
}

/**
 * The Node network error in the chain: the error itself, its cause, or one of an AggregateError's
 * (Node tries IPv6 and IPv4 in turn); one that names the host or address is the more useful.
 */
function networkError(error: Error): NodeNetworkError | undefined {
  const candidates = [error, error.cause, ...(error instanceof AggregateError ? error.errors : [])].filter(
    (c): c is NodeNetworkError =>
      typeof c === 'object' && c !== null && String((c as NodeNetworkError).code) in NETWORK,
  );
  return candidates.find((c) => typeof c.hostname === 'string' || typeof c.address === 'string') ?? candidates[0];
}

function networkReason(error: Error): string | undefined {
  const network = networkError(error);
  if (network) {
    const reason = NETWORK[String(network.code)] ?? 'network error';
    if (typeof network.hostname === 'string') return `${reason}: ${network.hostname}`;
    if (typeof network.address === 'string')
      return `${reason} by ${network.address}${typeof network.port === 'number' ? `:${network.port}` : ''}`;
    return reason;
  }
  // The SDK's own request and socket timeouts carry no Node code.
  return error.name === 'TimeoutError' ? 'timed out' : undefined;
}

function credentialsReason(error: Error): string | undefined {
  if (error.name === 'CredentialsProviderError' || error.name === 'TokenProviderError') {
    return /sso/i.test(error.message) && /expired|invalid/i.test(error.message)
      ? 'the SSO session has expired'
      : 'none found';
  }
  return REJECTED[error.name];
}

async function regionOf(client: AwsErrorContext['client']): Promise<string> {
  const region = client.config.region;
  try {
    const value = typeof region === 'function' ? await (region as () => Promise<unknown>)() : region;
    return typeof value === 'string' && value ? value : 'the configured region';
  } catch {
    return 'the configured region';
  }
}

/** The error to throw instead of `error`; anything not recognised is returned as it is (and stays unexposed). */
export async function translateAwsError(error: unknown, context: AwsErrorContext): Promise<unknown> {
  if (!(error instanceof Error)) return error;
  // Our own deadline or the caller's abort: not AWS's doing.
  if (error.name === 'AbortError') return error;
  const specific = context.specific?.(error);
  if (specific) return specific;
  const retryable = (error as { $retryable?: { throttling?: boolean } }).$retryable;
  if (THROTTLING.has(error.name) || retryable?.throttling) {
    return new DataSourceBusyError(`${context.service} is busy (throttling requests).`, { cause: error });
  }
  if (ACCESS_DENIED.has(error.name)) return new DataSourceAccessError(context.accessDenied, { cause: error });
  if (REJECTED_REQUEST.has(error.name)) {
    return new RequestRejectedError(
      `${context.service} rejected ${context.request ?? 'the request'}: ${error.message}`,
      {
        cause: error,
      },
    );
  }
  // Signed with a clock more than 15 minutes off: the credentials are fine, the clock is not.
  if (error.name === 'RequestExpired') {
    return new DataSourceCredentialsError(
      "AWS rejected the request as signed at the wrong time (this machine's clock is more than 15 minutes off) — set the clock right and try again.",
      { cause: error },
    );
  }
  const credentials = credentialsReason(error);
  if (credentials) {
    const lead =
      credentials === 'none found' || credentials === 'the SSO session has expired'
        ? `No usable AWS credentials (${credentials})`
        : `AWS rejected the credentials (${credentials})`;
    return new DataSourceCredentialsError(`${lead} — ${CREDENTIALS_HINT}`, { cause: error });
  }
  const network = networkReason(error);
  if (network) {
    return new DataSourceUnreachableError(
      `Could not reach ${context.service} in ${await regionOf(context.client)} (${network}). ${NETWORK_HINT}`,
      { cause: error },
    );
  }
  return error;
}
