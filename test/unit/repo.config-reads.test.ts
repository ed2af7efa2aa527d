import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { parsed, sourceFiles } from '../fixtures/source-files.ts';

/** The only modules that read the environment; every other one is given values (README, "Configuration"). */
const CONFIG_MODULES = ['infra/config.ts', 'infra/local/local-config.ts'];

/** Where a module reads `process.env` (`process.env.X`, `process['env']`, `const { env } = process`). */
function envReads(file: string): string[] {
  const source = parsed(file);
  const found: string[] = [];
  const at = (node: ts.Node) =>
    `${file}:${source.getLineAndCharacterOfPosition(node.getStart()).line + 1}: ${node.getText()}`;
  const isProcess = (node: ts.Node) => ts.isIdentifier(node) && node.text === 'process';
  const visit = (node: ts.Node): void => {
    if (ts.isPropertyAccessExpression(node) && isProcess(node.expression) && node.name.text === 'env')
      found.push(at(node));
    if (
      ts.isElementAccessExpression(node) &&
      isProcess(node.expression) &&
      ts.isStringLiteralLike(node.argumentExpression) &&
      node.argumentExpression.text === 'env'
    )
      found.push(at(node));
    if (
      ts.isVariableDeclaration(node) &&
      node.initializer &&
      isProcess(node.initializer) &&
      ts.isObjectBindingPattern(node.name)
    )
      found.push(at(node));
    if (
      ts.isImportDeclaration(node) &&
      ts.isStringLiteral(node.moduleSpecifier) &&
      /^(node:)?process$/.test(node.moduleSpecifier.text)
    )
      found.push(at(node));
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

describe('repo: configuration is read in one place', () => {
  const files = ['functions', 'handlers', 'infra', 'knowledge'].flatMap(sourceFiles);

  it('sees the reads of the config modules (the scan itself works)', () => {
    expect(envReads('infra/config.ts').length).toBeGreaterThan(0);
    expect(envReads('infra/local/local-config.ts').length).toBeGreaterThan(0);
  });

  it('reads process.env nowhere else in the shipped code', () => {
    expect(files.filter((f) => !CONFIG_MODULES.includes(f)).flatMap(envReads)).toEqual([]);
  });
});
