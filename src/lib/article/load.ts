import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { relative, sep } from 'node:path';
import { z } from 'zod';
import { caseFrontmatterSchema, caseSchema, CHECKS_KEYS, type Case } from '../case/schema.ts';
import { textOnlyStarlightFields } from '../case/starlight-fields.ts';
import { CasebookError } from '../errors.ts';
import { schemaError } from '../schema-error.ts';
import { parseLocatedYaml, type LocatedYaml } from '../yaml/located.ts';
import { checkAnchorCollisions } from './anchors.ts';
import { checkEvidenceMarks } from './evidence.ts';
import { articleSourceHash, checksFileOf } from './files.ts';
import { markdownFormat, parseMarkdown, type EvidenceMark, type Heading, type ParsedMarkdown } from './parse.ts';
import { contentSlug } from './slug.ts';
import { readSnippets, refuseRawCode, type Snippet } from './snippets.ts';

/** An article read from disk: its case (frontmatter and checks file joined) and its snippets, with file lines. */
export interface Article {
	/** Path of the MDX file relative to the project root, with `/` separators. */
	file: string;
	/** Path of the checks file relative to the project root, when the article has one. */
	checksFile?: string;
	/** Site slug, e.g. `tempo/ingester-statefulset-missing`. */
	slug: string;
	title: string;
	description?: string;
	/** Hash of the article and its checks file: the report records it, the site compares it. */
	sourceHash: string;
	case?: Case;
	snippets: Snippet[];
	headings: Heading[];
	/** `<Evidence>` marks and components of the body, for comparing a translation with it. */
	evidence: EvidenceMark[];
	components: ParsedMarkdown['components'];
	/** sha256 of the article file's bytes alone: what a translation's `translation.source` names. */
	fileHash: string;
	/** File and line of a path into the article's data, e.g. `['case', 'checks', 2, 'expect', 0]`. */
	locate(path: ReadonlyArray<PropertyKey>): { file: string; line: number };
}

export type CaseArticle = Article & { case: Case };

// Starlight validates its other fields itself; the ones that could carry markup are narrowed here
// too, so the verifier reports them with file and line before the site build sees them.
const pageSchema = z.object({
	title: z.string().min(1),
	description: z.string().optional(),
	...textOnlyStarlightFields,
});

export async function loadArticle(path: string, projectRoot: string, contentRoot: string): Promise<Article> {
	const file = toPosix(relative(projectRoot, path));
	const source = await readFile(path, 'utf8');
	const markdown = parseMarkdown(source, markdownFormat(path));
	if (!markdown.frontmatter) {
		throw new CasebookError('the article has no frontmatter', {
			file,
			line: 1,
			expected: 'a first line "---" opening the YAML frontmatter',
		});
	}
	const frontmatter = parseLocatedYaml(markdown.frontmatter.text, {
		file,
		firstLine: markdown.frontmatter.firstLine,
		what: 'in the frontmatter',
	});
	const checksPath = checksFileOf(path);
	const checksFile = existsSync(checksPath) ? toPosix(relative(projectRoot, checksPath)) : undefined;
	const checksSource = checksFile ? await readFile(checksPath, 'utf8') : undefined;
	const checks = checksFile ? parseLocatedYaml(checksSource!, { file: checksFile }) : undefined;

	const locate = (dataPath: ReadonlyArray<PropertyKey>) =>
		checks && checksFile && dataPath[0] === 'case' && isChecksKey(dataPath[1])
			? { file: checksFile, line: checks.lineOf(dataPath.slice(1)) }
			: { file, line: frontmatter.lineOf(dataPath) };

	const data = asRecord(frontmatter.data);
	const page = pageSchema.safeParse(data);
	if (!page.success) throw schemaError(page.error, { what: 'frontmatter', data, locate });
	const declared = readCase(data.case, frontmatter, checks, { file, checksFile, checksPath: toPosix(relative(projectRoot, checksPath)), locate });

	const snippets = readSnippets(markdown.codeBlocks, file);
	checkAnchorCollisions(snippets, markdown.headings, file);
	checkEvidenceMarks(markdown.evidence, declared, file);
	if (declared) refuseRawCode(markdown.rawCode, file, 'a fenced code block with an id applied by a check, or marked illustrative');
	return {
		file,
		checksFile,
		slug: contentSlug(toPosix(relative(contentRoot, path)), data.slug),
		title: page.data.title,
		description: page.data.description,
		sourceHash: articleSourceHash(source, checksSource),
		case: declared,
		snippets,
		headings: markdown.headings,
		evidence: markdown.evidence,
		components: markdown.components,
		fileHash: articleSourceHash(source, undefined),
		locate,
	};
}

/** The frontmatter of any content page as plain data (empty when it has none), for listings. */
export function readPageFrontmatter(source: string, file: string): Record<string, unknown> {
	const markdown = parseMarkdown(source, markdownFormat(file));
	if (!markdown.frontmatter) return {};
	return asRecord(parseLocatedYaml(markdown.frontmatter.text, { file, firstLine: markdown.frontmatter.firstLine }).data);
}

function readCase(
	frontmatterCase: unknown,
	frontmatter: LocatedYaml,
	checks: LocatedYaml | undefined,
	where: {
		file: string;
		checksFile?: string;
		checksPath: string;
		locate: Article['locate'];
	},
): Case | undefined {
	if (frontmatterCase === undefined) {
		if (where.checksFile) {
			throw new CasebookError('a checks file sits beside an article that declares no case', {
				file: where.checksFile,
				line: 1,
				expected: `a \`case:\` block in the frontmatter of ${where.file}`,
				found: 'no case',
			});
		}
		return undefined;
	}
	const declared = asRecord(frontmatterCase);
	const misplaced = CHECKS_KEYS.find((key) => key in declared);
	if (misplaced) {
		throw new CasebookError(`"case.${misplaced}" belongs in the checks file, not the frontmatter`, {
			file: where.file,
			line: frontmatter.lineOf(['case', misplaced]),
			expected: `${misplaced}: in ${where.checksPath}`,
			found: `case.${misplaced} in the frontmatter`,
		});
	}
	const parsedFrontmatter = caseFrontmatterSchema.safeParse(declared);
	if (!parsedFrontmatter.success) {
		throw schemaError(prefixed(parsedFrontmatter.error), { what: 'frontmatter', data: { case: declared }, locate: where.locate });
	}
	if (!checks) {
		throw new CasebookError('the case has no checks file', {
			file: where.file,
			line: frontmatter.lineOf(['case']),
			expected: `${where.checksPath} with the case's namespace, matrix and checks`,
			found: 'no such file',
		});
	}
	const joined = { ...declared, ...asRecord(checks.data) };
	const parsed = caseSchema.safeParse(joined);
	if (!parsed.success) {
		throw schemaError(prefixed(parsed.error), { what: 'case', data: { case: joined }, locate: where.locate });
	}
	return parsed.data;
}

/** Issue paths of the case schema start below `case`; errors name them from the article's top. */
function prefixed(error: z.ZodError): z.ZodError {
	return new z.ZodError(error.issues.map((issue) => ({ ...issue, path: ['case', ...issue.path] })));
}

function isChecksKey(key: PropertyKey | undefined): boolean {
	return typeof key === 'string' && (CHECKS_KEYS as string[]).includes(key);
}

function asRecord(value: unknown): Record<string, unknown> {
	return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
}

function toPosix(path: string): string {
	return path.split(sep).join('/');
}
