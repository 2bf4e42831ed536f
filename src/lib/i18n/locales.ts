/**
 * The site's languages. English lives at the root; every other locale is a folder of the content
 * directory (`zh-cn/`) whose case articles translate the English article at the same path. One
 * list for Starlight's `locales`, the verifier and the site, so they cannot disagree.
 */

export interface Locale {
	/** Folder under the content directory and URL prefix; undefined for the root locale. */
	dir?: string;
	/** BCP 47 tag for `<html lang>` and Pagefind's language index. */
	lang: string;
	/** Name in its own language, for the language switcher. */
	label: string;
}

export const ROOT_LOCALE: Locale = { lang: 'en', label: 'English' };

export const TRANSLATION_LOCALES: readonly Locale[] = [{ dir: 'zh-cn', lang: 'zh-CN', label: '简体中文' }];

export const LOCALES: readonly Locale[] = [ROOT_LOCALE, ...TRANSLATION_LOCALES];

/** Starlight's `locales` option: `root` for English, then one entry per folder. */
export function starlightLocales(): Record<string, { label: string; lang: string }> {
	return Object.fromEntries(LOCALES.map((locale) => [locale.dir ?? 'root', { label: locale.label, lang: locale.lang }]));
}

/**
 * The locale of a content path relative to the content folder (`zh-cn/tempo/x.mdx` -> zh-cn) and
 * the path of the English article it translates (`tempo/x.mdx`).
 */
export function localeOfPath(relativePath: string): { locale: Locale; sourcePath: string } {
	const [first, ...rest] = relativePath.split('/');
	const locale = TRANSLATION_LOCALES.find((l) => l.dir === first);
	return locale && rest.length > 0 ? { locale, sourcePath: rest.join('/') } : { locale: ROOT_LOCALE, sourcePath: relativePath };
}

/** `zh-cn` -> its Locale; undefined or `root` -> English. */
export function localeByDir(dir: string | undefined): Locale {
	return TRANSLATION_LOCALES.find((l) => l.dir === dir) ?? ROOT_LOCALE;
}

/**
 * For an article file (absolute or project-relative) under `contentDir`, its locale, the English
 * source file it translates (itself for English) and the slug prefix of its locale (`zh-cn/`).
 */
export function articleLocale(file: string, contentDir: string | undefined): { locale: Locale; sourceFile: string; prefix: string } {
	const normalised = file.replace(/\\/g, '/');
	if (contentDir === undefined) return { locale: ROOT_LOCALE, sourceFile: normalised, prefix: '' };
	const content = contentDir.replace(/\\/g, '/').replace(/\/+$/, '');
	const at = normalised.indexOf(`${content}/`);
	if (at === -1) return { locale: ROOT_LOCALE, sourceFile: normalised, prefix: '' };
	const relative = normalised.slice(at + content.length + 1);
	const { locale, sourcePath } = localeOfPath(relative);
	return { locale, sourceFile: `${normalised.slice(0, at)}${content}/${sourcePath}`, prefix: locale.dir ? `${locale.dir}/` : '' };
}

/** `zh-CN` (Starlight's `lang` of a page) -> its Locale; anything unknown -> English. */
export function localeByLang(lang: string | undefined): Locale {
	return LOCALES.find((l) => l.lang.toLowerCase() === lang?.toLowerCase()) ?? ROOT_LOCALE;
}
