import assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { docsSchema } from '@astrojs/starlight/schema';
import { parse as parseYaml } from 'yaml';
import { z } from 'zod';
import { loadArticle } from '../../src/lib/article/load.ts';
import { caseSchema, casebookFrontmatterSchema } from '../../src/lib/case/schema.ts';
import { isWebLink } from '../../src/lib/case/starlight-fields.ts';
import { CasebookError } from '../../src/lib/errors.ts';
import { loadCaseArticles } from '../../src/lib/verify/articles.ts';

// Frontmatter is text: a component name cannot form markup (it is a Pagefind filter, which
// Pagefind's UI inserts as HTML), and the Starlight fields rendered as HTML or used as link
// targets are refused, both by the verifier (with file and line) and by the site's collection.

const root = fileURLToPath(new URL('../..', import.meta.url));
const hostileFixtures = fileURLToPath(new URL('../fixtures/hostile/', import.meta.url));

describe('component names', () => {
	const component = caseSchema.shape.component;

	it('accepts the names of chart components', () => {
		for (const name of ['ingester', 'query-frontend', 'Prometheus server', 'ruler (sidecar)', 'compactor/ingester', 'node_exporter', 'v2.1', 'Überwachung']) {
			assert.ok(component.safeParse(name).success, name);
		}
	});

	it('rejects anything that could form markup or an entity', () => {
		for (const name of ['ingester<img src=x onerror=alert(1)>', '<script>', 'a & b', '&lt;b&gt;', 'a"b', "a'b", 'a>b', ' leading space', '']) {
			assert.equal(component.safeParse(name).success, false, JSON.stringify(name));
		}
	});

	it('names the file and line of a markup component in the verifier', async () => {
		const { errors } = await loadCaseArticles(root, hostileFixtures, [join(hostileFixtures, 'component-payload.mdx')]);
		assert.equal(errors.length, 1);
		const [error] = errors;
		assert.equal(error!.file, 'test/fixtures/hostile/component-payload.mdx');
		assert.equal(error!.line, 6);
		assert.match(error!.message, /case\.component: expected a component name/);
		assert.equal(error!.found, JSON.stringify('ingester<img src=x onerror=alert(1)>'));
	});
});

describe('isWebLink', () => {
	it('accepts web addresses and paths on the site', () => {
		for (const href of ['https://grafana.com/docs/', 'http://example.org', '/tempo/x/', '../x/', 'x/', '#fix', '?q=1', '//example.org/x']) {
			assert.equal(isWebLink(href), true, href);
		}
	});

	it('rejects script and other schemes, however a browser would still read them', () => {
		for (const href of ['javascript:alert(1)', ' JavaScript:alert(1)', 'java\tscript:alert(1)', 'java\nscript:alert(1)', 'data:text/html,<script>alert(1)</script>', 'vbscript:x', 'mailto:a@b.c']) {
			assert.equal(isWebLink(href), false, JSON.stringify(href));
		}
	});
});

/** A page with the given frontmatter lines after its title. */
function page(lines: string): string {
	return `---\ntitle: A page\n${lines}\n---\n\nText.\n`;
}

const refusedFields: Array<{ name: string; frontmatter: string; line: number; message: RegExp }> = [
	{ name: 'head tags', frontmatter: 'head:\n  - tag: script\n    content: alert(1)', line: 4, message: /head\[0\]: head is not allowed/ },
	{ name: 'a hero', frontmatter: 'hero:\n  tagline: <img src=x onerror=alert(1)>', line: 3, message: /hero: hero is not allowed/ },
	{ name: 'a banner', frontmatter: 'banner:\n  content: <script>alert(1)</script>', line: 3, message: /banner: banner is not allowed/ },
	{ name: 'sidebar link attributes', frontmatter: 'sidebar:\n  attrs:\n    onclick: alert(1)', line: 5, message: /sidebar\.attrs\.onclick: sidebar\.attrs is not allowed/ },
	{ name: 'a script edit link', frontmatter: 'editUrl: javascript:alert(1)', line: 3, message: /editUrl: expected an http\(s\) address/ },
	{ name: 'a script prev link', frontmatter: 'prev:\n  link: "java\\tscript:alert(1)"', line: 4, message: /prev\.link: expected an http\(s\) address or a path/ },
];

const allowedFields = [
	'sidebar:\n  label: Short\n  order: 2\n  badge: New',
	'editUrl: https://github.com/example/casebook/edit/main/x.mdx',
	'editUrl: false',
	'prev: false\nnext:\n  link: /tempo/x/\n  label: Next case',
	'description: "A <description> & more"',
];

describe('Starlight fields that Starlight renders as HTML or follows as links', () => {
	let dir: string;
	before(async () => {
		dir = await mkdtemp(join(tmpdir(), 'casebook-frontmatter-'));
	});
	after(async () => {
		await rm(dir, { recursive: true, force: true });
	});

	async function load(source: string) {
		const path = join(dir, 'page.mdx');
		await writeFile(path, source);
		return loadArticle(path, dir, dir);
	}

	for (const field of refusedFields) {
		it(`refuses ${field.name} in the verifier, at its line`, async () => {
			await assert.rejects(load(page(field.frontmatter)), (error: unknown) => {
				assert.ok(error instanceof CasebookError);
				assert.equal(error.file, 'page.mdx');
				assert.equal(error.line, field.line);
				assert.match(error.message, field.message);
				return true;
			});
		});
	}

	it('accepts the fields pages use', async () => {
		for (const frontmatter of allowedFields) await load(page(frontmatter));
	});

	// Starlight deep-merges casebookFrontmatterSchema over its own: the narrowed fields must win there too.
	const collection = docsSchema({ extend: casebookFrontmatterSchema })({ image: () => z.string() } as never);
	const data = (frontmatter: string) => ({ title: 'A page', ...parseYaml(frontmatter) });

	for (const field of refusedFields) {
		it(`refuses ${field.name} in the site's content collection`, () => {
			const result = collection.safeParse(data(field.frontmatter));
			assert.equal(result.success, false);
			assert.match(result.error!.issues.map((issue) => issue.message).join('\n'), /not allowed|http\(s\)/);
		});
	}

	it('keeps Starlight\'s defaults for pages that use none of them', () => {
		const result = collection.parse({ title: 'tempo-distributed <1.13.2 & more' });
		assert.equal(result.title, 'tempo-distributed <1.13.2 & more');
		assert.deepEqual(result.head, []);
		assert.deepEqual(result.sidebar, { hidden: false });
		assert.equal(result.editUrl, true);
		for (const frontmatter of allowedFields) assert.ok(collection.safeParse(data(frontmatter)).success, frontmatter);
	});
});
