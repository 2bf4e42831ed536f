import { ensureColorContrastOnBackground } from '@expressive-code/core';
import { h, type Element, type ElementContent } from '@expressive-code/core/hast';
import { codeToTokensWithThemes } from 'shiki';

/**
 * Build-time highlighting for the code shown inside a snippet's verification panel (reproduce
 * commands, rendered excerpts). Same themes as Starlight's code blocks (Night Owl, light and
 * dark); every token colour is nudged to at least 5.5:1 against the panel background, as
 * Expressive Code does for its own blocks, so both themes pass WCAG AA. Colours travel as two
 * custom properties per token; case.css picks one by Starlight's `data-theme`.
 */

/** The code backgrounds Starlight's Expressive Code theme uses (gray-7 light, #23262f dark). */
export const CODE_BACKGROUND = { light: '#f6f7f9', dark: '#23262f' } as const;
const THEMES = { light: 'night-owl-light', dark: 'night-owl' } as const;
const MIN_CONTRAST = 5.5;

const FONT_ITALIC = 1;
const FONT_BOLD = 2;

const KNOWN_LANGUAGES = new Set(['yaml', 'bash', 'sh', 'shell', 'json', 'text']);

/** The themes' default text colours, which .cb-code sets itself (see case.css). */
const DEFAULT_FOREGROUND = { light: '#403f53', dark: '#d6deeb' } as const;

/** Styles by token colours and font style: a site has a handful of them, and contrast-fixing one costs. */
const styles = new Map<string, string | undefined>();

function tokenStyle(variants: Record<string, { color?: string; fontStyle?: number }>): string | undefined {
	const key = `${variants.light?.color}|${variants.dark?.color}|${variants.light?.fontStyle ?? 0}`;
	if (!styles.has(key)) styles.set(key, computeTokenStyle(variants));
	return styles.get(key);
}

function computeTokenStyle(variants: Record<string, { color?: string; fontStyle?: number }>): string | undefined {
	const declarations: string[] = [];
	const plain = (['light', 'dark'] as const).every(
		(mode) => (variants[mode]?.color ?? DEFAULT_FOREGROUND[mode]).toLowerCase() === DEFAULT_FOREGROUND[mode],
	);
	for (const mode of ['light', 'dark'] as const) {
		const color = plain ? undefined : variants[mode]?.color;
		if (color) {
			const readable = ensureColorContrastOnBackground(color, CODE_BACKGROUND[mode], MIN_CONTRAST);
			declarations.push(`--cb-${mode}:${readable}`);
		}
	}
	const fontStyle = variants.light?.fontStyle ?? 0;
	if (fontStyle & FONT_ITALIC) declarations.push('font-style:italic');
	if (fontStyle & FONT_BOLD) declarations.push('font-weight:600');
	return declarations.length > 0 ? declarations.join(';') : undefined;
}

/** Highlighted lines as `<span class="cb-line">` children of one `<code>`, newline-separated. */
export async function highlightToHast(code: string, lang: string): Promise<Element> {
	const language = KNOWN_LANGUAGES.has(lang) ? (lang === 'shell' || lang === 'sh' ? 'bash' : lang) : 'text';
	const text = code.replace(/\n+$/, '');
	if (language === 'text') {
		return h('code', joinLines(text.split('\n').map((line) => h('span.cb-line', line))));
	}
	const lines = await codeToTokensWithThemes(text, { lang: language as 'yaml' | 'bash' | 'json', themes: THEMES });
	// Tokens in the default colour stay bare text and neighbours with one style share a span:
	// long reproduce loops and excerpts would otherwise carry a span per word.
	const children: ElementContent[] = lines.map((tokens) => {
		const runs: { style: string | undefined; text: string }[] = [];
		for (const token of tokens) {
			const style = token.content.trim() === '' ? runs.at(-1)?.style : tokenStyle(token.variants);
			const last = runs.at(-1);
			if (last && last.style === style) last.text += token.content;
			else runs.push({ style, text: token.content });
		}
		return h(
			'span.cb-line',
			runs.map(({ style, text }) => (style ? h('span', { style }, text) : { type: 'text' as const, value: text })),
		);
	});
	return h('code', joinLines(children));
}

/** Real newlines between lines, so copying the text keeps its line breaks. */
function joinLines(lines: ElementContent[]): ElementContent[] {
	return lines.flatMap((line, i) => (i === 0 ? [line] : [{ type: 'text' as const, value: '\n' }, line]));
}
