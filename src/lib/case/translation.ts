import { z } from 'zod';
import type { CaseFrontmatter } from './schema.ts';

/**
 * A translated case article shares its English source's case: id, product, chart, kinds, version
 * ranges, error lines, resources and every `known:` / `check:` reference are inherited, so the two
 * locales cannot disagree about a check. The translation carries only the words a reader sees
 * (docs/authoring.md, "Translations").
 */

const text = z.object({ text: z.string().min(1) }).strict();

export const translatedCaseSchema = z
	.object({
		status: z.string().min(1).optional(),
		answer: z.object({ who: text, action: text, confirm: text }).strict().optional(),
		/** Same order as the English `instead`. */
		pitfall: z.object({ setting: z.string().min(1), instead: z.array(text).min(1) }).strict().optional(),
		/** What a reader of this language types: boosted in search, with the English ones. */
		symptoms: z.array(z.string().min(1)).default([]),
	})
	.strict();
export type TranslatedCase = z.output<typeof translatedCaseSchema>;

export const translationSchema = z
	.object({
		/** The English case id this page translates. */
		of: z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'expected a case id'),
		/** sha256 (hex) of the English .mdx file's bytes the translation was made from. */
		source: z.string().regex(/^[0-9a-f]{64}$/, 'expected the sha256 of the English .mdx file, 64 hex digits (sha256sum <file>)'),
	})
	.strict();
export type Translation = z.output<typeof translationSchema>;

/**
 * The case a translated page shows: the English case with the translated words in place. Texts
 * the translation leaves out stay English; every reference stays the source's.
 */
export function translateCase<T extends CaseFrontmatter>(source: T, translated: TranslatedCase | undefined): T {
	if (!translated) return source;
	const answer = source.answer && translated.answer
		? {
				who: { ...source.answer.who, text: translated.answer.who.text },
				action: { ...source.answer.action, text: translated.answer.action.text },
				confirm: { ...source.answer.confirm, text: translated.answer.confirm.text },
			}
		: source.answer;
	const pitfall = source.pitfall && translated.pitfall
		? {
				...source.pitfall,
				setting: translated.pitfall.setting,
				instead: source.pitfall.instead.map((entry, i) => ({ ...entry, text: translated.pitfall!.instead[i]?.text ?? entry.text })),
			}
		: source.pitfall;
	return {
		...source,
		...(answer ? { answer } : {}),
		...(pitfall ? { pitfall } : {}),
		...(translated.status ? { status: translated.status } : {}),
		// Both languages' words find the page: the reader's first, then the source's.
		symptoms: [...new Set([...translated.symptoms, ...source.symptoms])],
	};
}
