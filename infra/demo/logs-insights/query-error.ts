/** Where in the query text a problem is: 0-based offsets, `end` exclusive. */
export interface Span {
  start: number;
  end: number;
}

/** The query cannot be read (Logs Insights would answer `MalformedQueryException`). */
export class QuerySyntaxError extends Error {
  override name = 'QuerySyntaxError';
  readonly span: Span;
  constructor(detail: string, span: Span) {
    super(detail);
    this.span = span;
  }
}

/** The query is Logs Insights but uses something the demo does not evaluate. */
export class QueryUnsupportedError extends Error {
  override name = 'QueryUnsupportedError';
  /** What is not supported, as the user would name it: `pattern`, `strlen()`, `in`. */
  readonly feature: string;
  readonly span: Span;
  constructor(feature: string, span: Span) {
    super(`not supported: ${feature}`);
    this.feature = feature;
    this.span = span;
  }
}
