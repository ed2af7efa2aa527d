import { UserInputError } from '../../errors.ts';

/**
 * A log group the query names does not exist (StartQuery's `ResourceNotFoundException`, or the
 * demo's). Every logs data source throws this one error so the answer can suggest the group meant.
 */
export class LogGroupNotFoundError extends UserInputError {
  override name = 'LogGroupNotFoundError';
  /** The names that do not exist, when the data source says which; else empty. */
  readonly groups: string[];
  constructor(message: string, groups: string[], usage: string, options?: ErrorOptions) {
    super(message, usage, options);
    this.groups = groups;
  }
}
