/**
 * What a note may cite: the canonical English AWS page (docs.aws.amazon.com or aws.amazon.com).
 * China-partition copies (amazonaws.cn), translated pages (`/hi_in/`), the Markdown copies the
 * docs site serves (`.md`) and GitHub paths look untrustworthy in an answer, so the build refuses
 * them and says which page to cite instead. Korean answers cite the `/ko_kr/` page, derived here.
 */

export type SourceCheck = { ok: true; url: string } | { ok: false; problem: string };

const DOCS = 'docs.aws.amazon.com';
const SITE = 'aws.amazon.com';
/** `en_us`, `hi_in`, `ko_kr`, `zh_cn`… on docs; `ko`, `jp`, `cn`… on aws.amazon.com. */
const DOCS_LOCALE = /^\/([a-z]{2}_[a-z]{2})(?=\/)/;
const SITE_LOCALE = /^\/(ar|cn|de|es|fr|id|it|jp|ko|pt|ru|th|tr|tw|vi)(?=\/)/;
const COPY_SUFFIX = /\.(md|txt|pdf)$/;

/** The English docs page for a China-partition, translated or Markdown URL, when there is an obvious one. */
function englishPage(url: URL): string {
  const path = url.pathname.replace(DOCS_LOCALE, '').replace(/\.md$/, '.html');
  return `https://${DOCS}${path}`;
}

/**
 * Normalises what is harmless (http, `/en_us/`, upper-case host, tracking query) and refuses what
 * is not a canonical page, with the reason and, where it can, the URL to cite instead.
 */
export function checkSource(entry: string): SourceCheck {
  const text = entry.trim();
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return {
      ok: false,
      problem: `"${text}" is not a URL; a source is an AWS page's address alone (put remarks such as "team seed notes" under "provenance")`,
    };
  }
  if (/\s/.test(text)) {
    return { ok: false, problem: `"${text}" has text after the URL; put remarks under "provenance"` };
  }
  const host = url.hostname.toLowerCase();
  if (host.endsWith('amazonaws.cn')) {
    return {
      ok: false,
      problem: `${text} is a China-partition page (amazonaws.cn); cite the global page, e.g. ${englishPage(url)}`,
    };
  }
  if (host !== DOCS && host !== SITE) {
    return {
      ok: false,
      problem: `${text} is not an AWS documentation page; cite a page on ${DOCS} or ${SITE} (put other material under "provenance")`,
    };
  }
  let path = url.pathname;
  const locale = host === DOCS ? DOCS_LOCALE.exec(path)?.[1] : SITE_LOCALE.exec(path)?.[1];
  if (locale === 'en_us') path = path.replace(DOCS_LOCALE, '');
  else if (locale !== undefined) {
    return {
      ok: false,
      problem: `${text} is a translated page (${locale}); cite the English page${host === DOCS ? `, ${englishPage(url)}` : ''} (Korean answers link its /ko_kr/ version themselves)`,
    };
  }
  if (COPY_SUFFIX.test(path)) {
    return {
      ok: false,
      problem: `${text} is a ${/\.(\w+)$/.exec(path)?.[1]} copy; cite the page, ${englishPage(url)}`,
    };
  }
  if (host === DOCS && !/(\.html|\/)$/.test(path)) {
    return { ok: false, problem: `${text} is not a page address (docs pages end in .html); cite ${text}.html` };
  }
  return { ok: true, url: `https://${host}${path}${url.hash}` };
}

/** The page a Korean answer links: the `/ko_kr/` docs page, or the English one where AWS has no such path. */
export function sourceFor(url: string, lang: 'en' | 'ko'): string {
  if (lang !== 'ko') return url;
  const prefix = `https://${DOCS}/`;
  return url.startsWith(prefix) ? `${prefix}ko_kr/${url.slice(prefix.length)}` : url;
}
