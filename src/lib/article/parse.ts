import GithubSlugger from 'github-slugger';
import { markdownToMdast, mdxToMdast, type MdastNode } from 'satteri';

/**
 * The one reader of an article's Markdown: Sätteri, the parser Astro renders the site with, with
 * the features Starlight turns on (directives, for asides). Whatever the site renders as a code
 * block, the verifier sees here, wherever it sits: in a list, an aside or a component.
 */

export interface CodeBlock {
	/** The info string's first word, e.g. `yaml`; empty when none. */
	lang: string;
	/** The rest of the info string, e.g. `title="values.yaml" id="restore-ingester"`. */
	meta: string;
	/** 1-based file line of the opening fence. */
	line: number;
	/** 1-based file line of the first content line. */
	contentLine: number;
	/** The content as the site renders it (indentation of a nested fence removed), newline-terminated. */
	text: string;
	/** False for an indented code block (Markdown only), which cannot carry attributes. */
	fenced: boolean;
}

export interface Heading {
	depth: number;
	text: string;
	line: number;
	/** The id the site gives the heading: GitHub's slugger over the page, as Astro's heading-ids plugin does. */
	anchor: string;
}

/** A component or HTML element that shows code without going through a fence. */
export interface RawCodeElement {
	name: string;
	line: number;
}

/** `<Evidence check="id" />` and its kin in the prose: a mark saying how a sentence is known. */
export interface EvidenceMark {
	line: number;
	/** Literal attributes; a bare attribute (`inference`) is `true`, an expression `undefined`. */
	attributes: Record<string, string | true | undefined>;
}

export interface ParsedMarkdown {
	/** The YAML frontmatter's text and the file line of its first line, when there is one. */
	frontmatter?: { text: string; firstLine: number };
	codeBlocks: CodeBlock[];
	headings: Heading[];
	rawCode: RawCodeElement[];
	evidence: EvidenceMark[];
	/** Every MDX component or element in the body (`AmIAffected`, `Evidence`, ...), in order. */
	components: Array<{ name: string; line: number }>;
}

const RAW_CODE_ELEMENTS = new Set(['pre', 'code', 'Code']);
export const EVIDENCE_ELEMENT = 'Evidence';

/** `.mdx` files are MDX; everything else is Markdown. */
export function markdownFormat(path: string): 'md' | 'mdx' {
	return path.endsWith('.mdx') ? 'mdx' : 'md';
}

export function parseMarkdown(source: string, format: 'md' | 'mdx'): ParsedMarkdown {
	const options = { features: { directive: true } };
	const tree = format === 'mdx' ? mdxToMdast(source, options) : markdownToMdast(source, options);
	const parsed: ParsedMarkdown = { codeBlocks: [], headings: [], rawCode: [], evidence: [], components: [] };
	const slugger = new GithubSlugger();
	visit(tree, (node) => {
		const line = node.position?.start.line ?? 1;
		switch (node.type) {
			case 'yaml':
				parsed.frontmatter ??= { text: node.value, firstLine: line + 1 };
				return;
			case 'code': {
				const start = node.position?.start.offset ?? 0;
				const fenced = /^(`{3,}|~{3,})/.test(source.slice(start, start + 3));
				parsed.codeBlocks.push({
					lang: node.lang ?? '',
					meta: node.meta ?? '',
					line,
					contentLine: fenced ? line + 1 : line,
					text: node.value ? `${node.value}\n` : '',
					fenced,
				});
				return;
			}
			case 'heading': {
				const text = textOf(node);
				parsed.headings.push({ depth: node.depth, text, line, anchor: slugger.slug(text) });
				return;
			}
			case 'mdxJsxFlowElement':
			case 'mdxJsxTextElement':
				if (node.name) parsed.components.push({ name: node.name, line });
				if (node.name === EVIDENCE_ELEMENT) parsed.evidence.push({ line, attributes: attributesOf(node) });
				else if (node.type === 'mdxJsxFlowElement' && node.name && RAW_CODE_ELEMENTS.has(node.name)) {
					parsed.rawCode.push({ name: node.name, line });
				}
				return;
		}
	});
	return parsed;
}

function attributesOf(node: MdastNode): EvidenceMark['attributes'] {
	const attributes: EvidenceMark['attributes'] = {};
	for (const attribute of (node as { attributes?: Array<{ type: string; name?: string; value?: unknown }> }).attributes ?? []) {
		if (attribute.type !== 'mdxJsxAttribute' || !attribute.name) continue;
		const { value } = attribute;
		attributes[attribute.name] = value === null || value === undefined ? true : typeof value === 'string' ? value : undefined;
	}
	return attributes;
}

function visit(node: MdastNode, enter: (node: MdastNode) => void): void {
	enter(node);
	if ('children' in node) for (const child of node.children as MdastNode[]) visit(child, enter);
}

/** The heading's text as the browser shows it: text and inline code, markup dropped. */
function textOf(node: MdastNode): string {
	if ('value' in node && typeof node.value === 'string' && node.type !== 'mdxTextExpression') return node.value;
	if ('children' in node) return (node.children as MdastNode[]).map(textOf).join('');
	return '';
}
