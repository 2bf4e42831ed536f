import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { parse } from 'yaml';
import type { CaseSummary } from '../../../src/lib/site/api.ts';
import { PROJECT_ROOT } from './site.ts';

/**
 * The article sources the site was built from, read independently of the site's own code: what
 * the browser shows is compared with what the author wrote.
 */

/** `content/docs` of the project the build came from (`<project>/dist` -> `<project>/content/docs`). */
export function contentDir(distDir: string): string {
	const beside = join(dirname(distDir), 'content', 'docs');
	return existsSync(beside) ? beside : join(PROJECT_ROOT, 'content', 'docs');
}

export function articleFile(distDir: string, summary: CaseSummary, base: string): string {
	const slug = summary.url.slice(base.length).replace(/\/$/, '');
	for (const extension of ['.mdx', '.md']) {
		const file = join(contentDir(distDir), slug + extension);
		if (existsSync(file)) return file;
	}
	throw new Error(`No article source for case ${summary.id} (page ${summary.url}) under ${contentDir(distDir)}.`);
}

export interface SourceFence {
	id: string;
	lang: string;
	illustrative: boolean;
	/** The lines between the fences, indentation of the fence removed, each ending in a newline. */
	text: string;
}

/** The fenced blocks that carry an `id="…"` meta attribute. */
export function fencesWithId(source: string): SourceFence[] {
	const lines = source.split(/\r?\n/);
	const fences: SourceFence[] = [];
	for (let i = 0; i < lines.length; i++) {
		const open = /^( *)(`{3,}|~{3,})\s*([^\s`]*)(.*)$/.exec(lines[i]!);
		if (!open) continue;
		const [, indent, marker, lang, meta] = open as unknown as [string, string, string, string, string];
		let end = i + 1;
		while (end < lines.length && !new RegExp(`^ *${marker[0]}{${marker.length},}\\s*$`).test(lines[end]!)) end++;
		const id = /(?:^|\s)id=(?:"([^"]*)"|'([^']*)'|(\S+))/.exec(meta);
		if (id) {
			const body = lines.slice(i + 1, end).map((line) => line.replace(new RegExp(`^ {0,${indent.length}}`), ''));
			fences.push({
				id: id[1] ?? id[2] ?? id[3]!,
				lang,
				illustrative: /(?:^|\s)illustrative(?:\s|=true|$)/.test(meta),
				text: body.length ? `${body.join('\n')}\n` : '',
			});
		}
		i = end;
	}
	return fences;
}

/**
 * The `##` headings of an article body as anchors, slugged the way Starlight (github-slugger)
 * does: inline Markdown dropped, lower case, punctuation removed, spaces to hyphens.
 */
export function h2Anchors(source: string): string[] {
	const body = source.replace(/^---\r?\n[\s\S]*?\r?\n---/, '');
	const anchors: string[] = [];
	let inFence = false;
	for (const line of body.split(/\r?\n/)) {
		if (/^ *(`{3,}|~{3,})/.test(line)) inFence = !inFence;
		const heading = !inFence && /^## +(.+?)\s*#*\s*$/.exec(line);
		if (!heading) continue;
		const text = heading[1]!
			.replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
			.replace(/[`*_]/g, '')
			.toLowerCase();
		anchors.push(text.replace(/[^\p{L}\p{N}\p{M}\s-]/gu, '').replace(/ /g, '-'));
	}
	return anchors;
}

/** The `case:` block of an article's frontmatter. */
export function caseFrontmatter(source: string): { id: string; aliases?: string[] } & Record<string, unknown> {
	const match = /^---\r?\n([\s\S]*?)\r?\n---/.exec(source);
	if (!match) throw new Error('The article has no frontmatter.');
	return (parse(match[1]!) as { case: { id: string; aliases?: string[] } }).case;
}

/** Old slugs declared as `case.aliases` across all articles, by case id. */
export function declaredAliases(distDir: string): Map<string, string[]> {
	const aliases = new Map<string, string[]>();
	const walk = (folder: string) => {
		for (const entry of readdirSync(folder, { withFileTypes: true })) {
			const path = join(folder, entry.name);
			if (entry.isDirectory()) walk(path);
			else if (/\.mdx?$/.test(entry.name)) {
				const source = readFileSync(path, 'utf8');
				if (!/^case:/m.test(source)) continue;
				const declared = caseFrontmatter(source);
				if (declared?.aliases?.length) aliases.set(declared.id, declared.aliases);
			}
		}
	};
	walk(contentDir(distDir));
	return aliases;
}
