/** `1 database`, `2 databases`, `0 findings`: English counts read as words, never `database(s)`. */
export function count(n: number, one: string, many = `${one}s`): string {
  return `${n.toLocaleString('en-US')} ${n === 1 ? one : many}`;
}
