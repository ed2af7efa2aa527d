import { compactForm } from './traits.ts';

/** `Amazon DynamoDB`, `dynamodb` and `Dynamo DB` share a key; so do `오로라DB` and `오로라`. */
export function nameKey(name: string): string {
  return compactForm(name).replace(/^amazon/, '');
}
