import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { relative, sep } from 'node:path';
import { z } from 'zod';
import { casebookFrontmatterSchema, type Case } from '../case/schema.ts';
import { CasebookError } from '../errors.ts';
import { findFences } from '../markdown/fences.ts';
import { splitFrontmatter, type Frontmatter } from '../markdown/frontmatter.ts';
import { checkAnchorCollisions } from './anchors.ts';
import { readSnippets, type Snippet } from './snippets.ts';

/** An article read from disk: its case declaration and its snippets, each with file lines. */
export interface Article {
	/** Path relative to the project root, with `/` separators. */
	file: string;
	/** Site slug, e.g. `tempo/ingester-statefulset-missing`. */
	slug: string;
	title: string;
	sourceHash: string;
	case?: Case;
	snippets: Snippet[];
	frontmatter: Frontmatter;
}

const articleFrontmatterSchema = casebookFrontmatterSchema.extend({
	title: z.string().min(1),
	description: z.string().optional(),
});

export async function loadArticle(path: string, projectRoot: string, contentRoot: string): Promise<Article> {
	const source = await readFile(path, 'utf8');
	const file = toPosix(relative(projectRoot, path));
	const frontmatter = splitFrontmatter(source, file);
	// Other Starlight fields (sidebar, template, ...) are Starlight's to validate.
	const parsed = articleFrontmatterSchema.loose().safeParse(frontmatter.data);
	if (!parsed.success) throw frontmatterError(parsed.error, frontmatter, file);
	const snippets = readSnippets(findFences(frontmatter.body, frontmatter.bodyLine), file);
	checkAnchorCollisions(snippets, frontmatter.body, frontmatter.bodyLine, file);
	return {
		file,
		slug: slugOf(toPosix(relative(contentRoot, path))),
		title: parsed.data.title,
		sourceHash: createHash('sha256').update(source).digest('hex'),
		case: parsed.data.case,
		snippets,
		frontmatter,
	};
}

/** Starlight's slug for a content file: lower case, no extension, `index` dropped. */
export function slugOf(relativePath: string): string {
	return relativePath
		.replace(/\.(md|mdx)$/, '')
		.split('/')
		.map((part) => part.toLowerCase())
		.filter((part, i, parts) => !(i === parts.length - 1 && part === 'index'))
		.join('/');
}

function frontmatterError(error: z.ZodError, frontmatter: Frontmatter, file: string): CasebookError {
	// The deepest issue is the most useful one to fix first; the rest follow in the message.
	const issues = [...error.issues].sort((a, b) => b.path.length - a.path.length);
	const first = issues[0]!;
	const line = frontmatter.lineOf(issuePath(first));
	const others = issues.slice(1, 4).map((issue) => `\n  also at line ${frontmatter.lineOf(issuePath(issue))}: ${describe(issue)}`);
	return new CasebookError(`invalid frontmatter: ${describe(first)}${others.join('')}`, {
		file,
		line,
		expected: expectedOf(first),
		found: foundAt(frontmatter.data, first.path),
	});
}

/** An unknown key is best shown on its own line, not on its parent's. */
function issuePath(issue: z.core.$ZodIssue): PropertyKey[] {
	return issue.code === 'unrecognized_keys' ? [...issue.path, issue.keys[0]!] : issue.path;
}

function describe(issue: z.core.$ZodIssue): string {
	const where = issue.path.length ? `${formatPath(issue.path)}: ` : '';
	return `${where}${issue.message}`;
}

export function formatPath(path: ReadonlyArray<PropertyKey>): string {
	return path
		.map((key, i) => (typeof key === 'number' ? `[${key}]` : `${i === 0 ? '' : '.'}${String(key)}`))
		.join('');
}

function expectedOf(issue: z.core.$ZodIssue): string | undefined {
	if (issue.code === 'invalid_type') return issue.expected;
	if (issue.code === 'invalid_value') return issue.values.map((v) => JSON.stringify(v)).join(' | ');
	if (issue.code === 'unrecognized_keys') return `none of ${issue.keys.join(', ')}`;
	return undefined;
}

function foundAt(data: unknown, path: ReadonlyArray<PropertyKey>): string {
	let value: unknown = data;
	for (const key of path) {
		if (value === null || typeof value !== 'object') return 'nothing';
		value = (value as Record<PropertyKey, unknown>)[key];
	}
	if (value === undefined) return 'nothing';
	const text = JSON.stringify(value);
	return text.length > 120 ? `${text.slice(0, 117)}...` : text;
}

function toPosix(path: string): string {
	return path.split(sep).join('/');
}
