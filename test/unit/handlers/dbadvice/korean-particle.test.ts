import { describe, expect, it } from 'vitest';
import { directionParticle, objectParticle } from '../../../../handlers/dbadvice/korean-particle.ts';

describe('handlers/dbadvice/korean-particle', () => {
  it.each([
    ['다이너모', '를', '로'],
    ['오라클', '을', '로'],
    ['몽고DB', '를', '로'],
    ['카산드라', '를', '로'],
    ['레드시프트', '를', '로'],
    ['넵튠', '을', '으로'],
    ['Amazon RDS', '를', '로'],
    ['MSSQL', '을', '로'],
    ['IAM', '을', '으로'],
  ])('%s takes %s and %s', (word, object, direction) => {
    expect(objectParticle(word)).toBe(object);
    expect(directionParticle(word)).toBe(direction);
  });

  it('writes both forms where the reading of the last word is not known', () => {
    expect(objectParticle('Amazon Neptune')).toBe('을(를)');
    // Capitals at the end read as letters: DynamoDB is 다이나모디비.
    expect(directionParticle('Amazon DynamoDB')).toBe('로');
    expect(directionParticle('Amazon Aurora')).toBe('(으)로');
  });
});
