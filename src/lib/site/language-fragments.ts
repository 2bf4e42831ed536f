import type { Locale } from '../i18n/locales.ts';

/**
 * Lists a case page loads when they are opened (lazy-details.ts) are HTML fragments, one file per
 * case and language: `<folder>/<case>.html`, `<folder>/<case>.zh-cn.html`.
 */

export function fragmentFile(folder: string, caseId: string, locale: Pick<Locale, 'dir'>): string {
	return `${folder}/${caseId}${locale.dir ? `.${locale.dir}` : ''}.html`;
}
