/**
 * Just enough Markdown for notes: a YAML front-matter block, headings that split a note into
 * sections, and Obsidian's `![[embed]]` / `[[link|alias]]` syntax (the team writes in Obsidian).
 */

export interface Section {
  heading: string;
  text: string;
}

const FRONT_MATTER = /^\uFEFF?---\r?\n([\s\S]*?)\r?\n---[ \t]*(?:\r?\n|$)/;

/** Splits a note into its raw front matter (undefined when there is none) and its body. */
export function splitFrontMatter(source: string): { frontMatter: string | undefined; body: string } {
  const match = FRONT_MATTER.exec(source);
  if (!match) return { frontMatter: undefined, body: source };
  return { frontMatter: match[1] ?? '', body: source.slice(match[0].length) };
}

/** Drops embeds (pasted images say nothing searchable) and keeps a link's visible text. */
export function cleanObsidian(text: string): string {
  return text
    .replace(/!\[\[[^\]]*\]\]/g, '')
    .replace(/\[\[([^\]|]*)\|([^\]]*)\]\]/g, '$2')
    .replace(/\[\[([^\]]*)\]\]/g, '$1')
    .replace(/!\[[^\]]*\]\([^)]*\)/g, '');
}

/** Sections by heading (any level); text before the first heading is titled `intro`. */
export function splitSections(body: string, intro: string): Section[] {
  const sections: Section[] = [];
  let current: Section = { heading: intro, text: '' };
  for (const line of cleanObsidian(body).split(/\r?\n/)) {
    const heading = /^#{1,6}\s+(.+?)\s*#*\s*$/.exec(line);
    if (heading?.[1]) {
      sections.push(current);
      current = { heading: heading[1], text: '' };
    } else {
      current.text += `${line}\n`;
    }
  }
  sections.push(current);
  return sections.map((s) => ({ heading: s.heading, text: s.text.trim() })).filter((s) => s.text.length > 0);
}
