import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { after, before, beforeEach, describe, it } from 'node:test';
import type { Browser, BrowserContext, Dialog, Page } from 'playwright-core';
import { parse } from 'yaml';
import { formatFailure } from '../../src/lib/verify/failures.ts';
import { verify } from '../../src/lib/verify/run.ts';
import { caseFiles, projectRoot, scratchProject, silentProgress } from '../helpers/project.ts';
import { launchChromium, monitor, openContext, visit, type Monitor } from './support/browser.ts';
import { buildProjectCopy, type ProjectCopy } from './support/project-copy.ts';
import { search } from './support/search.ts';
import { serveBuild, type ServedSite } from './support/site.ts';

// Frontmatter is text. A site built from articles whose every frontmatter string is a script
// payload (test/fixtures/hostile/) must show each string as written and run none of them: on the
// case page, its permalink and alias redirects, the listings and in search, filters included.
// The test builds that site itself (support/project-copy.ts): the hostile case articles are
// verified for real (two chart versions, so it takes seconds) and built with `astro build`.

const FIXTURES = join(projectRoot, 'test/fixtures/hostile');
const SITE_TITLE = 'Helm Casebook';

const hostileTitle = 'X </title><script>alert(1)</script>';
const rangeTitle = 'tempo-distributed <1.13.2 ingester & a </title> in the title';

describe('a component name that is markup', () => {
	it('is rejected by the verifier, the build\'s first step, at its file and line', async () => {
		const project = await scratchProject(await caseFiles(join(FIXTURES, 'component-payload.mdx'), 'tempo/component-payload.mdx'));
		try {
			const outcome = await verify({ config: project.config, progress: silentProgress, renderCacheDir: project.renderCacheDir });
			assert.equal(outcome.failures.length, 1, outcome.failures.map(formatFailure).join('\n'));
			const message = formatFailure(outcome.failures[0]!);
			assert.match(message, /^content\/docs\/tempo\/component-payload\.mdx:6(:\d+)?: invalid frontmatter: case\.component: /);
			assert.equal(outcome.report, undefined, 'no report, so no site, from a rejected article');
		} finally {
			await project.dispose();
		}
	});
});

describe('a site built from hostile frontmatter', { timeout: 10 * 60_000 }, () => {
	let copy: ProjectCopy | undefined;
	let site: ServedSite;
	let browser: Browser;
	let context: BrowserContext;
	let page: Page;
	let watch: Monitor;
	/** alert() and friends, from any page of the context. */
	const dialogs: string[] = [];
	let hostile: Record<string, any>;

	before(async () => {
		const payloads = await readFile(join(FIXTURES, 'frontmatter-payloads.mdx'), 'utf8');
		hostile = parse(payloads.split(/^---$/m)[1]!);
		copy = await buildProjectCopy({
			...(await caseFiles(join(FIXTURES, 'frontmatter-payloads.mdx'), 'tempo/frontmatter-payloads.mdx')),
			...(await caseFiles(join(FIXTURES, 'version-range-title.mdx'), 'tempo/version-range-title.mdx')),
		});
		site = await serveBuild(copy.dist, '/');
		browser = await launchChromium();
		context = await openContext(browser, site);
		watch = monitor(context, site.origin);
		const onDialog = (dialog: Dialog) => {
			dialogs.push(`${dialog.type()} "${dialog.message()}" on ${dialog.page()?.url()}`);
			void dialog.dismiss();
		};
		context.on('page', (p) => p.on('dialog', onDialog));
		page = await context.newPage();
	});

	// Each step answers for its own pages.
	beforeEach(() => {
		dialogs.length = 0;
		watch?.reset();
	});

	after(async () => {
		await browser?.close();
		await site?.close();
		await copy?.dispose();
	});

	/** Nothing ran: no dialog, no flag, and no request for the `x` image of an `<img src=x>`. */
	async function assertNothingRan(where: string): Promise<void> {
		await page.waitForLoadState('networkidle');
		const flag = await page.evaluate(() => (window as { __casebookPwned?: unknown }).__casebookPwned);
		assert.equal(flag, undefined, `a payload set its flag on ${where}`);
		assert.deepEqual(dialogs, [], `a payload opened a dialog on ${where}`);
		const images = [...watch.problems.httpErrors, ...watch.problems.failed].filter((line) => /\/x(\s|$)/.test(line));
		assert.deepEqual(images, [], `a payload's <img src=x> was loaded on ${where}`);
	}

	const caseUrl = (id: string) => {
		const found = site.cases.find((c) => c.id === id);
		assert.ok(found, `the build has no case ${id}`);
		return site.at(found.url);
	};

	it('shows the title as written in the tab, the heading and the head, and runs nothing', async () => {
		await visit(page, caseUrl('hostile-frontmatter'));
		await assertNothingRan('the case page');
		assert.equal(await page.title(), `${hostileTitle} | ${SITE_TITLE}`);
		assert.equal(await page.locator('h1').first().textContent(), hostileTitle);
		// The head was not cut short: what Starlight puts after the title is still in it.
		const head = await page.evaluate(() => ({
			titles: document.querySelectorAll('title').length,
			description: document.head.querySelector('meta[name="description"]')?.getAttribute('content'),
			ogTitle: document.head.querySelector('meta[property="og:title"]')?.getAttribute('content'),
			bodyScripts: [...document.body.querySelectorAll('script')].map((s) => s.textContent ?? '').filter((t) => /alert\(|Pwned/.test(t)),
		}));
		assert.deepEqual(head, { titles: 1, description: hostile.description, ogTitle: hostileTitle, bodyScripts: [] });
	});

	it('shows every case field as text on the case page', async () => {
		await visit(page, caseUrl('hostile-frontmatter'));
		const facts = await page.evaluate(() => {
			// The hidden search terms: one line per kind, "<Label>: <items>", as Pagefind reads them.
			const lines = [...document.querySelectorAll('[data-case-facts] p')].map((p) => p.textContent ?? '');
			const line = (label: string) => lines.find((text) => text.startsWith(`${label}: `));
			return {
				symptoms: line('Symptoms'),
				errors: line('Errors'),
				resources: line('Resources'),
				handlers: document.querySelectorAll('[onerror], [onload]').length,
			};
		});
		assert.deepEqual(facts, {
			symptoms: `Symptoms: ${hostile.case.symptoms.join('. ')}.`,
			errors: `Errors: ${hostile.case.errors.join('. ')}`,
			resources: `Resources: ${hostile.case.resources.join(' ')}`,
			handlers: 0,
		});
		await assertNothingRan('the case page facts');
	});

	it('keeps a title with a version range and a stray </title> intact', async () => {
		await visit(page, caseUrl('hostile-version-range'));
		await assertNothingRan('the version-range case page');
		assert.equal(await page.title(), `${rangeTitle} | ${SITE_TITLE}`);
		assert.equal(await page.locator('h1').first().textContent(), rangeTitle);
		const sidebar = await page.locator('nav.sidebar a[aria-current="page"]').textContent();
		assert.equal(sidebar?.trim(), rangeTitle);
	});

	it('redirects from the permalink and the alias without running the title', async () => {
		for (const path of ['cases/hostile-frontmatter/', 'tempo/hostile-old-name/']) {
			await visit(page, site.page(path));
			assert.equal(page.url(), caseUrl('hostile-frontmatter'), `${path} redirects to the article`);
			await assertNothingRan(`/${path}`);
			const html = await readFile(join(site.dir, path, 'index.html'), 'utf8');
			const title = /<title>([\s\S]*?)<\/title>/.exec(html)?.[1];
			assert.equal(title, 'Moved: X &lt;/title&gt;&lt;script&gt;alert(1)&lt;/script&gt;', `the <title> of /${path}`);
		}
	});

	it('lists both cases with their titles as written on the home and 404 pages', async () => {
		watch.allowStatus(site.page('no-such-page/'), 404);
		for (const path of ['', 'no-such-page/']) {
			await visit(page, site.page(path));
			await assertNothingRan(`/${path}`);
			const titles = await page.locator('[data-case-list] .casebook-case__title a').allTextContents();
			assert.deepEqual(titles.map((t) => t.trim()).sort(), [hostileTitle, rangeTitle].sort(), `the case list on /${path}`);
		}
	});

	it('searches, with result titles, excerpts and filter labels as text', async () => {
		await visit(page, caseUrl('hostile-frontmatter'));
		const results = await search(page, 'hostileword');
		assert.deepEqual(results.titles, [hostileTitle]);
		await page.locator('#starlight__search .pagefind-ui__filter-panel').waitFor();
		// The UI adds a filter group as the index's filter files arrive: wait for the three this site
		// has (chart, component, product), then open every group, as a reader looking for a filter would.
		await page.waitForFunction(() => document.querySelectorAll('#starlight__search details.pagefind-ui__filter-block').length >= 3);
		await page.locator('#starlight__search details.pagefind-ui__filter-block').evaluateAll((blocks) => {
			for (const block of blocks) (block as HTMLDetailsElement).open = true;
		});
		const labels = await page.locator('#starlight__search .pagefind-ui__filter-label').allTextContents();
		// Counts are of the whole index; the labels are the values as written.
		assert.deepEqual(
			labels.map((label) => label.replace(/ \(\d+\)$/, '')).sort(),
			['grafana/tempo-distributed', 'ingester', 'tempo'],
			'the filter labels (chart, component, product)',
		);
		const excerpt = await page.locator('#starlight__search .pagefind-ui__result-excerpt').allTextContents();
		assert.ok(
			excerpt.some((text) => text.includes("<img src=x onerror=alert('symptom')>")),
			`the symptom shows as text in the excerpt: ${JSON.stringify(excerpt)}`,
		);
		assert.equal(await page.locator('#starlight__search .pagefind-ui__results img').count(), 0);
		const range = await search(page, 'ingester');
		assert.ok(range.titles.includes(rangeTitle), `the version-range title in results: ${JSON.stringify(range.titles)}`);
		await assertNothingRan('the search dialog');
	});

	it('serves the titles unchanged in api/cases.json', async () => {
		const titles = site.cases.map((c) => c.title).sort();
		assert.deepEqual(titles, [hostileTitle, rangeTitle].sort());
	});
});
