import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { detectLanguage } from '../../../knowledge/language.ts';
import { QUESTIONS } from '../../eval/questions.ts';

describe('knowledge/language', () => {
  it.each([
    ['注文データにはどのデータベースが向いていますか', 'kana'],
    ['我们的订单数据应该用哪个数据库', 'Han without Hangul'],
    ['Какую базу данных выбрать для корзины покупателя?', 'Cyrillic'],
    ['Necesitamos guardar el carrito de compras, ¿cuál servicio conviene?', 'Spanish'],
    ['Nous devons stocker les paniers des clients, quel service faut-il ?', 'French'],
    ['Precisamos de um banco para os pedidos, qual serviço é melhor?', 'Portuguese'],
    ['Wir brauchen eine Datenbank für Bestellungen und Zahlungen', 'German'],
    ['Quale servizio per i dati dei sensori che abbiamo?', 'Italian'],
  ])('tells a question in a third language apart: %s (%s)', (question) => {
    expect(detectLanguage(question)).toBe('other');
  });

  it.each([
    ['Which store for shopping carts that spike on sale days?', 'en'],
    ['Graph of friends of friends, per user, low latency', 'en'],
    ['Las Vegas casino loyalty points table with a TTL', 'en'],
    ['Los Angeles and Las Vegas stores need a shared session cache', 'en'],
    ['장바구니 데이터를 어디에 두면 좋을까요', 'ko'],
    ['DynamoDB랑 Aurora 중 뭐가 나아요?', 'ko'],
    ['Cache for example.com product pages, reads per second in the millions', 'en'],
  ] as const)('keeps English and Korean questions as they are: %s', (question, lang) => {
    expect(detectLanguage(question)).toBe(lang);
  });

  it('reads every eval question in the language the set says it is in', () => {
    for (const q of QUESTIONS) expect(detectLanguage(q.q), q.q).toBe(q.lang);
  });

  it('never calls text with Hangul anything but Korean', () => {
    fc.assert(
      fc.property(fc.string(), fc.constantFrom('세션', '데이터', '오로라'), (text, korean) => {
        expect(detectLanguage(`${text} ${korean}`)).toBe('ko');
      }),
    );
  });
});
