import assert from 'node:assert/strict';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { buildSidebar, readSidebarPages } from '../../src/lib/site/sidebar.ts';

describe('buildSidebar', () => {
	it('groups cases by product in a fixed order, sorted by title, between home and about', () => {
		const sidebar = buildSidebar([
			{ slug: 'index', title: 'Helm Casebook' },
			{ slug: 'prometheus/b', title: 'Beta', product: 'prometheus' },
			{ slug: 'tempo/z', title: 'zeta', product: 'tempo' },
			{ slug: 'tempo/a', title: 'Alpha 10', product: 'tempo' },
			{ slug: 'tempo/c', title: 'Alpha 9', product: 'tempo' },
			{ slug: 'about/verification', title: 'About verification' },
		]);
		assert.deepEqual(sidebar, [
			{ slug: 'index', label: 'Cases', translations: { 'zh-CN': '案例' } },
			{ label: 'Tempo', items: [{ slug: 'tempo/c' }, { slug: 'tempo/a' }, { slug: 'tempo/z' }] },
			{ label: 'Prometheus', items: [{ slug: 'prometheus/b' }] },
			{ slug: 'about/verification', label: 'About verification', translations: { 'zh-CN': '关于验证' } },
		]);
	});

	it('links the browse pages instead of listing a product with more cases than a sidebar should hold', () => {
		const many = Array.from({ length: 13 }, (_, i) => ({ slug: `loki/c${i}`, title: `C ${i}`, product: 'loki' }));
		const sidebar = buildSidebar([...many, { slug: 'tempo/a', title: 'A', product: 'tempo' }]);
		assert.deepEqual(sidebar.slice(1, 3), [
			{ label: 'Tempo', items: [{ slug: 'tempo/a' }] },
			{ label: 'Loki', items: [{ label: 'All 13 Loki cases', link: '/browse/loki/' }] },
		]);
		assert.equal((buildSidebar(many.slice(0, 12))[1] as { items: unknown[] }).items.length, 12);
	});

	it('rejects a product without a group', () => {
		assert.throws(() => buildSidebar([{ slug: 'mimir/x', title: 'X', product: 'mimir' }]), /mimir/);
	});
});

describe('readSidebarPages', () => {
	let dir: string;
	before(async () => {
		dir = await mkdtemp(join(tmpdir(), 'casebook-sidebar-'));
		await mkdir(join(dir, 'tempo'));
		await writeFile(join(dir, 'index.mdx'), '---\ntitle: Home\n---\nbody\n');
		await writeFile(join(dir, 'tempo', 'x.mdx'), "---\ntitle: 'Case X'\ncase:\n  id: x\n  product: tempo\n---\n");
		await writeFile(join(dir, 'tempo', '_draft.mdx'), '---\ntitle: Hidden\n---\n');
		await writeFile(join(dir, 'moved.md'), '---\ntitle: Moved\nslug: elsewhere/page\n---\n');
		await writeFile(join(dir, 'notes.txt'), 'not content');
	});
	after(() => rm(dir, { recursive: true, force: true }));

	it('reads slug, title and product from frontmatter, skipping _files', () => {
		const pages = readSidebarPages(dir).sort((a, b) => a.slug.localeCompare(b.slug));
		assert.deepEqual(pages, [
			{ slug: 'elsewhere/page', title: 'Moved', product: undefined },
			{ slug: 'index', title: 'Home', product: undefined },
			{ slug: 'tempo/x', title: 'Case X', product: 'tempo' },
		]);
	});

	it('names the file whose frontmatter is not YAML', async () => {
		await writeFile(join(dir, 'broken.md'), '---\ntitle: [unclosed\n---\n');
		try {
			assert.throws(() => readSidebarPages(dir), (error: Error & { file?: string }) => error.file?.endsWith('broken.md') === true);
		} finally {
			await rm(join(dir, 'broken.md'));
		}
	});
});
